/**
 * Splitting a table's rows into blocks that each stay under Excel on the web's request limit (5 MB per
 * request): the size of a block is what its values serialise to, measured, not guessed from a row count.
 */
import type { Scalar } from "../layout/plan";

/** Excel on the web rejects a request over 5 MB; a block aims well under it, leaving room for the rest. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_BLOCK_BYTES = 3 * 1024 * 1024;

/** UTF-8 bytes of a value as JSON (what the request carries for it), plus its separator. */
export function jsonBytes(v: Scalar): number {
  if (v === null) return 5;
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

export function rowBytes(row: readonly Scalar[]): number {
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
