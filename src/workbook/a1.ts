/**
 * A1 addresses: column letters, cell and range addresses, sheet-name quoting.
 * Rows and columns are 0-based in code and 1-based in addresses, as Excel shows them.
 */

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0)
    throw new RangeError(`column index must be a whole number ≥ 0, got ${col}`);
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`"${letters}" is not a column`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

export interface Rect {
  /** First row, 0-based. */
  r0: number;
  c0: number;
  /** Last row, inclusive. */
  r1: number;
  c1: number;
}

export function rangeAddress(rect: Rect, absolute = false): string {
  const a = cellAddress(rect.r0, rect.c0, absolute);
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${cellAddress(rect.r1, rect.c1, absolute)}`;
}

/** A sheet name as it must appear in a reference: quoted when it holds anything but letters, digits, _ and . */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Tender!C7`, `'Allocation (2)'!A1:B4`. */
export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** Parse `C7`, `$C$7`, `Sheet!C7` or `'My sheet'!C7:D9` into its sheet and rectangle. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | undefined {
  const m =
    /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
      address.trim(),
    );
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const r0 = Number(m[4]) - 1;
  const c0 = columnIndex(m[3]);
  const r1 = m[6] !== undefined ? Number(m[6]) - 1 : r0;
  const c1 = m[5] !== undefined ? columnIndex(m[5]) : c0;
  if (r0 < 0 || r1 < 0) return undefined;
  return {
    sheet,
    rect: { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) },
  };
}

/** Excel's rule for sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** `Allocation`, or `Allocation (2)`, `Allocation (3)`… whichever is free (names compare case-insensitively). */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table name Excel accepts (letters, digits, _ and .; starts with a letter or _), unique among `taken`. */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}_${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The block of filled cells around a cell, as Excel's current region finds it: grown row by row and
 * column by column while a neighbouring row or column has a filled cell next to the block.
 */
export function surroundingRegion(
  filled: (row: number, col: number) => boolean,
  row: number,
  col: number,
): Rect {
  const rect: Rect = { r0: row, c0: col, r1: row, c1: col };
  const rowHas = (r: number): boolean => {
    for (let c = Math.max(rect.c0 - 1, 0); c <= rect.c1 + 1; c++) if (filled(r, c)) return true;
    return false;
  };
  const colHas = (c: number): boolean => {
    for (let r = Math.max(rect.r0 - 1, 0); r <= rect.r1 + 1; r++) if (filled(r, c)) return true;
    return false;
  };
  let grown = true;
  while (grown) {
    grown = false;
    while (rect.r0 > 0 && rowHas(rect.r0 - 1)) rect.r0--;
    while (rowHas(rect.r1 + 1)) rect.r1++;
    if (rect.c0 > 0 && colHas(rect.c0 - 1)) {
      rect.c0--;
      grown = true;
    }
    if (colHas(rect.c1 + 1)) {
      rect.c1++;
      grown = true;
    }
  }
  return rect;
}
