/**
 * The part of Excel's custom functions runtime that TENDER.* uses. Excel provides `CustomFunctions`
 * as a global in the shared runtime; these declarations describe it for the type checker (the
 * installed @types/office-js does not cover the custom functions runtime).
 */
declare namespace CustomFunctions {
  /** The Excel error a custom function can return. */
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  /** Thrown by a custom function to show an Excel error with a message in the cell's tooltip. */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  /** Registers a function under the id given in the metadata (added by the build, not by hand). */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
