import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SHARED_ENV, sharedDir, sharedRoot } from "./shared-material";

describe("finding the shared reference material", () => {
  let dir: string;
  let written: string[];
  let spy: jest.SpyInstance;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "tb-shared-"));
    written = [];
    spy = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
      written.push(String(s));
      return true;
    });
  });

  afterEach(() => {
    spy.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is ../shared beside the checkout unless TENDER_BUDGET_SHARED names another folder", () => {
    expect(sharedRoot({})).toBe(resolve(__dirname, "..", "..", "..", "shared"));
    expect(sharedRoot({ [SHARED_ENV]: "  " })).toBe(resolve(__dirname, "..", "..", "..", "shared"));
    expect(sharedRoot({ [SHARED_ENV]: dir })).toBe(dir);
  });

  it("gives the kind's folder when it is there, and prints nothing", () => {
    mkdirSync(join(dir, "seeds"));
    expect(sharedDir("seeds", "seed tests", { [SHARED_ENV]: dir })).toBe(join(dir, "seeds"));
    expect(written).toEqual([]);
  });

  it("is undefined when absent, with one line naming what is skipped and how to point at it", () => {
    const env = { [SHARED_ENV]: dir };
    expect(sharedDir("ocds", "the schema checks", env)).toBeUndefined();
    expect(sharedDir("ocds", "the schema checks", env)).toBeUndefined();
    expect(written).toHaveLength(1);
    expect(written[0]).toBe(
      `skipped: the schema checks — no ocds/ folder in ${dir}; put the shared material beside the checkout ` +
        `as ../shared or set TENDER_BUDGET_SHARED=/path/to/shared\n`,
    );
  });

  it("a file where the folder should be is not the material", () => {
    writeFileSync(join(dir, "manifest-xsd"), "not a folder");
    expect(sharedDir("manifest-xsd", "XSD tests", { [SHARED_ENV]: dir })).toBeUndefined();
    expect(written).toHaveLength(1);
  });
});
