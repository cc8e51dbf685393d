/**
 * Every example formula in docs/functions.md, evaluated through the exported functions with the
 * arguments Excel would pass, must give the result the page shows.
 */
import fs from "fs";
import path from "path";
import * as tender from "../../src/functions/functions";
import { FUNCTION_IDS } from "./helpers";

const DOC = fs.readFileSync(path.resolve(__dirname, "../../docs/functions.md"), "utf8");

/** The example sheet on the page: B2:B5 stated values, C2:C5 days. */
const SHEET: Record<string, unknown[][]> = {
  "B2:B5": [[107520], [48960], [95040], [95040]],
  "C2:C5": [[112], [51], [99], [99]],
};

/** Excel's serial for DATE(y, m, d) (1900 date system, dates from March 1900). */
function excelDate(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Split a formula's argument list at top-level commas. */
function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === "(" || ch === "{")) depth++;
    if (!quoted && (ch === ")" || ch === "}")) depth--;
    if (!quoted && depth === 0 && ch === ",") {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  args.push(current.trim());
  return args;
}

/** One argument as Excel passes it: numbers, text, ranges and array constants as 2-D arrays. */
function argument(text: string): unknown {
  if (text === "") return null; // a skipped optional argument
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  if (text in SHEET) return SHEET[text];
  const date = /^DATE\((\d+),(\d+),(\d+)\)$/.exec(text);
  if (date) return excelDate(Number(date[1]), Number(date[2]), Number(date[3]));
  const array = /^\{(.*)\}$/.exec(text);
  if (array) return array[1].split(";").map((row) => row.split(",").map((cell) => argument(cell.trim())));
  throw new Error(`cannot read the argument ${text}`);
}

interface Example {
  formula: string;
  name: string;
  args: unknown[];
  shown: string;
}

/** The examples of a markdown table whose rows `row` matches: the function name, its arguments, what is shown. */
function tableExamples(text: string, row: RegExp): Example[] {
  const found: Example[] = [];
  for (const line of text.split("\n")) {
    const match = row.exec(line);
    if (!match) continue;
    const [, name, argText, shown] = match;
    found.push({
      formula: `TENDER.${name}(${argText})`,
      name,
      args: splitArgs(argText).map(argument),
      shown,
    });
  }
  return found;
}

const examples = tableExamples(DOC, /^\|\s*`=TENDER\.([A-Z]+)\((.*)\)`\s*\|\s*(.*?)\s*\|$/);

type Loose = (...args: unknown[]) => unknown;

function run(example: Example): unknown {
  const fn = (tender as unknown as Record<string, Loose>)[example.name.toLowerCase()];
  return fn(...example.args);
}

describe("docs/functions.md examples", () => {
  it("has examples for all nine functions", () => {
    expect(new Set(examples.map((e) => e.name))).toEqual(new Set(FUNCTION_IDS));
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples.map((e) => [e.formula, e] as const))("%s", (_formula, example) => {
    const error = /^`(#[A-Z/!?]+)` "(.*)"$/.exec(example.shown);
    if (error) {
      let thrown: unknown;
      try {
        run(example);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(CustomFunctions.Error);
      expect(thrown).toMatchObject({ code: error[1], message: error[2] });
      return;
    }
    const result = run(example);
    const text = /^"(.*)"$/.exec(example.shown);
    if (text) {
      expect(result).toBe(text[1]);
    } else if (Array.isArray(result)) {
      expect(result.flat().join(", ")).toBe(example.shown);
    } else {
      // A number, perhaps followed by a note in brackets: "43069 (30 November 2017)".
      const number = /^(-?[\d.]+)(?: \(.*\))?$/.exec(example.shown);
      expect(number).not.toBeNull();
      expect(result).toBe(Number(number![1]));
    }
  });
});

/** README.md's table of functions: | `TENDER.X(…)` | `=TENDER.X(…)` | result, then a note |. */
const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
const readmeExamples = tableExamples(
  README,
  /^\|\s*`TENDER\.[^|]*\|\s*`=TENDER\.([A-Z]+)\((.*)\)`\s*\|\s*(.*?)\s*\|$/,
);

describe("README.md's table of functions", () => {
  it("has an example for each of the nine functions", () => {
    expect(readmeExamples.map((e) => e.name)).toEqual(FUNCTION_IDS);
  });

  it.each(readmeExamples.map((e) => [e.formula, e] as const))("%s", (_formula, example) => {
    const result = run(example);
    // The result is the first figure in backticks, or the list a spill shows: "spills 1, 2 (…)".
    const spill = /^spills ([^(]*?)(?: \(.*\))?$/.exec(example.shown);
    if (spill) {
      expect((result as unknown[][]).flat().join(", ")).toBe(spill[1]);
      return;
    }
    const first = /^`([^`]*)`/.exec(example.shown);
    expect(first).not.toBeNull();
    expect(String(result)).toBe(first![1]);
  });
});
