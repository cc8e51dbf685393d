#!/usr/bin/env node
/**
 * `npm run bench`: the benchmarks of docs and issue 9 (engine vs spreadsheet formulas, Excel round
 * trips, pane weight and start, exports). The bench is TypeScript (bench/*.ts) run straight from the
 * sources: ts-hook.js transpiles them on load with the installed typescript. See bench/suite.ts.
 */
"use strict";
require("./ts-hook").register();

require("./suite.ts")
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`bench failed: ${error && error.stack ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
