/**
 * A sheet plan as the requests that build it: the first adds the sheet with everything but its tables'
 * rows, and each table's first block of rows; later requests carry the further blocks, each under the
 * request limit (5 MB on Excel on the web). A request refused for its size splits into halves by rows.
 */
import { tableBodyRect, type Scalar, type SheetPlan, type TablePlan } from "../layout/plan";
import type { RowBlock, SheetRequest } from "../driver";
import { blocksOf, DEFAULT_BLOCK_BYTES, jsonBytes, rowBytes } from "./blocks";

/** Runs [a, b] of adjacent columns holding values, not a calculated column's formula. */
export function constantRuns(t: TablePlan): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < t.columns.length; i++) {
    if (t.columns[i].formula) continue;
    const prev = runs[runs.length - 1];
    if (prev && prev[1] === i - 1) prev[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/** The data rows written (an empty table still has one, empty, row). */
export function dataRows(t: TablePlan): Scalar[][] {
  return t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
}

/** The values of one data row that a request carries: its constant columns. */
function constantRow(row: readonly Scalar[], runs: readonly [number, number][]): Scalar[] {
  return runs.flatMap(([a, b]) => row.slice(a, b + 1));
}

/** The requests building `plan`, table rows in blocks of at most `blockBytes` of values. */
export function sheetRequests(plan: SheetPlan, blockBytes = DEFAULT_BLOCK_BYTES): SheetRequest[] {
  const first: SheetRequest = { create: true, rows: [] };
  const later: SheetRequest[] = [];
  plan.tables.forEach((t, table) => {
    const runs = constantRuns(t);
    const blocks = blocksOf(
      dataRows(t).map((row) => constantRow(row, runs)),
      blockBytes,
    ).map(([start, end]): RowBlock => ({ table, start, end }));
    if (blocks[0]) first.rows.push(blocks[0]);
    for (const b of blocks.slice(1)) later.push({ create: false, rows: [b] });
  });
  return [first, ...later];
}

/** A request refused for its size as two, split by rows; undefined when it holds at most one row. */
export function halves(request: SheetRequest): [SheetRequest, SheetRequest] | undefined {
  const { rows } = request;
  if (rows.length > 1) {
    const mid = Math.ceil(rows.length / 2);
    return [
      { create: request.create, rows: rows.slice(0, mid) },
      { create: false, rows: rows.slice(mid) },
    ];
  }
  const b = rows[0];
  if (!b || b.end - b.start < 2) return undefined;
  const mid = b.start + Math.ceil((b.end - b.start) / 2);
  return [
    { create: request.create, rows: [{ ...b, end: mid }] },
    { create: false, rows: [{ ...b, start: mid }] },
  ];
}

/**
 * The bytes a request carries, as JSON: the values and formulas of the cells it writes (the tables'
 * rows, their constant columns only; a calculated column is one formula copied down).
 */
export function requestBytes(plan: SheetPlan, request: SheetRequest): number {
  let n = 2;
  if (request.create) {
    for (const c of plan.cells) n += jsonBytes(c.formula ? c.formula.structured : c.value);
    for (const t of plan.tables) {
      for (const c of t.columns) {
        n += jsonBytes(c.header) + jsonBytes(c.formula?.structured ?? null);
        if (c.total) n += jsonBytes(c.total.formula?.structured ?? c.total.label ?? c.total.value);
      }
    }
  }
  for (const b of request.rows) {
    const t = plan.tables[b.table];
    const runs = constantRuns(t);
    const rows = dataRows(t);
    for (let r = b.start; r < b.end; r++) n += rowBytes(constantRow(rows[r], runs));
  }
  return n;
}

/** The sheet rows (0-based) of a block of a table's data rows. */
export function blockRows(t: TablePlan, b: RowBlock): { r0: number; r1: number } {
  const body = tableBodyRect(t);
  return { r0: body.r0 + b.start, r1: body.r0 + b.end - 1 };
}
