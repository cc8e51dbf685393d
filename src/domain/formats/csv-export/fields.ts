/**
 * The fields of every CSV export: text made safe and quoted, money, numbers and dates.
 *
 * Every export is RFC 4180: UTF-8 with a byte order mark (so Excel reads "£" and accents right),
 * CRLF line ends, a field quoted when it holds a comma, semicolon, quote, line break, tab or
 * leading/trailing space. Money is a plain number of pounds with two decimals (107520.00,
 * -560.00); dates are `YYYY-MM-DD`.
 *
 * Spreadsheet formula injection is neutralised as OWASP's CSV injection guidance says: a text
 * cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a single quote in front
 * (and is quoted), so no spreadsheet runs it. Numbers are written by the program, never from
 * text, so a negative amount stays a number. A text cell that itself starts with a quote before
 * one of those characters gets one more quote, so `restoreFormulaText` gives back exactly what
 * was written.
 */

import type { IsoDate, Pence } from "../../core/types";
import { CHUNK_LENGTH } from "../json-chunks";

/** The UTF-8 byte order mark every export starts with. */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Text made safe to open in a spreadsheet: a quote in front when it could start a formula. */
export function neutraliseFormulaText(text: string): string {
  const first = text.charAt(0);
  if (FORMULA_START.has(first)) return `'${text}`;
  if (first === "'" && text.length > 1 && (FORMULA_START.has(text.charAt(1)) || text.charAt(1) === "'")) {
    return `'${text}`;
  }
  return text;
}

/** The inverse of `neutraliseFormulaText`: `restoreFormulaText(neutraliseFormulaText(s)) === s`. */
export function restoreFormulaText(text: string): string {
  if (text.charAt(0) === "'" && text.length > 1) {
    const second = text.charAt(1);
    if (FORMULA_START.has(second) || second === "'") return text.slice(1);
  }
  return text;
}

/** A CSV field for a text value: neutralised, and quoted when it needs to be. */
export function csvTextField(text: string): string {
  const safe = neutraliseFormulaText(text);
  if (safe !== text || /[",;\r\n\t]/.test(safe) || safe !== safe.trim())
    return `"${safe.replace(/"/g, '""')}"`;
  return safe;
}

/** Pence as a plain number of pounds with two decimals: 10752000 → "107520.00", -56000 → "-560.00". */
export function poundsField(p: Pence | undefined): string {
  if (p === undefined) return "";
  if (!Number.isSafeInteger(p)) throw new RangeError(`amount must be whole pence, got ${p}`);
  const abs = Math.abs(p);
  return `${p < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A number written by the program (days, a percentage): as JavaScript writes it, never in e-notation. */
export function numberField(n: number | undefined): string {
  if (n === undefined) return "";
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const text = String(n);
  if (!/e/i.test(text)) return text;
  // 1e-7 → "0.0000001", 1e21 → "1000000000000000000000"
  return n
    .toFixed(20)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

/** One field of an export row. */
export type Field =
  | { text: string }
  | { pounds: Pence | undefined }
  | { number: number | undefined }
  | { date: IsoDate | undefined };

export function field(f: Field): string {
  if ("text" in f) return csvTextField(f.text);
  if ("pounds" in f) return poundsField(f.pounds);
  if ("number" in f) return numberField(f.number);
  return f.date ?? "";
}

export const text = (t: string | undefined): Field => ({ text: t ?? "" });
export const pounds = (p: Pence | undefined): Field => ({ pounds: p });
export const num = (n: number | undefined): Field => ({ number: n });
export const date = (d: IsoDate | undefined): Field => ({ date: d });

/** The rows as one CSV text: the byte order mark, then each row and CRLF. */
export function writeCsv(rows: readonly (readonly Field[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(field).join(",") + "\r\n").join("");
}

/**
 * The same text as `writeCsv`, in chunks of whole rows of about CHUNK_LENGTH characters, the rows
 * taken one at a time: the file is written piece by piece and never held as one string.
 */
export function* csvChunks(rows: Iterable<readonly Field[]>): Generator<string, void, undefined> {
  let text = CSV_BOM;
  for (const r of rows) {
    text += r.map(field).join(",") + "\r\n";
    if (text.length >= CHUNK_LENGTH) {
      yield text;
      text = "";
    }
  }
  if (text !== "") yield text;
}
