/** Jest for `npm run mutate`: the suites that exercise src/domain, src/cli, src/functions and
 * src/workbook. Left out: the browser and LibreOffice tests (they need a build or another program and
 * would only time out under mutation), the pane's React tests and the repository checks (build,
 * manifest, bench), which test none of the mutated folders. */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  roots: ["<rootDir>/tests"],
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    "/tests/e2e/",
    "/tests/taskpane/",
    "/tests/build/",
    "/tests/manifest/",
    "/tests/bench/",
    "libreoffice",
  ],
};
