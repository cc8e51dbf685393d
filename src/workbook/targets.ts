/**
 * Decisions every host makes the same way before writing: which sheet name to use (never a user's
 * sheet: a clash gives "Allocation (2)"), which table names are free, and which cells findings highlight.
 */
import { parseAddress, uniqueSheetName, uniqueTableName } from "./a1";
import { SHEET_TITLES, type SheetKind } from "./layout/plan";
import { locatePath, type TenderSource } from "./layout/tender-sheet-read";
import { locateActualsPath, type ActualsSource } from "./layout/actuals-sheet";
import { recogniseHeader } from "../domain/tables/lots-table";
import type { Finding } from "../domain/core/types";
import type { FindingLocation } from "./port";
import type { Highlight } from "./state";

export interface ExistingSheet {
  name: string;
  /** The kind of sheet when the add-in created it (its tag), else undefined. */
  owner?: SheetKind;
}

export interface Target {
  name: string;
  /** The add-in's own sheet of this kind that is replaced, when there is one. */
  replaces?: string;
}

export function chooseTarget(kind: SheetKind, existing: readonly ExistingSheet[], replace = true): Target {
  const own = replace ? existing.find((s) => s.owner === kind) : undefined;
  if (own) return { name: own.name, replaces: own.name };
  return {
    name: uniqueSheetName(
      SHEET_TITLES[kind],
      existing.map((s) => s.name),
    ),
  };
}

/** A free table name for a sheet, ignoring tables on the sheet being replaced. */
export function chooseTableName(
  wanted: string,
  taken: readonly { name: string; sheet: string }[],
  replaces?: string,
): string {
  return uniqueTableName(
    wanted,
    taken.filter((t) => t.sheet !== replaces).map((t) => t.name),
  );
}

/** A prefix for several tables (`Phasing` → `Phasing_Months`…) none of whose names is taken. */
export function chooseTablePrefix(
  wanted: string,
  suffixes: readonly string[],
  taken: readonly { name: string; sheet: string }[],
  replaces?: string,
): string {
  const names = new Set(taken.filter((t) => t.sheet !== replaces).map((t) => t.name.toLowerCase()));
  for (let i = 1; ; i++) {
    const prefix = i === 1 ? wanted : `${wanted}${i}`;
    if (suffixes.every((s) => !names.has(`${prefix}${s}`.toLowerCase()))) return prefix;
  }
}

/** The fill the add-in highlights finding cells with (Excel's "Bad" red). */
export const HIGHLIGHT_FILL = "#FFC7CE";

/**
 * Each finding with its cell, and the distinct cells to highlight (errors and warnings only): a
 * tender finding's in the place the tender was read from, an invoice finding's (`actuals[4].amount`)
 * in the row of the Actuals table that line was read from.
 */
export function locateFindings(
  findings: readonly Finding[],
  source: TenderSource | undefined,
  actuals?: ActualsSource,
): { locations: FindingLocation[]; cells: string[] } {
  const locations: FindingLocation[] = [];
  const cells = new Set<string>();
  for (const f of findings) {
    const address = f.path.startsWith("actuals[")
      ? actuals && locateActualsPath(actuals, f.path)
      : source
        ? locatePath(source, f.path)
        : undefined;
    locations.push(address ? { finding: f, address } : { finding: f });
    if (address && f.severity !== "info") cells.add(address);
  }
  return { locations, cells: [...cells] };
}

/**
 * The new highlight record: each new cell with the fill it had before the add-in touched it. A cell that
 * is highlighted again keeps the fill recorded the first time.
 */
export function nextHighlights(
  previous: readonly Highlight[],
  cells: readonly string[],
  currentFill: (address: string) => string | undefined,
): Highlight[] {
  const before = new Map(previous.map((h) => [normalise(h.address), h]));
  return cells.map((address) => {
    const old = before.get(normalise(address));
    if (old && currentFill(address)?.toUpperCase() === HIGHLIGHT_FILL) return { ...old, address };
    const fill = currentFill(address);
    return fill === undefined ? { address } : { address, previousFill: fill };
  });
}

/** `Tender!$B$5` and `tender!b5` are the same cell. */
export function normalise(address: string): string {
  const p = parseAddress(address);
  if (!p) return address;
  return `${(p.sheet ?? "").toLowerCase()}!${p.rect.r0},${p.rect.c0}`;
}

/** A header row that reads as a lots table: a name column, and days or a value. */
export function looksLikeLotsTable(headers: readonly unknown[]): boolean {
  const fields = new Set(headers.map((h) => (typeof h === "string" ? recogniseHeader(h) : undefined)));
  return fields.has("name") && (fields.has("days") || fields.has("statedValue"));
}

/** Sheets whose tables are the add-in's own output, never read as input. */
export const OUTPUT_KINDS: ReadonlySet<SheetKind> = new Set([
  "allocation",
  "phasing",
  "summary",
  "actuals",
  "budget",
]);

export const NO_LOTS_TABLE =
  'no Excel Table in this workbook has the headers of a lots table; head its columns "Lot", "Day rate", "Days", "Stated value" (or Council, Rate, Estimated days, Budget), or select the table';

export const NO_ACTUALS_SHEET =
  'there is no Actuals sheet; add one with "New actuals sheet" and paste the invoices into it';
