/**
 * A yes-or-no answer as people write it in a cell or a file: "Yes", "y", "true", "No", "n", "false",
 * Excel's TRUE and FALSE, or nothing. `undefined` is a blank; `null` is an answer that is neither.
 */
export function parseYesNo(value: unknown): boolean | undefined | null {
  if (typeof value === "boolean") return value;
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "string") return null;
  const answer = value.trim().toLowerCase();
  if (answer === "") return undefined;
  if (answer === "yes" || answer === "y" || answer === "true") return true;
  if (answer === "no" || answer === "n" || answer === "false") return false;
  return null;
}
