/**
 * CSV as RFC 4180 describes it: fields separated by commas, records by CRLF (LF alone is
 * accepted too), fields that hold a comma, a quote or a line break enclosed in double quotes, a
 * quote inside a quoted field written twice. A UTF-8 byte order mark at the start (Excel writes
 * one) and a line break after the last record are accepted.
 */

import type { InputError, Result } from "../core/types";

const BOM = "\uFEFF";

/**
 * Read CSV text into records of fields. Fields are returned exactly as written (no trimming, no
 * number conversion). An empty line in the middle of the text is a record with one empty field,
 * as the RFC says; callers that read tables skip such rows. Errors name the line.
 */
export function parseCsv(text: string): Result<string[][]> {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const rows: string[][] = [];
  const errors: InputError[] = [];
  let row: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  /** True once any character of the current record has been read. */
  let inRecord = false;
  const n = input.length;

  const endRecord = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
    inRecord = false;
  };

  while (i < n) {
    const c = input[i];
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      continue;
    }
    inRecord = true;
    if (c === '"' && field === "") {
      // A quoted field.
      const openedOn = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = input[i];
        if (q === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (q === "\r" && input[i + 1] === "\n") {
          field += "\r\n";
          i += 2;
          line++;
          continue;
        }
        if (q === "\n" || q === "\r") line++;
        field += q;
        i++;
      }
      if (!closed) {
        errors.push({
          path: `line ${openedOn}`,
          message:
            `a quoted field opened on line ${openedOn} is never closed; ` +
            `end it with a double quote (a quote inside a field is written twice: "")`,
        });
        return { ok: false, errors };
      }
      const next = input[i];
      if (i < n && next !== "," && next !== "\n" && next !== "\r") {
        errors.push({
          path: `line ${line}`,
          message:
            `text follows the closing quote of a field on line ${line}; ` +
            `put the whole field inside the quotes and write a quote inside it twice ("")`,
        });
        return { ok: false, errors };
      }
      continue;
    }
    if (c === ",") {
      row.push(field);
      field = "";
      i++;
      continue;
    }
    if (c === '"') {
      errors.push({
        path: `line ${line}`,
        message:
          `a double quote appears inside an unquoted field on line ${line}; ` +
          `enclose the field in double quotes and write the quote twice ("")`,
      });
      return { ok: false, errors };
    }
    // An unquoted run: up to the next comma, quote or line break.
    let j = i + 1;
    while (j < n) {
      const d = input.charCodeAt(j);
      if (d === 44 || d === 34 || d === 10 || d === 13) break;
      j++;
    }
    field += input.slice(i, j);
    i = j;
  }
  if (inRecord) endRecord();
  return { ok: true, value: rows };
}

/** A value a CSV cell can be written from. `null` and `undefined` give an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

/** Quote a field when it holds a comma, a quote, a line break or leading/trailing spaces. */
function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/**
 * Write records as RFC 4180 CSV: CRLF between records and after the last one, no byte order
 * mark (add one when writing a file Excel should open as UTF-8). `parseCsv(toCsv(rows))` gives
 * back the same strings.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => r.map(csvField).join(",") + "\r\n").join("");
}
