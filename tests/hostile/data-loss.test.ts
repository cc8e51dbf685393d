/**
 * Issue #20, data loss: `--out` never overwrites an input (by the file itself, not its name),
 * never replaces an existing file without --force, and never leaves a file half-written or some
 * outputs written and others not. Each case asserts the exit status, the message and that no file
 * in the folder changed that should not.
 */
import {
  chmodSync,
  linkSync,
  promises as fs,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import type { FileContent } from "../../src/cli/io";
import { EXAMPLE_JSON, INVOICES, inScratch, run, snapshot, type scratch } from "./run";

/** `tender-budget check` followed by `typed`, as typed in the scratch folder: each word not an option is a file there. */
function checkIn(s: ReturnType<typeof scratch>, typed: string) {
  return run(["check", ...typed.split(" ").map((w) => (w.startsWith("--") ? w : s.path(w)))]);
}

describe("--out never writes over an input", () => {
  it("refuses the invoices file given to --actuals", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON, "inv.csv": INVOICES }, async (s) => {
      const before = snapshot(s.dir);
      const r = await checkIn(s, "in.json --actuals inv.csv --out inv.csv");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `"${s.path("inv.csv")}" is the invoices file (--actuals); write to another file`,
      );
      expect(r.stdout).toBe("");
      expect(snapshot(s.dir)).toEqual(before);
    });
  });

  it("refuses the input reached through a symbolic link (check link.json --out in.json)", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      symlinkSync("in.json", s.path("link.json"));
      const before = snapshot(s.dir);
      const r = await checkIn(s, "link.json --out in.json --force");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `"${s.path("in.json")}" is the file being checked (${s.path("link.json")}, by another name or a link); write to another file`,
      );
      expect(snapshot(s.dir)).toEqual(before);
    });
  });

  it("refuses a hard link to the input (check in.json --out hard.json), even with --force", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      linkSync(s.path("in.json"), s.path("hard.json"));
      const before = snapshot(s.dir);
      const r = await checkIn(s, "in.json --out hard.json --force");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("is the file being checked");
      expect(snapshot(s.dir)).toEqual(before);
    });
  });

  it("refuses the input's name in another case on a case-insensitive disk (macOS, Windows)", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      const before = snapshot(s.dir);
      // A case-insensitive file system: every name is looked up folded to lower case.
      const folded = (p: string): string => p.slice(0, s.dir.length) + p.slice(s.dir.length).toLowerCase();
      const stat = async (p: string) => {
        try {
          const st = await fs.stat(folded(p), { bigint: true });
          return {
            dev: st.dev,
            ino: st.ino,
            isFile: st.isFile(),
            isDirectory: st.isDirectory(),
            mode: 0o644,
          };
        } catch {
          return undefined;
        }
      };
      const r = await run(["check", s.path("in.json"), "--out", s.path("IN.JSON"), "--force"], { stat });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `"${s.path("IN.JSON")}" is the file being checked (${s.path("in.json")}, by another name or a link)`,
      );
      expect(snapshot(s.dir)).toEqual(before);
    });
  });

  it("refuses two names for the same output, by link or by case", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      writeFileSync(s.path("old.csv"), "keep me\n");
      linkSync(s.path("old.csv"), s.path("alias.csv"));
      const before = snapshot(s.dir);
      const r = await checkIn(s, "in.json --force --out old.csv --out alias.csv --out a.json --out A.json");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `"${s.path("alias.csv")}" is given twice (the same file as "${s.path("old.csv")}")`,
      );
      expect(r.stderr).toContain(
        `"${s.path("A.json")}" is given twice (the same file as "${s.path("a.json")}")`,
      );
      expect(snapshot(s.dir)).toEqual(before);
    });
  });
});

describe("an existing --out file is replaced only with --force", () => {
  it("refuses without --force, naming the file and the option, and writes none of the outputs", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      writeFileSync(s.path("report.json"), "my earlier report\n");
      const before = snapshot(s.dir);
      const r = await checkIn(s, "in.json --out new.csv --out report.json");
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "tender-budget: some outputs cannot be written (nothing was written):\n" +
          `  --out: "${s.path("report.json")}" already exists; add --force to replace it, or write to another file\n`,
      );
      expect(snapshot(s.dir)).toEqual(before);
    });
  });

  it("with --force replaces it, says so, keeps its permissions, and writes through a link", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      writeFileSync(s.path("report.json"), "old\n");
      chmodSync(s.path("report.json"), 0o600);
      writeFileSync(s.path("real.csv"), "old\n");
      symlinkSync("real.csv", s.path("link.csv"));
      const r = await checkIn(s, "in.json --force --out report.json --out link.csv");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`tender-budget: replaced ${s.path("report.json")}: the report as JSON`);
      expect(r.stderr).toContain(`tender-budget: replaced ${s.path("link.csv")}: the allocation table`);
      expect(JSON.parse(readFileSync(s.path("report.json"), "utf8")).totals.value).toBe(346560);
      expect(statSync(s.path("report.json")).mode & 0o777).toBe(0o600);
      const after = snapshot(s.dir);
      expect(after["link.csv"]).toBe("link -> real.csv");
      expect(readFileSync(s.path("real.csv"), "utf8")).toContain("Barnet,960.00,112");
      expect(Object.keys(after).sort()).toEqual(["in.json", "link.csv", "real.csv", "report.json"]);
    });
  });

  it("a new file is written and reported as written", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      const r = await checkIn(s, "in.json --out a.csv");
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `tender-budget: wrote ${s.path("a.csv")}: the allocation table as CSV (UTF-8, opens in Excel)\n`,
      );
    });
  });
});

describe("outputs are written whole or not at all", () => {
  it("a full disk leaves the earlier good report as it was and no half-written file", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      writeFileSync(s.path("report.json"), '{"good": "report"}\n');
      const before = snapshot(s.dir);
      let writes = 0;
      // The disk fills up during the second file: half of it is written, then ENOSPC.
      const writeFile = async (p: string, data: FileContent) => {
        writes++;
        const bytes = data instanceof Uint8Array ? data : Buffer.from([...data].join(""));
        if (writes === 2) {
          await fs.writeFile(p, bytes.subarray(0, bytes.length / 2));
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        }
        await fs.writeFile(p, bytes, { flag: "wx" });
      };
      const r = await run(
        [
          "check",
          s.path("in.json"),
          "--force",
          "--out",
          s.path("a.csv"),
          "--out",
          s.path("report.json"),
          "--out",
          s.path("b.findings.csv"),
        ],
        { writeFile },
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `tender-budget: cannot write ${s.path("report.json")}: the disk is full; free some space and try again\n` +
          "  nothing was written; every existing file is as it was\n",
      );
      expect(snapshot(s.dir)).toEqual(before);
    });
  });

  it("a later --out into a missing folder writes none of the earlier ones", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      const before = snapshot(s.dir);
      const r = await checkIn(s, "in.json --out a.csv --out no/such/b.json");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${s.path("no/such/b.json")}: its folder does not exist`);
      expect(snapshot(s.dir)).toEqual(before);
      expect(readdirSync(s.dir)).toEqual(["in.json"]);
    });
  });

  it("a folder given as --out is named", async () => {
    await inScratch({ "in.json": EXAMPLE_JSON }, async (s) => {
      await fs.mkdir(s.path("out.json"));
      const r = await checkIn(s, "in.json --force --out out.json");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"${s.path("out.json")}" is a folder; give the name of a file to write`);
    });
  });
});
