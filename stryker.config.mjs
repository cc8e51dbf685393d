// @ts-check
/**
 * `npm run mutate`: StrykerJS over the engine and its shells. See docs/testing.md.
 *
 * MUTATE_FOLDER=src/functions npm run mutate   mutates one folder only, runs only that folder's tests
 *   (tests/functions; MUTATE_TESTS="tests/a tests/b" names others, see jest.mutate.config.js) and
 *   keeps its own reports and incremental file under reports/mutation/src-functions/ (or under
 *   $MUTATE_REPORTS/src-functions/ when MUTATE_REPORTS names another folder).
 * Without MUTATE_FOLDER it mutates all four folders against the whole mutation suite.
 */
const folder = (process.env.MUTATE_FOLDER ?? "").replace(/\/+$/, "");
const folders = folder ? [folder] : ["src/domain", "src/cli", "src/functions", "src/workbook"];
// MUTATE_REPORTS=/some/dir keeps the reports and incremental files outside the working tree (they
// then outlive it, so a later run continues where this one stopped); default reports/mutation.
const root = (process.env.MUTATE_REPORTS ?? "reports/mutation").replace(/\/+$/, "");
const out = folder ? `${root}/${folder.replace(/\//g, "-")}` : root;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: {
    projectType: "custom",
    configFile: "jest.mutate.config.js",
    enableFindRelatedTests: true,
  },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.mutate.json",
  typescriptChecker: {
    prioritizePerformanceOverAccuracy: true,
  },
  mutate: [...folders.map((f) => `${f}/**/*.ts`), "!src/**/*.d.ts"],
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  reporters: ["html", "json", "progress", "clear-text"],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  ignorePatterns: ["dist", "lib", "reports", "bench/results*"],
  tempDirName: "reports/.stryker-tmp",
  // 2: one TypeScript checker process and one jest process while mutants are still being checked
  // (Stryker gives checkers half), then two jest processes. 1 gives the same one checker and one
  // runner, and only one runner after checking.
  concurrency: 2,
  timeoutMS: 20000,
  dryRunTimeoutMinutes: 60,
};
