/**
 * LibreOffice (Debian's libreoffice-calc-nogui) in tests: recalculating an .xlsx headless, with a
 * fresh profile each time, to prove that the formulas a file carries compute the engine's figures.
 * Without soffice the suite says SKIPPED on a developer's machine; under CI it must run (and fails).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const haveSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

/** `describe` when LibreOffice is there or CI is set; otherwise a visible skip. */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (haveSoffice || process.env.CI) {
    describe(name, body);
    return;
  }
  process.stderr.write(`SKIPPED: LibreOffice (soffice) is not installed; "${name}" needs it.\n`);
  describe.skip(name, body);
}

/** Runs `soffice --headless` with a fresh profile in a temporary folder, removed afterwards. */
export function withSoffice<T>(args: (dir: string) => string[], then: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "tender-budget-lo-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", ...args(dir)],
      {
        stdio: "pipe",
        timeout: 120_000,
      },
    );
    return then(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The .xlsx as LibreOffice saves it after recalculating every formula. */
export function recalculateXlsx(bytes: Uint8Array): Buffer {
  return withSoffice(
    (dir) => {
      writeFileSync(join(dir, "in.xlsx"), bytes);
      return ["--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "in.xlsx")];
    },
    (dir) => readFileSync(join(dir, "out", "in.xlsx")),
  );
}
