/**
 * Showing and clearing the findings' highlight, the same way over either driver: read the highlight
 * record kept in the workbook (a custom XML part) with the sheets there are; read the fills of the
 * cells concerned; then, in one request, restore the fills of cells no longer highlighted (unless the
 * user recoloured them), colour the new ones and replace the record.
 */
import { parseAddress } from "../a1";
import type { FindingLocation } from "../port";
import { HIGHLIGHT_NAMESPACE, highlightsToXml, xmlToHighlights, type Highlight } from "../state";
import { HIGHLIGHT_FILL, locateFindings, nextHighlights, normalise } from "../targets";
import type { FillChange, WorkbookDriver } from "../driver";
import type { ActualsSource } from "../layout/actuals-sheet";
import type { TenderSource } from "../layout/tender-sheet-read";
import type { Finding, Result } from "../../domain/core/types";

async function update(driver: WorkbookDriver, cells: readonly string[]): Promise<Result<void>> {
  const part = await driver.readPart(HIGHLIGHT_NAMESPACE);
  let previous: Highlight[] = [];
  if (part.xml !== undefined) {
    const read = xmlToHighlights(part.xml);
    if (!read.ok) return read;
    previous = read.value;
  }
  const sheets = new Set(part.sheets.map((s) => s.toLowerCase()));
  const onSheet = (a: string): boolean => sheets.has((parseAddress(a)?.sheet ?? "").toLowerCase());
  const targets = cells.filter(onSheet);
  const wanted = new Map<string, string>();
  for (const a of [...previous.map((h) => h.address), ...targets]) {
    if (onSheet(a) && !wanted.has(normalise(a))) wanted.set(normalise(a), a);
  }
  const read = await driver.readFills([...wanted.values()]);
  const fills = new Map([...read].map(([a, f]) => [normalise(a), f]));
  const next = nextHighlights(previous, targets, (a) => fills.get(normalise(a)));
  const keep = new Set(next.map((h) => normalise(h.address)));
  const changes: FillChange[] = [];
  // Give back each highlighted cell its own fill, unless the user changed it since or it stays highlighted.
  for (const h of previous) {
    const key = normalise(h.address);
    if (keep.has(key) || !fills.has(key) || fills.get(key) !== HIGHLIGHT_FILL) continue;
    changes.push({ address: h.address, fill: h.previousFill });
  }
  for (const h of next) changes.push({ address: h.address, fill: HIGHLIGHT_FILL });
  await driver.writeFills(changes, {
    namespace: HIGHLIGHT_NAMESPACE,
    xml: highlightsToXml(next),
    replaces: part.ids,
  });
  return { ok: true, value: undefined };
}

export async function showFindingsIn(
  driver: WorkbookDriver,
  findings: Finding[],
  source: TenderSource | undefined,
  actualsSource: ActualsSource | undefined,
): Promise<Result<FindingLocation[]>> {
  const { locations, cells } = locateFindings(findings, source, actualsSource);
  const done = await update(driver, cells);
  return done.ok ? { ok: true, value: locations } : done;
}

export function clearFindingsIn(driver: WorkbookDriver): Promise<Result<void>> {
  return update(driver, []);
}
