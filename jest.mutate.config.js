/** Jest for `npm run mutate`: the suites that exercise src/domain, src/cli, src/functions and
 * src/workbook. Left out: the browser and LibreOffice tests (they need a build or another program and
 * would only time out under mutation), the functions bundle test (it runs its own webpack build in a
 * separate JavaScript context, where no mutant is ever switched on), the pane's React tests and the
 * repository checks (build, manifest, bench), which test none of the mutated folders.
 *
 * With MUTATE_FOLDER=src/<folder> (see stryker.config.mjs) only tests/<folder> runs, or the
 * directories listed in MUTATE_TESTS (separated by spaces or commas): far quicker, and a lower bound
 * on the score, since a test elsewhere that would kill a mutant is not run. */
const base = require("./jest.config.js");

const folder = (process.env.MUTATE_FOLDER ?? "").replace(/\/+$/, "");
const listed = (process.env.MUTATE_TESTS ?? "").split(/[\s,]+/).filter(Boolean);
const testRoots = listed.length > 0 ? listed : folder ? [folder.replace(/^src\//, "tests/")] : ["tests"];

module.exports = {
  ...base,
  roots: testRoots.map((dir) => `<rootDir>/${dir}`),
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    "/tests/e2e/",
    "/tests/taskpane/",
    "/tests/build/",
    "/tests/manifest/",
    "/tests/bench/",
    "/tests/functions/bundle\\.test\\.ts$",
    "libreoffice",
  ],
};
