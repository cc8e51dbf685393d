/**
 * Where a tender can come from in the pane: a file the user opens (tender or OCDS .json, tender or
 * lots table .csv, notice .txt, Excel .xlsx) or text pasted into the "Tender notice" box. The
 * engine's file reader (domain/formats/tender-file, also the command line's) reads each; here its
 * result becomes the tender to load or a PaneError naming the problems and what to do; nothing is
 * half-read.
 */
import { listInWords } from "../domain/core/messages";
import { type CsvSeparator, parseCsv } from "../domain/tables/csv";
import {
  readCsvTender,
  readJsonTender,
  readLotsTableTender,
  readTenderFile as readTenderBytes,
  type TenderFileFailure,
  type TenderFileReading,
  type TenderFileResult,
} from "../domain/formats/tender-file";
import { isSeveralProcesses } from "../domain/formats/ocds/release";
import type { NoticeReading } from "../domain/notice";
import type { Result, Tender } from "../domain/core/types";
import { fieldWords, listProblems } from "./problems";
import { NOTICE_SOURCE } from "./notice-answer";
import { readNoticeOffThread } from "./notice-reading";

export { supersedeNoticeRead } from "./notice-reading";
import { PaneError } from "./use-task";

export interface LoadedTender {
  tender: Tender;
  /** Where it came from, in words: "budget.csv", "the tender notice". */
  source: string;
  /** What the user should confirm or fill in. */
  notes: string[];
  /** Where individual fields came from, by path (`closingDate`, `lots[0].statedValue`), in words. */
  hints?: Record<string, string>;
}

function lotsNotes(): string[] {
  return [
    "The table gave only the lots: add the buyer, the stated total and the dates if the tender has them.",
  ];
}

const LOTS_TABLE_SHAPE =
  "A lots table has a header row naming its columns (Lot, Day rate, Days, Stated value, Start date, End date) and one lot on each row under it.";

/**
 * The engine's reason a file (or pasted text) could not be read, as the pane says it: a heading,
 * the problems, and what to do. `again` says how to try again once a table is corrected.
 */
function paneError(
  source: string,
  failure: TenderFileFailure,
  again = "save it and open it again",
): PaneError {
  const problems = listProblems(failure.errors);
  switch (failure.problem) {
    case "unknown-kind":
      return new PaneError(
        `Tender Budget cannot open ${source}`,
        "It opens Excel workbooks (.xlsx), tender and lots tables (.csv), tender files (.json) and notices (.txt).",
        "Save the lots from Excel as .xlsx or CSV, or open a tender .json file.",
      );
    case "encoding":
    case "json":
      return new PaneError(
        `Could not read ${source}`,
        `${source} ${failure.errors[0]?.message ?? ""}.`,
        failure.problem === "json"
          ? "Open a tender file saved by Tender Budget or written in the tender file shape."
          : "Save it as CSV UTF-8 (or UTF-8 text) and open it again.",
      );
    case "ocds":
      return new PaneError(
        `Could not read the tender in the OCDS file ${source}`,
        problems,
        "Open the release package saved from Contracts Finder or from Tender Budget's Export step, or start from a blank tender.",
      );
    case "tender":
      return new PaneError(
        `${source} is not a tender Tender Budget can use`,
        problems,
        "Correct the file and open it again, or start from a blank tender.",
      );
    case "csv":
      return new PaneError(
        `Could not read ${source}`,
        problems,
        "Save the table from Excel as CSV UTF-8 and open it again.",
      );
    case "tender-csv":
      return new PaneError(
        `Could not read the tender in ${source}`,
        problems,
        `Correct the rows named above, then ${again}.`,
      );
    case "invoices":
      return new PaneError(
        `Invoices, not the tender's lots, in ${source}`,
        "Its header row has an invoice number column: it is a list of invoices against the contracts.",
        "Start from the tender (its lots and stated total), build the allocation, then open the invoices in step 6, Contract tracking.",
      );
    case "lots-table":
      return new PaneError(
        `Could not read the lots table in ${source}`,
        problems,
        `Correct the table where named above, then ${again}. ${LOTS_TABLE_SHAPE}`,
      );
    case "notice":
      return new PaneError(
        "No tender found in the notice",
        [...failure.errors.map((e) => e.message), ...(failure.notes ?? [])].join(" "),
        "Paste the part of the notice that gives the lots and their amounts, or a lots table copied from Excel.",
      );
    case "notice-tender":
      return new PaneError(
        "The notice gives a tender Tender Budget cannot use",
        problems,
        "Start a blank tender and type the figures in from the notice.",
      );
    case "workbook":
      return new PaneError(
        `Could not read the tender in ${source}`,
        problems,
        "Correct the cells named above in Excel, save the workbook and open it again.",
      );
  }
}

/** What the engine read, as the pane loads it: the tender, where it came from and what to confirm. */
function loaded(reading: TenderFileReading, source: string): LoadedTender {
  const { tender } = reading;
  switch (reading.read) {
    case "lots-table":
      return { tender, source, notes: lotsNotes() };
    case "workbook":
      return {
        tender,
        source,
        notes: tender.statedTotal === undefined && tender.buyer === "" ? lotsNotes() : [],
      };
    case "ocds":
      return { tender, source, notes: [...reading.notes, ...unvaluedNotes(tender)] };
    case "notice":
      return noticeLoaded(reading.notice, tender);
    default:
      return { tender, source, notes: [] };
  }
}

function result(read: TenderFileResult, source: string, again?: string): LoadedTender {
  if (!read.ok) throw paneError(source, read, again);
  return loaded(read.value, source);
}

/** A notice's lots often have no value yet: they open in Review for their figures to be filled in. */
function unvaluedNotes(tender: Tender): string[] {
  const unvalued = tender.lots.filter((lot) => lot.days === undefined && lot.statedValue === undefined);
  if (unvalued.length === 0) return [];
  const which =
    unvalued.length < tender.lots.length
      ? listInWords(unvalued.map((lot) => `"${lot.name}"`))
      : unvalued.length === 1
        ? "its lot"
        : `any of its ${unvalued.length} lots`;
  return [
    `The notice gives no value or days for ${which}: give each its days (and day rate) or its stated value before building the allocation.`,
  ];
}

/**
 * Read a .json file: a tender file, or an OCDS release, release package or record package such as
 * the Export step saves and Contracts Finder publishes (the OCDS reader is loaded only for those).
 */
export async function readJsonFile(text: string, fileName: string): Promise<LoadedTender> {
  return result(await readJsonTender(fileName, text, { allowUnvalued: true }), fileName);
}

/**
 * Read a lots table given as rows of cells (from CSV or pasted from a spreadsheet); `again` says how
 * to try again once it is corrected ("save it and open it again").
 */
export function readLotsRows(
  rows: string[][],
  source: string,
  title: string,
  again = "save it and open it again",
  separator: CsvSeparator = ",",
): LoadedTender {
  return result(readLotsTableTender(rows, title, undefined, separator), source, again);
}

/** Read a .csv file's text: a tender CSV as the Export step and the command line write it, or a lots table. */
export function readLotsCsv(text: string, fileName: string): LoadedTender {
  return result(readCsvTender(fileName, text), fileName);
}

/** Text pasted from a spreadsheet: rows on lines, cells separated by tabs (quoted as CSV when a cell holds a tab, a quote or a line break). */
export function looksLikePastedTable(text: string): boolean {
  return text.includes("\t");
}

/** Read what was pasted into the "Tender notice" box. */
export async function readPastedText(text: string): Promise<LoadedTender> {
  if (looksLikePastedTable(text)) {
    const parsed = parseCsv(text, { separator: "\t" });
    if (!parsed.ok) {
      throw new PaneError(
        "Could not read the pasted table",
        listProblems(parsed.errors),
        "Copy the cells from Excel again and paste them here.",
      );
    }
    const rows = parsed.value.filter((row) => row.some((cell) => cell.trim() !== ""));
    return readLotsRows(rows, "the pasted table", "", "paste it again", "\t");
  }
  return readNoticeText(text);
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How sure a reading must be before the pane stops asking the user to confirm it. */
const CONFIDENT = 0.8;

/** A notice's tender, with where each field came from and what to confirm. */
function noticeLoaded(reading: Extract<NoticeReading, { ok: true }>, tender: Tender): LoadedTender {
  const hints: Record<string, string> = {};
  const notes = [...reading.missing.map((m) => `${sentenceCase(m)}.`), ...reading.notes];
  for (const [field, source] of Object.entries(reading.fields)) {
    if (!source) continue;
    hints[field] = `From the notice: “${source.sentence}”`;
    if (source.confidence < CONFIDENT)
      notes.push(`Check the ${fieldWords(field)}: it was read from “${source.sentence}”`);
  }
  reading.lots.forEach((lot, i) => {
    const value = lot.statedValue ?? lot.name;
    hints[`lots[${i}].statedValue`] = `From the notice: “${value.sentence}”`;
  });
  return { tender, source: "the tender notice", notes, hints };
}

/**
 * Read a tender notice (or news report) with the notice reader, in a worker where the page has one
 * (notice-reading.ts); a newer read supersedes this one, which then rejects with SupersededRead.
 */
export async function readNoticeText(text: string): Promise<LoadedTender> {
  return result(await readNoticeOffThread(text), NOTICE_SOURCE);
}

/** A workbook's bytes as a tender: the .xlsx reader (and exceljs behind it) is loaded only when a workbook is opened. */
async function readWorkbook(bytes: Uint8Array, title: string): Promise<Result<Tender>> {
  const { xlsxToTender } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
  return xlsxToTender(bytes, { title });
}

/** Read an Excel workbook: its Tender sheet, else the first sheet holding a lots table. */
export async function readTenderXlsx(bytes: Uint8Array, fileName: string): Promise<LoadedTender> {
  return result(await readTenderBytes(fileName, bytes, { readWorkbook }), fileName);
}

/**
 * Read a file the user opened, by its extension, with the engine's file reader (the one the
 * command line uses): tender and OCDS .json, tender and lots .csv, notice .txt, workbook .xlsx.
 * An OCDS file of several contracting processes is not refused: it is a BulkFile, for the audit.
 */
export async function readTenderFile(file: File): Promise<LoadedTender | BulkFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const read = await readTenderBytes(file.name, bytes, { allowUnvalued: true, readWorkbook });
  if (!read.ok && read.problem === "ocds" && read.errors.some((e) => isSeveralProcesses(e.message)))
    return { bulk: true };
  return result(read, file.name);
}

/** A file holding many contracting processes (a download of notices): for the Audit view. */
export interface BulkFile {
  bulk: true;
}
