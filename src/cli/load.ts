/**
 * Turn the bytes of FILE into a tender, by its extension: a tender file or OCDS release (.json),
 * a lots table (.csv), the text of a notice (.txt) or a workbook (.xlsx). No file access: the
 * caller reads the file. Problems come back as InputErrors naming the field, the CSV row and
 * column, or the cell.
 */

import { readActualsCsv, type ActualsColumn, type ActualsTableLayout } from "../domain/actuals";
import { describeTableText, detectSeparator, parseCsv } from "../domain/tables/csv";
import { csvToTender } from "../domain/formats/csv-export";
import { ocdsToTender } from "../domain/formats/ocds";
import {
  csvCellRef,
  csvRowRef,
  readLotsTableLayout,
  type LotsColumn,
  type LotsTableLayout,
} from "../domain/tables/lots-table";
import { parseNotice, type NoticeReading } from "../domain/notice";
import { DEFAULT_REGION, DEFAULT_VAT_RATE, parseTender } from "../domain/check/tender";
import type { Result, Tender } from "../domain/core/types";
import { xlsxToTender } from "../workbook/xlsx";

/** What a file held, as a tender ready to check, with notes to show alongside the report. */
export interface LoadedTender {
  tender: Tender;
  /** Things the reader wants the user to know: what a notice did not give, what it left out. */
  notes: string[];
  /** For a notice: what could not be found in it ("no closing date found"). */
  missing?: string[];
  /** For a notice: the sentence each field and lot was read from, and how sure the reading is. */
  provenance?: Pick<NoticeReading, "fields" | "lots">;
  /**
   * Where a finding's field is in the file, in the user's terms, when that differs from the
   * path: `lots[2].days` → `row 4, column "Days"`; `statedTotal` → `--stated-total`.
   */
  locate?: (path: string) => string | undefined;
}

/** The option that gives each tender-level field of a lots table. */
const FIELD_OPTIONS: Record<string, string> = {
  statedTotal: "--stated-total",
  dayRate: "--day-rate",
  closingDate: "--closing",
  startDate: "--start",
  endDate: "--end",
  region: "--region",
  vatRate: "--vat",
};

/** Locate finding paths in a CSV lots table: lots by row and column, tender fields by option. */
export function csvLocator(
  layout: LotsTableLayout,
  header: readonly string[],
): (path: string) => string | undefined {
  return (path) => {
    const lot = /^lots\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (lot) {
      const row = layout.lotRows[Number(lot[1])];
      if (row === undefined) return undefined;
      const col = lot[2] === undefined ? undefined : layout.columns[lot[2] as LotsColumn];
      return col === undefined ? csvRowRef(row) : csvCellRef(row, col, header[col] ?? "");
    }
    return FIELD_OPTIONS[path];
  };
}

/** The kinds of FILE `check` reads, by extension. */
export type FileKind = "json" | "csv" | "notice" | "workbook";

export const FILE_KINDS: Record<string, FileKind> = {
  ".json": "json",
  ".csv": "csv",
  ".txt": "notice",
  ".xlsx": "workbook",
};

const KIND_WORDS: Record<FileKind, string> = {
  json: "a tender or OCDS release (.json)",
  csv: "a lots table (.csv)",
  notice: "the text of a notice (.txt)",
  workbook: "a workbook with a Tender sheet or a lots table (.xlsx)",
};

export function extensionOf(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}

export function baseName(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? base : base.slice(0, dot);
}

function fail<T = LoadedTender>(path: string, message: string): Result<T> {
  return { ok: false, errors: [{ path, message }] };
}

/** Where JSON.parse stopped, as a line and column, when its message gives a position. */
function jsonErrorWhere(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return "";
  const upTo = text.slice(0, Number(m[1]));
  const line = upTo.split("\n").length;
  const column = upTo.length - upTo.lastIndexOf("\n");
  return ` at line ${line}, column ${column}`;
}

/** An OCDS release package (`releases`) or release (`ocid` and `tag`), rather than a tender file. */
export function isOcds(data: unknown): boolean {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  return "releases" in data || ("ocid" in data && "tag" in data);
}

/** Read a tender file (.json): the shape of `parseTender`, or an OCDS release or release package. */
export function loadJsonTender(file: string, text: string): Result<LoadedTender> {
  if (text.trim() === "")
    return fail(file, "the file is empty; a tender file is a JSON object with a list of lots");
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const where = jsonErrorWhere(text, message);
    return fail(file, `is not valid JSON${where} (${message}); check for a missing comma, quote or bracket`);
  }
  const parsed = isOcds(data) ? ocdsToTender(data) : parseTender(data);
  return parsed.ok ? { ok: true, value: { tender: parsed.value, notes: [] } } : parsed;
}

/**
 * Read a lots table (.csv). The tender-level values (stated total, day rate, dates) come from
 * the command's options; the title is the file's name unless `--title` gives one. A tender CSV
 * (details rows from "Title" down, a blank row, then the lots) is read whole, by `csvToTender`.
 */
export function loadCsvTender(file: string, text: string): Result<LoadedTender> {
  const separator = detectSeparator(text);
  const records = parseCsv(text, { separator });
  if (!records.ok) return records;
  // A tender CSV (as `--out` with tenderToCsv writes it) starts with its details: "Title", ...
  const first = records.value.find((r) => r.some((c) => c.trim() !== ""));
  if (first !== undefined && /^\s*(title|tender)\s*$/i.test(first[0])) {
    const tender = csvToTender(text);
    return tender.ok ? { ok: true, value: { tender: tender.value, notes: [] } } : tender;
  }
  const read = readLotsTableLayout(records.value, {
    ref: csvCellRef,
    rowRef: csvRowRef,
    tableName: file,
    found: describeTableText(records.value, separator),
  });
  if (!read.ok) return read;
  const layout = read.value;
  const tender: Tender = {
    title: baseName(file),
    buyer: "",
    currency: "GBP",
    region: DEFAULT_REGION,
    vatRate: DEFAULT_VAT_RATE,
    lots: layout.lots,
  };
  const header = records.value[layout.headerRow];
  return { ok: true, value: { tender, notes: [], locate: csvLocator(layout, header) } };
}

/**
 * Read the text of a notice or news report (.txt): the tender it describes, what could not be
 * found in it, and notes on what was left out. Text with no tender amounts is an input error.
 */
export function loadNoticeTender(file: string, text: string): Result<LoadedTender> {
  const reading = parseNotice(text);
  if (!reading.ok) {
    const seen = reading.notes.map((n) => ` ${n}`).join("");
    return fail(
      file,
      `${reading.error}${seen} To check a tender without a notice, give it as a tender file (.json) or a lots table (.csv).`,
    );
  }
  const parsed = parseTender(reading.input);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.errors.map((e) => ({ path: `${file} (read as ${e.path})`, message: e.message })),
    };
  }
  return {
    ok: true,
    value: {
      tender: parsed.value,
      notes: reading.notes,
      missing: reading.missing,
      provenance: { fields: reading.fields, lots: reading.lots },
    },
  };
}

/**
 * File bytes as text: UTF-8 (without its byte order mark, if it has one). Bytes that
 * are not UTF-8 are read as Windows-1252, the code page Excel's plain "CSV" uses in the UK (£ is
 * byte A3). UTF-16 files are refused with what to do instead.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      error: `the file is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8" or UTF-8 text and try again`,
    };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // A UTF-8 byte order mark (Excel's "CSV UTF-8"): the text follows it.
    return { ok: true, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3)) };
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  // Valid UTF-8 encodes back to the same bytes; anything else had bytes replaced by U+FFFD.
  const again = new TextEncoder().encode(text);
  const same = again.length === bytes.length && again.every((b, i) => b === bytes[i]);
  return { ok: true, text: same ? text : new TextDecoder("windows-1252").decode(bytes) };
}

/** Read FILE's text by its extension. */
export function loadTenderText(
  file: string,
  kind: Exclude<FileKind, "workbook">,
  text: string,
): Result<LoadedTender> {
  if (kind === "json") return loadJsonTender(file, text);
  if (kind === "csv") return loadCsvTender(file, text);
  return loadNoticeTender(file, text);
}

/** Read a workbook (.xlsx): its Tender sheet, else the first sheet holding a lots table. */
export async function loadWorkbookTender(file: string, bytes: Uint8Array): Promise<Result<LoadedTender>> {
  const read = await xlsxToTender(bytes, { title: baseName(file) });
  if (!read.ok) {
    return {
      ok: false,
      errors: read.errors.map((e) => (e.path === "file" ? { path: file, message: e.message } : e)),
    };
  }
  return { ok: true, value: { tender: read.value, notes: [] } };
}

/** Read FILE's bytes as the kind its extension says. */
export async function loadTender(file: string, bytes: Uint8Array): Promise<Result<LoadedTender>> {
  const ext = extensionOf(file);
  const kind = FILE_KINDS[ext];
  if (kind === undefined) return fail(file, unknownKindMessage(ext));
  if (kind === "workbook") return loadWorkbookTender(file, bytes);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(file, decoded.error);
  return loadTenderText(file, kind, decoded.text);
}

export function unknownKindMessage(ext: string): string {
  const known = Object.keys(FILE_KINDS).join(", ");
  const kinds = Object.values(KIND_WORDS).join(", ");
  return `${ext === "" ? "has no extension" : `is a ${ext} file`}; check reads ${known} files: ${kinds}`;
}

/** An invoices file read for `--actuals`, with where each invoice finding's field is in it. */
export interface LoadedActuals {
  layout: ActualsTableLayout;
  /** `actuals[14].amount` → `invoices.csv row 16, column "Amount (ex VAT)"`; else undefined. */
  locate: (path: string) => string | undefined;
}

/** Locate invoice finding paths in the invoices file by row and column, named by its file name. */
export function actualsLocator(
  file: string,
  layout: ActualsTableLayout,
  header: readonly string[],
): (path: string) => string | undefined {
  const name = file.replace(/^.*[\\/]/, "");
  return (path) => {
    const line = /^actuals\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (!line) return undefined;
    const row = layout.lineRows[Number(line[1])];
    if (row === undefined) return undefined;
    const col = line[2] === undefined ? undefined : layout.columns[line[2] as ActualsColumn];
    return `${name} ${col === undefined ? csvRowRef(row) : csvCellRef(row, col, header[col] ?? "")}`;
  };
}

/** Read an invoices file (.csv) for `--actuals`: problems name the row and column. */
export function loadActuals(file: string, bytes: Uint8Array): Result<LoadedActuals> {
  const ext = extensionOf(file);
  if (ext !== ".csv") {
    return fail(
      file,
      `${ext === "" ? "has no extension" : `is a ${ext} file`}; --actuals reads invoices from a .csv file`,
    );
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(file, decoded.error);
  const read = readActualsCsv(decoded.text);
  if (!read.ok) return read;
  // The file parsed once already, so it parses again; its header row names the columns.
  const rows = parseCsv(decoded.text);
  const header = rows.ok ? (rows.value[read.value.headerRow] ?? []) : [];
  return { ok: true, value: { layout: read.value, locate: actualsLocator(file, read.value, header) } };
}
