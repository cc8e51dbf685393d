/**
 * Turn the bytes of FILE into a tender with the engine's file reader (`domain/formats/tender-file`,
 * the same reader as the pane's Open), and say where a finding's field is in the file. No file
 * access: the caller reads the file. Problems come back as InputErrors naming the field, the CSV
 * row and column, or the cell.
 */

import { readActualsCsv, type ActualsColumn, type ActualsTableLayout } from "../domain/actuals";
import { parseCsv } from "../domain/tables/csv";
import { decodeText, encodingNote, extensionOf, readTenderFile } from "../domain/formats/tender-file";
import { csvCellRef, csvRowRef, type LotsColumn, type LotsTableLayout } from "../domain/tables/lots-table";
import type { NoticeReading } from "../domain/notice";
import type { Result, Tender } from "../domain/core/types";
import { xlsxToTenderStreamed } from "../workbook/xlsx/read-stream";

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
  /** For a text file not in UTF-8: the note saying which encoding was assumed. */
  encodingNote?: string;
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
  buyerType: "--buyer-type",
  contractType: "--contract-type",
  procedure: "--procedure",
  publishedDate: "--published",
  awardNoticeDate: "--award-notice",
  optionsValue: "--options-value",
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

function fail<T = LoadedTender>(path: string, message: string): Result<T> {
  return { ok: false, errors: [{ path, message }] };
}

/** Read FILE's bytes as the kind its extension says, by the engine's one file reader. */
export async function loadTender(file: string, bytes: Uint8Array): Promise<Result<LoadedTender>> {
  const read = await readTenderFile(file, bytes, {
    reader: "check",
    readWorkbook: (data, title) => xlsxToTenderStreamed(data, { title }),
  });
  if (!read.ok) {
    if (read.problem === "notice") {
      const seen = (read.notes ?? []).map((n) => ` ${n}`).join("");
      return fail(
        file,
        `${read.errors[0].message}${seen} To check a tender without a notice, give it as a tender file (.json) or a lots table (.csv).`,
      );
    }
    if (read.problem === "notice-tender") {
      return {
        ok: false,
        errors: read.errors.map((e) => ({ path: `${file} (read as ${e.path})`, message: e.message })),
      };
    }
    return { ok: false, errors: read.errors };
  }
  const reading = read.value;
  const note = reading.encoding === undefined ? undefined : encodingNote(file, reading.encoding);
  const noted = <T extends LoadedTender>(loaded: T): T =>
    note === undefined ? loaded : { ...loaded, encodingNote: note };
  if (reading.read === "lots-table") {
    return {
      ok: true,
      value: noted({ tender: reading.tender, notes: [], locate: csvLocator(reading.layout, reading.header) }),
    };
  }
  if (reading.read === "notice") {
    const { notes, missing, fields, lots } = reading.notice;
    return {
      ok: true,
      value: noted({ tender: reading.tender, notes, missing, provenance: { fields, lots } }),
    };
  }
  return {
    ok: true,
    value: noted({ tender: reading.tender, notes: reading.read === "ocds" ? reading.notes : [] }),
  };
}

/** An invoices file read for `--actuals`, with where each invoice finding's field is in it. */
export interface LoadedActuals {
  layout: ActualsTableLayout;
  /** `actuals[14].amount` → `invoices.csv row 16, column "Amount (ex VAT)"`; else undefined. */
  locate: (path: string) => string | undefined;
  /** For a file not in UTF-8: the note saying which encoding was assumed. */
  encodingNote?: string;
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
  const note = encodingNote(file, decoded.encoding);
  return {
    ok: true,
    value: {
      layout: read.value,
      locate: actualsLocator(file, read.value, header),
      ...(note !== undefined ? { encodingNote: note } : {}),
    },
  };
}
