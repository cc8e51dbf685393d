/** Results the tests expect to be refused: their errors, or a failed test naming what was given instead. */
import type { InputError, Result } from "../../src/domain/core/types";

/** The errors of a result that must be refused; throws with the value when it was accepted. */
export function errorsOf<T, E>(result: Result<T, E>): E {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** Where each error of a result that must be refused is: the field, option, row or cell it names. */
export function errorPaths<T>(result: Result<T, InputError[]>): string[] {
  return errorsOf(result).map((e) => e.path);
}
