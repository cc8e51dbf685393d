/**
 * The README's command-line examples run from the repository alone: every file they name is in the
 * repository (none in the shared material beside it), and each command whose input is shipped runs as the README says.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runCli } from "../support/cli";

const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The `npx tender-budget …` lines of the README's "Command line" section, comments removed. */
function readmeCommands(): string[][] {
  const section = README.split(/^## Command line$/m)[1]?.split(/^## /m)[0] ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line.startsWith("npx tender-budget "))
    .map((line) => line.split(/\s+/).slice(2));
}

const run = runCli;

const commands = readmeCommands();

test("the README shows the check command on a tender file, a lots table, a notice and invoices", () => {
  expect(commands.length).toBeGreaterThanOrEqual(5);
  expect(commands.map((c) => c[1])).toEqual(
    expect.arrayContaining([
      "examples/dfe-commissioners-2017.json",
      "examples/dfe-commissioners-2017.csv",
      "examples/dfe-commissioners-2017-notice.txt",
    ]),
  );
});

test("no README command reads a file from outside the repository", () => {
  const paths = commands.flat().filter((arg) => arg.includes("/") && /\.(json|csv|txt|xlsx)$/.test(arg));
  expect(paths.length).toBeGreaterThanOrEqual(4);
  expect(paths.filter((p) => p.startsWith("..") || p.startsWith("/"))).toEqual([]);
  for (const p of paths) expect(existsSync(join(ROOT, p))).toBe(true);
});

describe("each README command on a shipped file", () => {
  const shipped = commands.filter((c) => existsSync(join(ROOT, c[1])) && !c.includes("--out"));
  const cwd = process.cwd();
  beforeAll(() => process.chdir(ROOT));
  afterAll(() => process.chdir(cwd));

  test.each(shipped.map((c) => [c.join(" "), c]))("tender-budget %s", async (_, argv) => {
    const r = await run(argv as string[]);
    expect(r.stderr).toBe("");
    // The DfE case's lots add up to £560 more than stated: an error finding, exit status 1.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/346,560/);
  });
});

test("the example notice reads as the DfE tender: four lots, £346,000 stated, 31 July and 31 August 2017", async () => {
  const r = await run(["check", join(ROOT, "examples", "dfe-commissioners-2017-notice.txt"), "--json"]);
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout);
  expect(report.tender).toMatchObject({
    title: "Commissioners for children's services at four councils",
    buyer: "Department for Education",
    closingDate: "2017-07-31",
    startDate: "2017-08-31",
  });
  expect(
    report.lines.map((l: { lot: string; value: number; days: number }) => [l.lot, l.value, l.days]),
  ).toEqual([
    ["Barnet", 107520, 112],
    ["Kirklees", 48960, 51],
    ["Reading", 95040, 99],
    ["Worcestershire", 95040, 99],
  ]);
  expect(report.totals).toMatchObject({ value: 346560, statedTotal: 346000, variance: 560 });
  expect(report.inferred.dayRate).toBe(960);
  expect(report.findings.map((f: { code: string }) => f.code)).toEqual(["TOTAL_MISMATCH", "RATE_INFERRED"]);
  expect(report.notice.missing).toEqual([
    "no day rate found",
    "no days found for Barnet, Kirklees, Reading, Worcestershire",
    "no end date found",
  ]);
});
