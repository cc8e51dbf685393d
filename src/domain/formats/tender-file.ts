/**
 * A file the user gives, from its name and bytes to a tender or a clear error: the one reader
 * behind the command line's FILE and the pane's Open. By extension:
 *
 * - `.json`: an OCDS release, release package or record package (`looksLikeOcds`), else a tender
 *   file (`parseTender`);
 * - `.csv`: a tender CSV as `tenderToCsv` writes it (details rows from "Title" down, a blank row,
 *   the lots), else a bare lots table, its cells separated by commas, tabs or semicolons (found
 *   from the header row); a table of invoices is named as such;
 * - `.txt`: the text of a notice or news report, read by the notice reader;
 * - `.xlsx`: a workbook, read by the reader the shell passes (the engine holds no workbook code).
 *
 * The OCDS and notice readers are loaded only when a file needs them, so a bundle that never reads
 * a notice does not carry the notice reader. Each failure says which stage failed (`problem`), so
 * a shell can head its message, and holds InputErrors naming the field, the row and column or the
 * cell; the file name is the path of problems with the file as a whole.
 */

import { DEFAULT_REGION, DEFAULT_VAT_RATE, parseTender } from "../check/tender";
import type { InputError, Lot, Tender } from "../core/types";
import type { NoticeReading } from "../notice";
import { type CsvSeparator, describeTableText, detectSeparator, parseCsv } from "../tables/csv";
import { csvCellRef, csvRowRef, readLotsTableLayout, type LotsTableLayout } from "../tables/lots-table";
import { csvToTender } from "./csv-export";
import { decodeText, type TextEncodingName } from "./text-bytes";
import { looksLikeOcds } from "./ocds/detect";

export { decodeText, encodingNote, type TextEncodingName } from "./text-bytes";

/** The kinds of file a tender is read from. */
export type TenderFileKind = "json" | "csv" | "notice" | "workbook";

/** Each extension read, and the kind of file it is taken for. */
export const TENDER_FILE_KINDS: Readonly<Record<string, TenderFileKind>> = {
  ".json": "json",
  ".csv": "csv",
  ".txt": "notice",
  ".xlsx": "workbook",
};

/** Each kind in words, for messages. */
export const TENDER_FILE_KIND_WORDS: Readonly<Record<TenderFileKind, string>> = {
  json: "a tender or OCDS release (.json)",
  csv: "a tender or lots table (.csv)",
  notice: "the text of a notice (.txt)",
  workbook: "a workbook with a Tender sheet or a lots table (.xlsx)",
};

/** The extension of a file name, lower case with its dot (".csv"); "" when it has none. */
export function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}

/** A file name without its folder and extension: "data/dfe-lots.csv" → "dfe-lots". */
export function baseName(name: string): string {
  const base = name.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? base : base.slice(0, dot);
}

/** The title a tender read from a bare table takes from its file's name: "dfe_lots.csv" → "dfe lots". */
export function titleFromFileName(name: string): string {
  return baseName(name).replace(/[_-]+/g, " ").trim();
}

/** What is wrong with a file whose extension is not read; `reader` names what reads files ("check"). */
export function unknownKindMessage(ext: string, reader = "Tender Budget"): string {
  const known = Object.keys(TENDER_FILE_KINDS).join(", ");
  const kinds = Object.values(TENDER_FILE_KIND_WORDS).join(", ");
  return `${ext === "" ? "has no extension" : `is a ${ext} file`}; ${reader} reads ${known} files: ${kinds}`;
}

/** A tender holding only lots (from a table), for the user to complete: no buyer, default region and VAT. */
export function tenderFromLots(lots: Lot[], title: string): Tender {
  return { title, buyer: "", currency: "GBP", region: DEFAULT_REGION, vatRate: DEFAULT_VAT_RATE, lots };
}

/** How a file was read, with what each way of reading gives besides the tender. */
export type TenderFileReading = (
  | { read: "tender" | "tender-csv" | "workbook"; tender: Tender }
  /** OCDS: what the reader wants the user told (which of amount and amountGross was used). */
  | { read: "ocds"; tender: Tender; notes: string[] }
  /** A bare lots table: the rows the lots are on and the header, to point at a cell. */
  | { read: "lots-table"; tender: Tender; layout: LotsTableLayout; header: readonly string[] }
  /** A notice: what could not be found, notes, and the sentence each field was read from. */
  | { read: "notice"; tender: Tender; notice: Extract<NoticeReading, { ok: true }> }
) & {
  /** A text file not in UTF-8: the encoding assumed (Windows-1252), for the user to be told. */
  encoding?: TextEncodingName;
};

/** The stage at which a file could not be read. */
export type TenderFileProblem =
  | "unknown-kind"
  | "encoding"
  | "json"
  | "tender"
  | "ocds"
  | "csv"
  | "tender-csv"
  | "lots-table"
  | "invoices"
  | "notice"
  | "notice-tender"
  | "workbook";

export interface TenderFileFailure {
  ok: false;
  problem: TenderFileProblem;
  errors: InputError[];
  /** For a notice with no tender in it: what the notice reader saw. */
  notes?: string[];
}

export type TenderFileResult = { ok: true; value: TenderFileReading } | TenderFileFailure;

export interface TenderFileOptions {
  /** Accept OCDS lots with neither a value nor days (for a person to fill in); by default refused. */
  allowUnvalued?: boolean;
  /** Names what reads files in the message for an extension not read ("check"); default "Tender Budget". */
  reader?: string;
  /** Reads a workbook's bytes, titling a bare lots table with `title`; without it `.xlsx` is refused. */
  readWorkbook?: (
    bytes: Uint8Array,
    title: string,
  ) => Promise<{ ok: true; value: Tender } | { ok: false; errors: InputError[] }>;
}

function failure(problem: TenderFileProblem, errors: InputError[], notes?: string[]): TenderFileFailure {
  return notes === undefined ? { ok: false, problem, errors } : { ok: false, problem, errors, notes };
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

/** Read a `.json` file's text: an OCDS release or package, else a tender file. */
export async function readJsonTender(
  name: string,
  text: string,
  options: TenderFileOptions = {},
): Promise<TenderFileResult> {
  if (text.trim() === "") {
    return failure("json", [
      { path: name, message: "the file is empty; a tender file is a JSON object with a list of lots" },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const where = jsonErrorWhere(text, message);
    return failure("json", [
      {
        path: name,
        message: `is not valid JSON${where} (${message}); check for a missing comma, quote or bracket`,
      },
    ]);
  }
  if (looksLikeOcds(data)) {
    const { ocdsToTender } = await import(/* webpackChunkName: "ocds" */ "./ocds");
    const read = ocdsToTender(data, { allowUnvalued: options.allowUnvalued });
    return read.ok
      ? { ok: true, value: { read: "ocds", tender: read.value, notes: read.notes } }
      : failure("ocds", read.errors);
  }
  const parsed = parseTender(data);
  return parsed.ok
    ? { ok: true, value: { read: "tender", tender: parsed.value } }
    : failure("tender", parsed.errors);
}

/** A table whose first non-empty row heads a column "Invoice number" (or "Invoice no", "Invoice ref"). */
export function looksLikeInvoices(rows: readonly (readonly string[])[]): boolean {
  const header = rows.find((row) => row.some((cell) => cell.trim() !== ""));
  return header?.some((cell) => /^invoice\s*(number|no\.?|ref(erence)?)?$/i.test(cell.trim())) ?? false;
}

/**
 * A bare lots table given as rows of cells (from a CSV file or pasted from a spreadsheet): a tender
 * holding only its lots, titled `title`. `tableName` names the table in problems with it as a
 * whole; `separator` is the one its cells were split by, named when no header row is found. A
 * table of invoices fails as "invoices".
 */
export function readLotsTableTender(
  rows: readonly (readonly string[])[],
  title: string,
  tableName?: string,
  separator: CsvSeparator = ",",
): TenderFileResult {
  const read = readLotsTableLayout(rows as string[][], {
    ref: csvCellRef,
    rowRef: csvRowRef,
    tableName,
    found: describeTableText(rows, separator),
  });
  if (!read.ok) {
    if (looksLikeInvoices(rows)) {
      return failure("invoices", [
        {
          path: tableName ?? "the table",
          message:
            "its header row has an invoice number column: it is a list of invoices against the contracts, not the tender's lots",
        },
      ]);
    }
    return failure("lots-table", read.errors);
  }
  const header = rows[read.value.headerRow] ?? [];
  const tender = tenderFromLots(read.value.lots, title);
  return { ok: true, value: { read: "lots-table", tender, layout: read.value, header } };
}

/** Read a `.csv` file's text: a tender CSV (its first cell "Title" or "Tender"), else a bare lots table. */
export function readCsvTender(name: string, text: string): TenderFileResult {
  const separator = detectSeparator(text);
  const records = parseCsv(text, { separator });
  if (!records.ok) return failure("csv", records.errors);
  const first = records.value.find((r) => r.some((c) => c.trim() !== ""));
  if (first !== undefined && /^\s*(title|tender)\s*$/i.test(first[0])) {
    const tender = csvToTender(text);
    return tender.ok
      ? { ok: true, value: { read: "tender-csv", tender: tender.value } }
      : failure("tender-csv", tender.errors);
  }
  return readLotsTableTender(records.value, titleFromFileName(name), name, separator);
}

/**
 * Read the text of a notice or news report: the tender it describes, with what could not be found
 * and where each field was read. Text with no tender amounts fails as "notice", with the notice
 * reader's notes.
 */
export async function readNoticeTender(name: string, text: string): Promise<TenderFileResult> {
  const { parseNotice } = await import(/* webpackChunkName: "notice" */ "../notice");
  const notice = parseNotice(text);
  if (!notice.ok) return failure("notice", [{ path: name, message: notice.error }], notice.notes);
  const parsed = parseTender(notice.input);
  if (!parsed.ok) return failure("notice-tender", parsed.errors);
  return { ok: true, value: { read: "notice", tender: parsed.value, notice } };
}

/** Read a file's text as the kind its extension says (not a workbook). */
export function readTenderText(
  name: string,
  kind: Exclude<TenderFileKind, "workbook">,
  text: string,
  options: TenderFileOptions = {},
): Promise<TenderFileResult> {
  if (kind === "json") return readJsonTender(name, text, options);
  if (kind === "csv") return Promise.resolve(readCsvTender(name, text));
  return readNoticeTender(name, text);
}

/** Read a file the user gives, from its name and bytes, as the kind its extension says. */
export async function readTenderFile(
  name: string,
  bytes: Uint8Array,
  options: TenderFileOptions = {},
): Promise<TenderFileResult> {
  const ext = extensionOf(name);
  const kind = TENDER_FILE_KINDS[ext];
  if (kind === undefined)
    return failure("unknown-kind", [{ path: name, message: unknownKindMessage(ext, options.reader) }]);
  if (kind === "workbook") {
    if (options.readWorkbook === undefined) {
      return failure("unknown-kind", [{ path: name, message: "workbooks cannot be read here" }]);
    }
    const read = await options.readWorkbook(bytes, titleFromFileName(name));
    if (!read.ok) {
      const errors = read.errors.map((e) => (e.path === "file" ? { path: name, message: e.message } : e));
      return failure("workbook", errors);
    }
    return { ok: true, value: { read: "workbook", tender: read.value } };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failure("encoding", [{ path: name, message: decoded.error }]);
  const read = await readTenderText(name, kind, decoded.text, options);
  return read.ok && decoded.encoding !== "UTF-8"
    ? { ok: true, value: { ...read.value, encoding: decoded.encoding } }
    : read;
}
