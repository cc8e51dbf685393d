/**
 * Splitting a table's rows into blocks that each stay under Excel on the web's request limit (5 MB per
 * request): the size of a block is what its values serialise to, measured, not guessed from a row count.
 */
import type { Scalar } from "../layout/plan";

/** Excel on the web rejects a request over 5 MB; a block aims well under it, leaving room for the rest. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_BLOCK_BYTES = 3 * 1024 * 1024;

/** UTF-8 bytes of a value as JSON (what the request carries for it), plus its separator. */
export function jsonBytes(v: Scalar | undefined): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === "number" || typeof v === "boolean") return String(v).length + 1;
  let n = 3;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 92) n += 2;
    else if (c < 32) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else n += 3;
  }
  return n;
}

export function rowBytes(row: readonly (Scalar | undefined)[]): number {
  let n = 3;
  for (const v of row) n += jsonBytes(v);
  return n;
}

/** [start, end) row indices of consecutive blocks whose rows' JSON stays within `budget` bytes. */
export function blocksOf(
  rows: readonly (readonly Scalar[])[],
  budget = DEFAULT_BLOCK_BYTES,
): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < rows.length; i++) {
    const b = rowBytes(rows[i]);
    if (i > start && size + b > budget) {
      blocks.push([start, i]);
      start = i;
      size = 0;
    }
    size += b;
  }
  if (rows.length > 0) blocks.push([start, rows.length]);
  return blocks;
}

/** UTF-8 bytes of a grid of values as JSON: what a response loading them carries. */
export function gridBytes(rows: readonly (readonly (Scalar | undefined)[])[]): number {
  let n = 2;
  for (const row of rows) n += rowBytes(row);
  return n;
}

/**
 * Reads load a range's values in blocks of rows too, since a response over 5 MB fails on Excel on the
 * web (or comes back as `values === null`). The size of the values is unknown until they are loaded, so
 * the first block is a number of cells: 100,000 cells, i.e. up to 16,666 rows of the Tender sheet's six
 * columns, so 10,000 lots (and the rows above its lots table) are one block and one sync — ~1.3 MB with 48-character lot names; its
 * cells would have to average over 50 bytes of JSON to pass 5 MB. Later blocks are sized from the bytes
 * per row measured so far, to `DEFAULT_BLOCK_BYTES`, and never more than `MAX_READ_BLOCK_CELLS` cells.
 */
export const FIRST_READ_BLOCK_CELLS = 100_000;
export const MAX_READ_BLOCK_CELLS = 1_000_000;

/**
 * What the blocks read so far measured. A later block with wider rows than any before may still come
 * back too large: the reader then halves `maxRows` and reads it again.
 */
export interface ReadMeasure {
  /** Largest average JSON bytes per row of any block read so far (0 before the first). */
  bytesPerRow: number;
  /** Most rows a block may have (lowered when a block came back too large). */
  maxRows: number;
}

/** Rows of the next block of a read `columns` wide, from what was measured so far. */
export function nextReadRows(columns: number, measure: ReadMeasure, budget = DEFAULT_BLOCK_BYTES): number {
  const width = Math.max(1, columns);
  const byCells =
    measure.bytesPerRow > 0
      ? Math.min(Math.floor(budget / measure.bytesPerRow), Math.floor(MAX_READ_BLOCK_CELLS / width))
      : Math.floor(FIRST_READ_BLOCK_CELLS / width);
  return Math.max(1, Math.min(byCells, measure.maxRows));
}
