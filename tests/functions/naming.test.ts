/**
 * Microsoft's naming rules for custom functions, enforced on every function of the functions.json
 * the build generates (the same generator the webpack plugin runs on src/functions/functions.ts).
 *
 * Source: "Custom functions naming guidelines" (learn.microsoft.com/office/dev/add-ins/excel/
 * custom-functions-naming): a function's id and name must both start with a letter and be at least
 * three characters; an id may use only A-Z, 0-9, underscore and period; a name any Unicode letters,
 * underscore and period; avoid names that are a cell reference (A1 to XFD1048576, R1C1 to
 * R1048576C16384) or an Excel 4.0 macro function (such as RUN, ECHO).
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

/** Why `id` (or, with `asName`, a display name) breaks the rules; undefined when it keeps them. */
function namingProblem(text: string, asName: boolean): string | undefined {
  if (!/^\p{L}/u.test(text)) return "must start with a letter";
  if ([...text].length < 3) return "must be at least three characters";
  if (!asName && !/^[A-Z0-9_.]+$/.test(text)) return "may use only A-Z, 0-9, _ and .";
  if (asName && !/^[\p{L}_.]+$/u.test(text)) return "may use only letters, _ and .";
  if (isCellReference(text)) return "must not be a cell reference";
  if (MACRO_FUNCTIONS.has(text.toUpperCase())) return "must not be an Excel 4.0 macro function";
  return undefined;
}

/** A1 (A1 to XFD1048576) or R1C1 (R1C1 to R1048576C16384) reference. */
function isCellReference(text: string): boolean {
  const a1 = /^([A-Z]{1,3})([0-9]+)$/i.exec(text);
  if (a1) {
    const col = [...a1[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    if (col <= 16384 && row >= 1 && row <= 1048576) return true;
  }
  const r1c1 = /^R([0-9]+)C([0-9]+)$/i.exec(text);
  return (
    r1c1 !== null &&
    Number(r1c1[1]) >= 1 &&
    Number(r1c1[1]) <= 1048576 &&
    Number(r1c1[2]) >= 1 &&
    Number(r1c1[2]) <= 16384
  );
}

/** Some of the Excel 4.0 macro functions (Microsoft's "Excel Macro Functions Reference"). */
const MACRO_FUNCTIONS = new Set([
  "RUN",
  "ECHO",
  "HALT",
  "GOTO",
  "RETURN",
  "RESULT",
  "ARGUMENT",
  "FORMULA",
  "SELECTION",
  "EVALUATE",
  "FILES",
  "ALERT",
  "BEEP",
  "PAUSE",
  "STEP",
  "VOLATILE",
  "WAIT",
]);

describe("the naming rules themselves", () => {
  it("refuse what Microsoft's page refuses", () => {
    expect(namingProblem("FY", false)).toBe("must be at least three characters");
    expect(namingProblem("2FY", false)).toBe("must start with a letter");
    expect(namingProblem("DAY-RATE", false)).toBe("may use only A-Z, 0-9, _ and .");
    expect(namingProblem("XFD1048576", false)).toBe("must not be a cell reference");
    expect(namingProblem("R1048576C16384", false)).toBe("must not be a cell reference");
    expect(namingProblem("ECHO", false)).toBe("must not be an Excel 4.0 macro function");
  });

  it("accept what it allows", () => {
    expect(namingProblem("FYE", false)).toBeUndefined();
    expect(namingProblem("XFE1", false)).toBeUndefined(); // past column XFD
    expect(namingProblem("A1048577", false)).toBeUndefined(); // past row 1,048,576
    expect(namingProblem("DAY_RATE.2", false)).toBeUndefined();
    expect(namingProblem("JOURS_OUVRÉS", true)).toBeUndefined();
  });
});

describe("every function in functions.json", () => {
  let functions: { id: string; name: string }[];
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE);
    functions = JSON.parse(result.metadataJson || '{"functions":[]}').functions;
  });

  it("has an id and a name that keep Microsoft's naming rules", () => {
    expect(functions.length).toBeGreaterThan(0);
    const broken = functions.flatMap((f) => {
      const id = namingProblem(f.id, false);
      const name = namingProblem(f.name, true);
      return [...(id ? [`id ${f.id} ${id}`] : []), ...(name ? [`name ${f.name} ${name}`] : [])];
    });
    expect(broken).toEqual([]);
  });
});
