/**
 * Where a tender can come from in the pane: a file the user opens (tender .json, lots table .csv,
 * Excel .xlsx) or text pasted into the "Tender notice" box. Each reader gives the tender or throws a
 * PaneError naming the problems and what to do; nothing is half-read.
 */
import { listInWords } from "../domain/core/messages";
import { type CsvSeparator, describeTableText, detectSeparator, parseCsv } from "../domain/tables/csv";
import { csvCellRef, readLotsTable } from "../domain/tables/lots-table";
import { DEFAULT_REGION, DEFAULT_VAT_RATE, parseTender } from "../domain/check/tender";
import type { InputError, Lot, Tender } from "../domain/core/types";
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

/** Pasted text is read as prose by the notice reader as well as a pasted table. */
export const READS_PROSE = true;

const MAX_LISTED = 5;

const PATH_WORDS: Record<string, string> = {
  title: "title",
  buyer: "buyer",
  currency: "currency",
  statedTotal: "stated total",
  dayRate: "day rate",
  closingDate: "closing date",
  startDate: "start date",
  endDate: "end date",
  region: "bank-holiday region",
  vatRate: "VAT rate",
  days: "days",
  statedValue: "stated value",
  name: "name",
  toleranceAmount: "tolerance (£)",
  tolerancePercent: "tolerance (%)",
};

/**
 * A field path in the user's words: `lots[2].dayRate` → "Lot 3 day rate", `statedTotal` → "Stated
 * total". Cell addresses and table references are left as they are.
 *
 * @example
 * describePath("lots[0].days"); // → "Lot 1 days"
 */
export function describePath(path: string, lotNames: readonly string[] = []): string {
  const lot = /^lots\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (lot) {
    const n = Number(lot[1]);
    const name = lotNames[n]?.trim();
    // The lot's name where it has one, as its box in Review is headed: "Kirklees (lot 2) days".
    const which = name ? `${name} (lot ${n + 1})` : `Lot ${n + 1}`;
    return `${which}${lot[2] ? ` ${PATH_WORDS[lot[2]] ?? lot[2]}` : ""}`;
  }
  const word = PATH_WORDS[path];
  return word ? word.charAt(0).toUpperCase() + word.slice(1) : path;
}

/** A problem with a whole lot whose message already names it (`Lot "Barnet" has neither days…`). */
function namesItsLot(error: InputError, lotNames: readonly string[]): boolean {
  const lot = /^lots\[(\d+)\]$/.exec(error.path);
  const name = lot ? lotNames[Number(lot[1])]?.trim() : undefined;
  return name !== undefined && name !== "" && error.message.includes(`"${name}"`);
}

/** Problems as one readable paragraph: the first few, then how many more; lots named when known. */
export function listProblems(errors: readonly InputError[], lotNames: readonly string[] = []): string {
  const shown = errors
    .slice(0, MAX_LISTED)
    .map((e) =>
      e.path && !namesItsLot(e, lotNames) ? `${describePath(e.path, lotNames)}: ${e.message}` : e.message,
    );
  const more = errors.length - shown.length;
  return shown.join(" ") + (more > 0 ? ` …and ${more} more.` : "");
}

/** A tender holding only lots (from a table), for the user to complete in Review. */
export function tenderFromLots(lots: Lot[], title: string): Tender {
  return { title, buyer: "", currency: "GBP", region: DEFAULT_REGION, vatRate: DEFAULT_VAT_RATE, lots };
}

function lotsNotes(): string[] {
  return [
    "The table gave only the lots: add the buyer, the stated total and the dates if the tender has them.",
  ];
}

function titleFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, "")
    .replace(/[_-]+/g, " ")
    .trim();
}

function parseJsonText(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PaneError(
      `Could not read ${fileName}`,
      `It is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      "Open a tender file saved by Tender Budget or written in the tender file shape.",
    );
  }
}

/** A cheap first look for the keys of an OCDS release or package, before loading the OCDS reader. */
function mayBeOcds(data: unknown): boolean {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  return ["releases", "records", "ocid", "tag"].some((key) => key in data);
}

/**
 * Read a .json file: a tender file, or an OCDS release or release package such as the Export step
 * saves and Contracts Finder publishes (the OCDS reader is loaded only for those).
 */
export async function readJsonFile(text: string, fileName: string): Promise<LoadedTender> {
  const data = parseJsonText(text, fileName);
  if (mayBeOcds(data)) {
    const { looksLikeOcds, ocdsToTender } = await import(
      /* webpackChunkName: "ocds" */ "../domain/formats/ocds"
    );
    if (looksLikeOcds(data)) {
      // A notice's lots often have no value yet: they open in Review for their figures to be filled in.
      const read = ocdsToTender(data, { allowUnvalued: true });
      if (!read.ok) {
        throw new PaneError(
          `Could not read the tender in the OCDS file ${fileName}`,
          listProblems(read.errors),
          "Open the release package saved from Contracts Finder or from Tender Budget's Export step, or start from a blank tender.",
        );
      }
      const unvalued = read.value.lots.filter(
        (lot) => lot.days === undefined && lot.statedValue === undefined,
      );
      const which =
        unvalued.length < read.value.lots.length
          ? listInWords(unvalued.map((lot) => `"${lot.name}"`))
          : unvalued.length === 1
            ? "its lot"
            : `any of its ${unvalued.length} lots`;
      const notes =
        unvalued.length === 0
          ? []
          : [
              `The notice gives no value or days for ${which}: give each its days (and day rate) or its stated value before building the allocation.`,
            ];
      return { tender: read.value, source: fileName, notes };
    }
  }
  return tenderFromJson(data, fileName);
}

/** Read a tender .json file's text. */
export function readTenderJson(text: string, fileName: string): LoadedTender {
  return tenderFromJson(parseJsonText(text, fileName), fileName);
}

function tenderFromJson(data: unknown, fileName: string): LoadedTender {
  const parsed = parseTender(data);
  if (!parsed.ok) {
    throw new PaneError(
      `${fileName} is not a tender Tender Budget can use`,
      listProblems(parsed.errors),
      "Correct the file and open it again, or start from a blank tender.",
    );
  }
  return { tender: parsed.value, source: fileName, notes: [] };
}

const LOTS_TABLE_SHAPE =
  "A lots table has a header row naming its columns (Lot, Day rate, Days, Stated value, Start date, End date) and one lot on each row under it.";

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
  const lots = readLotsTable(rows, { ref: csvCellRef, found: describeTableText(rows, separator) });
  if (!lots.ok && looksLikeInvoices(rows)) {
    throw new PaneError(
      `Invoices, not the tender's lots, in ${source}`,
      "Its header row has an invoice number column: it is a list of invoices against the contracts.",
      "Start from the tender (its lots and stated total), build the allocation, then open the invoices in step 6, Contract tracking.",
    );
  }
  if (!lots.ok) {
    throw new PaneError(
      `Could not read the lots table in ${source}`,
      listProblems(lots.errors),
      `Correct the table where named above, then ${again}. ${LOTS_TABLE_SHAPE}`,
    );
  }
  return { tender: tenderFromLots(lots.value, title), source, notes: lotsNotes() };
}

/** A table whose first non-empty row heads a column "Invoice number" (or "Invoice no", "Invoice ref"). */
function looksLikeInvoices(rows: readonly string[][]): boolean {
  const header = rows.find((row) => row.some((cell) => cell.trim() !== ""));
  return header?.some((cell) => /^invoice\s*(number|no\.?|ref(erence)?)?$/i.test(cell.trim())) ?? false;
}

/** Read a .csv lots table's text. */
export function readLotsCsv(text: string, fileName: string): LoadedTender {
  const separator = detectSeparator(text);
  const rows = parseCsv(text, { separator });
  if (!rows.ok) {
    throw new PaneError(
      `Could not read ${fileName}`,
      listProblems(rows.errors),
      "Save the table from Excel as CSV UTF-8 and open it again.",
    );
  }
  return readLotsRows(rows.value, fileName, titleFromFileName(fileName), undefined, separator);
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

/** Read a tender notice (or news report) with the notice reader, loaded only when first used. */
export async function readNoticeText(text: string): Promise<LoadedTender> {
  const { parseNotice } = await import(/* webpackChunkName: "notice" */ "../domain/notice");
  const reading = parseNotice(text);
  if (!reading.ok) {
    throw new PaneError(
      "No tender found in the notice",
      [reading.error, ...reading.notes].join(" "),
      "Paste the part of the notice that gives the lots and their amounts, or a lots table copied from Excel.",
    );
  }
  const parsed = parseTender(reading.input);
  if (!parsed.ok) {
    throw new PaneError(
      "The notice gives a tender Tender Budget cannot use",
      listProblems(parsed.errors),
      "Start a blank tender and type the figures in from the notice.",
    );
  }
  const hints: Record<string, string> = {};
  const notes = [...reading.missing.map((m) => `${sentenceCase(m)}.`), ...reading.notes];
  for (const [field, source] of Object.entries(reading.fields)) {
    if (!source) continue;
    hints[field] = `From the notice: “${source.sentence}”`;
    if (source.confidence < CONFIDENT)
      notes.push(`Check the ${FIELD_WORDS[field] ?? field}: it was read from “${source.sentence}”`);
  }
  reading.lots.forEach((lot, i) => {
    const value = lot.statedValue ?? lot.name;
    hints[`lots[${i}].statedValue`] = `From the notice: “${value.sentence}”`;
  });
  return { tender: parsed.value, source: "the tender notice", notes, hints };
}

const FIELD_WORDS: Record<string, string> = {
  title: "title",
  buyer: "buyer",
  statedTotal: "stated total",
  dayRate: "day rate",
  closingDate: "closing date",
  startDate: "start date",
  endDate: "end date",
  region: "bank-holiday region",
};

/**
 * Read an Excel workbook: its Tender sheet, else the first sheet holding a lots table. The .xlsx
 * reader (and exceljs behind it) is loaded only when a workbook is opened.
 */
export async function readTenderXlsx(bytes: Uint8Array, fileName: string): Promise<LoadedTender> {
  const { xlsxToTender } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
  const read = await xlsxToTender(bytes, { title: titleFromFileName(fileName) });
  if (!read.ok) {
    throw new PaneError(
      `Could not read the tender in ${fileName}`,
      listProblems(read.errors),
      "Correct the cells named above in Excel, save the workbook and open it again.",
    );
  }
  const notes = read.value.statedTotal === undefined && read.value.buyer === "" ? lotsNotes() : [];
  return { tender: read.value, source: fileName, notes };
}

/** Read a file the user opened, by its extension. */
export async function readTenderFile(file: File): Promise<LoadedTender> {
  const name = file.name;
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === "json") return readJsonFile(await file.text(), name);
  if (ext === "csv") return readLotsCsv(await file.text(), name);
  if (ext === "xlsx") return readTenderXlsx(new Uint8Array(await file.arrayBuffer()), name);
  throw new PaneError(
    `Tender Budget cannot open ${name}`,
    "It opens Excel workbooks (.xlsx), lots tables (.csv) and tender files (.json).",
    "Save the lots from Excel as .xlsx or CSV, or open a tender .json file.",
  );
}
