#!/usr/bin/env node
"use strict";
// Thin shim: the CLI is compiled to lib/ by `npm ci` (the "prepare" script).
const { main } = require("../lib/cli/main.js");
main(process.argv.slice(2), process).then((code) => {
  process.exitCode = code;
});
