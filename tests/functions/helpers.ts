/** Shared checks for the TENDER.* function tests. */

/** What CustomFunctions.Error carries (stubbed in tests/support/setup-globals.js). */
export interface ExcelError {
  code: string;
  message: string;
}

/** Calls `call`, expects it to throw a CustomFunctions.Error, and returns that error. */
export function excelError(call: () => unknown): ExcelError {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error("expected an Excel error, but the function returned a value");
  if (!(thrown instanceof CustomFunctions.Error)) {
    throw new Error(`expected a CustomFunctions.Error, got ${String(thrown)}`);
  }
  const e = thrown as unknown as ExcelError;
  return { code: e.code, message: e.message };
}

/** The nine TENDER functions, in the order the code, functions.json and the docs give them. */
export const FUNCTION_IDS = [
  "VALUE",
  "WORKDAYS",
  "ENDDATE",
  "DAYRATE",
  "ALLOCATE",
  "RECONCILE",
  "FINYEAR",
  "THRESHOLD",
  "STANDSTILLEND",
];
