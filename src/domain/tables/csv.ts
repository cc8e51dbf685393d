/**
 * CSV as RFC 4180 describes it: fields separated by commas, records by CRLF (LF alone is
 * accepted too), fields that hold a comma, a quote or a line break enclosed in double quotes, a
 * quote inside a quoted field written twice. A UTF-8 byte order mark at the start (Excel writes
 * one) and a line break after the last record are accepted.
 *
 * The separator need not be a comma: cells copied from Excel reach the clipboard as text with a
 * tab between cells (quoted as CSV is when a cell holds a tab, a quote or a line break), and
 * Excel in a locale whose decimal mark is a comma saves "CSV" with semicolons. `parseCsv` finds
 * which of the three the text uses (`detectSeparator`), so every reader of tables — the pane's
 * boxes, its files and the command line — accepts all three the same way.
 */

import type { InputError, Result } from "../core/types";

const BOM = "\uFEFF";

/** The separators a table's text may use between cells. */
export type CsvSeparator = "," | "\t" | ";";

/** In the order a tie is settled: a comma first, as RFC 4180 has it. */
const SEPARATORS: readonly CsvSeparator[] = [",", "\t", ";"];

/** The separator in words, for messages: "commas", "tabs", "semicolons". */
export function separatorName(separator: CsvSeparator): string {
  return separator === "," ? "commas" : separator === "\t" ? "tabs" : "semicolons";
}

/**
 * The separator the text uses: the one of comma, tab and semicolon found most often, outside
 * quoted fields, in its first line that holds any of them (a header row; a title line above it
 * with none is passed over). Amounts in later rows, such as £9,600 pasted from Excel between tabs,
 * do not count. A tie, or text with none of them (one column), is read as commas.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted) continue;
    if (c === "\n" || c === "\r") {
      if (counts.size > 0) break;
      continue;
    }
    if (c === "," || c === "\t" || c === ";") counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvSeparator = ",";
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator;
  }
  return best;
}

/** Characters that split cells in tables people save, in words, for a row read as one cell. */
const SEEN_SEPARATORS: readonly [string, string][] = [
  ["|", "pipes (|)"],
  [";", "semicolons (;)"],
  ["\t", "tabs"],
  [",", "commas"],
];

/** The separators other than `used` that a one-cell row holds, in words ("pipes (|)"); else undefined. */
function separatorsSeen(cell: string, used: CsvSeparator): string | undefined {
  const seen = SEEN_SEPARATORS.filter(([c]) => c !== used && cell.includes(c)).map(([, words]) => words);
  if (seen.length === 0) return undefined;
  return seen.length === 1 ? seen[0] : `${seen.slice(0, -1).join(", ")} and ${seen[seen.length - 1]}`;
}

/** A cell in a message: quoted, and cut to 40 characters. */
function quoteCell(cell: string): string {
  const text = cell.trim();
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}

/**
 * What a table's text was found to hold, for a reader that cannot find its header row: the
 * separator it was read with and the cells of its first non-empty row, e.g. `it was read with tabs
 * between cells; its first row holds "Invoice", "Lot" and "Amount"`.
 */
export function describeTableText(rows: readonly (readonly string[])[], separator: CsvSeparator): string {
  const read = `it was read with ${separatorName(separator)} between cells`;
  const first = rows.find((row) => row.some((cell) => cell.trim() !== ""));
  if (first === undefined) return read;
  let width = first.length;
  while (width > 0 && first[width - 1].trim() === "") width--;
  if (width === 1) {
    const seen = separatorsSeen(first[0], separator);
    const one = `${read}; its first row is one cell, ${quoteCell(first[0])}`;
    return seen === undefined
      ? one
      : `${one}, which holds ${seen} where cells would be: save the table from Excel as CSV (commas) or paste the cells themselves`;
  }
  const shown = first.slice(0, Math.min(width, 6)).map(quoteCell);
  const more = width - shown.length;
  const list =
    more > 0
      ? `${shown.join(", ")} and ${more} more`
      : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
  return `${read}; its first row holds ${list}`;
}

/** How to read a table's text. */
export interface CsvOptions {
  /** The separator between cells; found from the text (`detectSeparator`) when not given. */
  separator?: CsvSeparator;
}

/**
 * Read CSV text into records of fields. Fields are returned exactly as written (no trimming, no
 * number conversion). An empty line in the middle of the text is a record with one empty field,
 * as the RFC says; callers that read tables skip such rows. Errors name the line. The separator is
 * found from the text unless `options.separator` gives it.
 */
export function parseCsv(text: string, options: CsvOptions = {}): Result<string[][]> {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const separator = options.separator ?? detectSeparator(input);
  const separatorCode = separator.charCodeAt(0);
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
      if (i < n && next !== separator && next !== "\n" && next !== "\r") {
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
    if (c === separator) {
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
    // An unquoted run: up to the next separator, quote or line break.
    let j = i + 1;
    while (j < n) {
      const d = input.charCodeAt(j);
      if (d === separatorCode || d === 34 || d === 10 || d === 13) break;
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
