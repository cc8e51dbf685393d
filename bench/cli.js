#!/usr/bin/env node
/**
 * The `tender-budget` command run straight from the sources (src/cli/main.ts through ts-hook.js), for
 * the bench to time in a child process of its own: bench/readback.ts writes and reads a workbook with it.
 */
"use strict";
require("./ts-hook").register();

require("../src/cli/main.ts")
  .main(process.argv.slice(2), process)
  .then((code) => {
    process.exitCode = code;
  });
