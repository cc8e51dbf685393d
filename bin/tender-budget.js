#!/usr/bin/env node
"use strict";
// Thin shim: the CLI is compiled to lib/ by `npm ci` (the "prepare" script).
const { existsSync } = require("fs");
const { join } = require("path");

const compiled = join(__dirname, "..", "lib", "cli", "main.js");
if (!existsSync(compiled)) {
  process.stderr.write(
    `tender-budget: the command line is not built yet (${compiled} is missing); ` +
      "run `npm run build:cli` in the project folder (`npm ci` does it too), then try again\n",
  );
  process.exitCode = 2;
} else {
  const { main } = require(compiled);
  main(process.argv.slice(2), process).then((code) => {
    process.exitCode = code;
  });
}
