/**
 * Showing and clearing the findings' highlight in Excel: two syncs each. The first reads the
 * highlight record kept in the workbook (a custom XML part) and the fills of the cells concerned;
 * the second restores the fills of cells no longer highlighted (unless the user recoloured them),
 * colours the new ones and replaces the record.
 */
import { cellAddress, parseAddress } from "../a1";
import type { FindingLocation } from "../port";
import { HIGHLIGHT_NAMESPACE, highlightsToXml, xmlToHighlights, type Highlight } from "../state";
import { HIGHLIGHT_FILL, locateFindings, nextHighlights, normalise } from "../targets";
import type { ActualsSource } from "../layout/actuals-sheet";
import type { TenderSource } from "../layout/tender-sheet";
import type { Finding, Result } from "../../domain/core/types";

interface Loaded {
  previous: Highlight[];
  parts: Excel.CustomXmlPartScopedCollection;
  sheets: Set<string>;
}

/** Sync 1 and 2: the highlight record kept in the workbook and its part (to replace). */
async function loadHighlights(context: Excel.RequestContext): Promise<Result<Loaded>> {
  const parts = context.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NAMESPACE).load("items/id");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  if (parts.items.length === 0) return { ok: true, value: { previous: [], parts, sheets: names } };
  const xml = parts.items[0].getXml();
  await context.sync();
  const read = xmlToHighlights(xml.value);
  if (!read.ok) return read;
  return { ok: true, value: { previous: read.value, parts, sheets: names } };
}

function fillOf(context: Excel.RequestContext, address: string): Excel.RangeFill | undefined {
  const p = parseAddress(address);
  if (!p?.sheet) return undefined;
  return context.workbook.worksheets
    .getItem(p.sheet)
    .getRange(cellAddress(p.rect.r0, p.rect.c0))
    .format.fill.load("color,pattern");
}

function fillValue(fill: Excel.RangeFill | undefined): string | undefined {
  if (!fill || fill.pattern === "None" || fill.color === undefined) return undefined;
  return fill.color.toUpperCase();
}

function saveHighlights(
  context: Excel.RequestContext,
  parts: Excel.CustomXmlPartScopedCollection,
  next: Highlight[],
): void {
  for (const p of parts.items) p.delete();
  context.workbook.customXmlParts.add(highlightsToXml(next));
}

/** Restore the fill of previously highlighted cells (still ours, still on an existing sheet). */
function restore(
  previous: readonly Highlight[],
  fills: Map<string, Excel.RangeFill | undefined>,
  keep: ReadonlySet<string>,
): void {
  for (const h of previous) {
    const key = normalise(h.address);
    if (keep.has(key)) continue;
    const fill = fills.get(key);
    if (!fill || fillValue(fill) !== HIGHLIGHT_FILL) continue;
    if (h.previousFill === undefined) fill.clear();
    else fill.color = h.previousFill;
  }
}

export async function showFindingsIn(
  context: Excel.RequestContext,
  findings: Finding[],
  source: TenderSource | undefined,
  actualsSource: ActualsSource | undefined,
): Promise<Result<FindingLocation[]>> {
  const loaded = await loadHighlights(context);
  if (!loaded.ok) return loaded;
  const { previous, parts, sheets } = loaded.value;
  const { locations, cells } = locateFindings(findings, source, actualsSource);
  const onSheet = (a: string): boolean => sheets.has((parseAddress(a)?.sheet ?? "").toLowerCase());
  const fills = new Map<string, Excel.RangeFill | undefined>();
  for (const a of [...previous.map((h) => h.address), ...cells]) {
    const key = normalise(a);
    if (!fills.has(key) && onSheet(a)) fills.set(key, fillOf(context, a));
  }
  await context.sync();
  const targets = cells.filter(onSheet);
  const next = nextHighlights(previous, targets, (a) => fillValue(fills.get(normalise(a))));
  restore(previous, fills, new Set(next.map((h) => normalise(h.address))));
  for (const h of next) {
    const fill = fills.get(normalise(h.address));
    if (fill) fill.color = HIGHLIGHT_FILL;
  }
  saveHighlights(context, parts, next);
  await context.sync();
  return { ok: true, value: locations };
}

export async function clearFindingsIn(context: Excel.RequestContext): Promise<Result<void>> {
  const loaded = await loadHighlights(context);
  if (!loaded.ok) return loaded;
  const { previous, parts, sheets } = loaded.value;
  const fills = new Map<string, Excel.RangeFill | undefined>();
  for (const h of previous) {
    if (sheets.has((parseAddress(h.address)?.sheet ?? "").toLowerCase())) {
      fills.set(normalise(h.address), fillOf(context, h.address));
    }
  }
  await context.sync();
  restore(previous, fills, new Set());
  saveHighlights(context, parts, []);
  await context.sync();
  return { ok: true, value: undefined };
}
