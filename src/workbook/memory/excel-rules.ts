/**
 * The rules Excel enforces that the in-memory workbook enforces too, so that what works in the
 * browser pane and the tests works in Excel. Refusals are ExcelRuleErrors carrying the `code` Excel's
 * JavaScript API uses (Excel.ErrorCodes), recognised by code as Excel's own errors are.
 *
 * - Names (defined names and table names): "Define and use names in formulas" (support.microsoft.com):
 *   the first character a letter, underscore or backslash; then letters, numbers, periods and
 *   underscores; not C, c, R or r; not a cell reference (Z$100, R1C1); no spaces; at most 255
 *   characters; unique regardless of case. Tables share the namespace with defined names ("Rename an
 *   Excel table").
 * - Sheet names: "Rename a worksheet" (support.microsoft.com): not blank; at most 31 characters; none
 *   of / \ ? * : [ ]; not beginning or ending with an apostrophe; not "History"; unique regardless of case.
 * - Range.values, formulas and numberFormat are set as two-dimensional arrays of the range's own rows
 *   and columns ("Set and get range values, text, or formulas using the Excel JavaScript API"; the
 *   Excel.Range reference); any other shape is refused with InvalidArgument ("Excel JavaScript API
 *   error codes").
 * - Range.cellCount is -1 past 2^31-1 cells (Excel.Range reference).
 * - Excel on the web: 5 MB per request and per response ("Resource limits and performance optimization
 *   for Office Add-ins"): RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded.
 */
export class ExcelRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ExcelRuleError";
  }
}

/** Why Excel would refuse `name` as a defined or table name; undefined when it accepts it. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return "a name cannot be empty";
  if (name.length > 255) return `the name "${name.slice(0, 20)}…" is longer than 255 characters`;
  if (!/^[\p{L}_\\]/u.test(name)) return `the name "${name}" must start with a letter, _ or \\`;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
    return `the name "${name}" may use only letters, numbers, periods and underscores`;
  if (/^[CR]$/i.test(name)) return `"${name}" cannot be a name (Excel reads it as a row or column)`;
  if (isCellReference(name)) return `the name "${name}" is a cell reference`;
  return undefined;
}

/** A1 (A1 to XFD1048576, with $ allowed) or R1C1 reference. */
function isCellReference(text: string): boolean {
  const a1 = /^\$?([A-Z]{1,3})\$?([0-9]+)$/i.exec(text);
  if (a1) {
    const col = [...a1[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    if (col <= 16384 && row >= 1 && row <= 1048576) return true;
  }
  return /^R[0-9]*C[0-9]*$/i.test(text);
}

/** Why Excel would refuse `name` as a sheet name; undefined when it accepts it. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > 31) return `the sheet name "${name}" is longer than 31 characters`;
  if (/[/\\?*:[\]]/.test(name)) return `the sheet name "${name}" contains one of / \\ ? * : [ ]`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `the sheet name "${name}" begins or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return 'a sheet cannot be named "History"';
  return undefined;
}

/** Refuse an array set on a range (values, formulas, numberFormat) that is not the range's shape. */
export function checkDimensions(
  property: string,
  rows: number,
  columns: number,
  matrix: readonly (readonly unknown[])[],
): void {
  if (matrix.length === rows && matrix.every((row) => Array.isArray(row) && row.length === columns)) return;
  const wrong = matrix.find((row) => !Array.isArray(row) || row.length !== columns);
  const width = wrong === undefined ? columns : Array.isArray(wrong) ? wrong.length : "not an array";
  throw new ExcelRuleError(
    "InvalidArgument",
    `${property} has ${matrix.length} rows of ${width} for a range of ${rows} rows of ${columns}`,
  );
}

/** Range.cellCount as Excel gives it: -1 past 2^31-1 cells. */
export function cellCount(rows: number, columns: number): number {
  const n = rows * columns;
  return n > 2 ** 31 - 1 ? -1 : n;
}

/** Excel on the web's limit on a request and on a response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Refuse a request or response larger than Excel on the web takes. */
export function checkPayload(kind: "Request" | "Response", bytes: number): void {
  if (bytes > PAYLOAD_LIMIT_BYTES) {
    throw new ExcelRuleError(
      `${kind}PayloadSizeLimitExceeded`,
      `the ${kind.toLowerCase()} is ${bytes} bytes, over Excel on the web's 5 MB`,
    );
  }
}
