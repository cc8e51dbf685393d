/**
 * Excel's errors, recognised by `code` (OfficeExtension.Error.code), never by message text: Excel
 * localizes its messages. Each code the add-in can meet has our own message; Excel's `debugInfo` is
 * kept as `details` for the pane's "Copy details".
 *
 * Codes: "Excel JavaScript API error codes" (learn.microsoft.com/office/dev/add-ins/reference/
 * javascript-api/excel/excel-error-codes and Excel.ErrorCodes); the payload limits: "Resource limits
 * and performance optimization for Office Add-ins" (Excel on the web: 5 MB per request and response,
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded).
 */
import type { InputError } from "../domain/core/types";

/** A failure from the workbook: where, what to do, and for Excel's own errors its code and details. */
export interface WorkbookError extends InputError {
  /** Excel's error code, e.g. "InvalidArgument". */
  code?: string;
  /** Excel's code, message, error location and debugInfo, as text for "Copy details". */
  details?: string;
}

export const PAYLOAD_LIMIT_CODES: ReadonlySet<string> = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

/** Excel's error code, or undefined for anything that is not an Excel error. */
export function officeCode(e: unknown): string | undefined {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" && code !== "" ? code : undefined;
}

/** A request or response over Excel on the web's 5 MB. */
export function isPayloadLimit(e: unknown): boolean {
  const code = officeCode(e);
  return code !== undefined && PAYLOAD_LIMIT_CODES.has(code);
}

/** What the user should read for each code: what happened and what to do. */
const MESSAGES: Record<string, string> = {
  AccessDenied:
    "Excel did not allow it: the workbook or sheet may be protected or read-only. Unprotect it, then try again.",
  ActivityLimitReached: "Excel is busy with too much at once. Wait a moment, then try again.",
  ApiNotFound:
    "this version of Excel lacks a feature the add-in needs. Update Excel, or use Excel on the web.",
  EditModeCannotUpdate: "a cell is being edited. Press Enter or Esc in the cell, then try again.",
  GeneralException: "Excel met an internal error. Save the workbook, then try again.",
  InsertDeleteConflict:
    "the change would move cells of a table or merged cells. Move them out of the way, then try again.",
  InvalidArgument: "Excel refused what the add-in asked for. Check the workbook, then try again.",
  InvalidOperation: "Excel cannot do that in the workbook as it is now. Check the workbook, then try again.",
  InvalidOperationInCellEditMode: "a cell is being edited. Press Enter or Esc in the cell, then try again.",
  ItemAlreadyExists: "a sheet, table or name of that name already exists. Rename it, then try again.",
  ItemNotFound:
    "a sheet, table or name it needs is no longer in the workbook. Check the workbook, then try again.",
  NotImplemented: "this version of Excel does not support it. Update Excel, or use Excel on the web.",
  RequestAborted: "Excel stopped the request. Try again.",
  RequestPayloadSizeLimitExceeded:
    "too much to send to Excel on the web at once (5 MB). Try a smaller range, or Excel on Windows or Mac.",
  ResponsePayloadSizeLimitExceeded:
    "too much for Excel on the web to send back at once (5 MB). Select a smaller range, or use Excel on Windows or Mac.",
  ServiceNotAvailable: "Excel's service is not available just now. Wait a moment, then try again.",
  Unauthenticated: "you are signed out of Excel. Sign in again, then try again.",
  UnsupportedOperation: "Excel does not support that here. Check the workbook, then try again.",
  UnsupportedSheet: "the sheet is not a worksheet (a chart or macro sheet). Use a worksheet.",
};

/**
 * Excel's own account of an error, as "Copy details" gives it: its code, its (localized) message,
 * where it failed (debugInfo.errorLocation) and the whole debugInfo.
 */
function errorDetails(what: string, code: string | undefined, message: string, debugInfo: unknown): string {
  const location =
    typeof debugInfo === "object" && debugInfo !== null
      ? (debugInfo as { errorLocation?: unknown }).errorLocation
      : undefined;
  return [
    `Tender Budget could not ${what}.`,
    `Code: ${code ?? "none"}`,
    `Message: ${message}`,
    ...(typeof location === "string" && location !== "" ? [`Location: ${location}`] : []),
    ...(debugInfo !== undefined && debugInfo !== null ? [`debugInfo: ${JSON.stringify(debugInfo)}`] : []),
  ].join("\n");
}

/** Our message for an Excel error met while doing `what`, with Excel's code and details kept. */
export function workbookError(what: string, e: unknown): WorkbookError {
  const code = officeCode(e);
  const said = MESSAGES[code ?? ""] ?? "Check the workbook, then try again.";
  const debugInfo =
    typeof e === "object" && e !== null ? (e as { debugInfo?: unknown }).debugInfo : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return {
    path: "workbook",
    message: `Excel could not ${what}: ${said}`,
    ...(code ? { code } : {}),
    details: errorDetails(what, code, message, debugInfo),
  };
}
