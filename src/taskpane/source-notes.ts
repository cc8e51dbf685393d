/**
 * The notes Review shows under "Please confirm" about what was read (a notice's "No buyer found.",
 * "Check the closing date: it was read from …"), each tied to the box it concerns so that it goes
 * once that box is resolved: filled in without a problem for a field that was missing, corrected for
 * one read with doubt.
 */
import type { TenderDraft, TenderField } from "./draft";

/** The words the notes use for a field (the notice reader's and sources.ts's), and the field. */
const FIELDS: Readonly<Record<string, TenderField>> = {
  title: "title",
  buyer: "buyer",
  "stated total": "statedTotal",
  "day rate": "dayRate",
  "closing date": "closingDate",
  "start date": "startDate",
  "end date": "endDate",
  "buyer type": "buyerType",
  "contract type": "contractType",
  procedure: "procedure",
  "published date": "publishedDate",
};

/**
 * The field a note concerns, and whether it says the field was missing (else: read with doubt).
 *
 * @example
 * noteField("No buyer found."); // → { field: "buyer", missing: true }
 */
export function noteField(note: string): { field: TenderField; missing: boolean } | undefined {
  const m = /^(?:No (.+?) found\b|Check the (.+?): it was read from )/.exec(note);
  if (!m) return undefined;
  const field = FIELDS[m[1] ?? m[2]];
  return field === undefined ? undefined : { field, missing: m[1] !== undefined };
}

/**
 * The notes still to show: a missing field's note goes once the box holds a value without a problem
 * (and the user has left it); a doubtful reading's note goes once the user has changed the box
 * (its quote from the notice, `hints`, is dropped then).
 */
export function openNotes(
  notes: readonly string[],
  draft: TenderDraft,
  errors: ReadonlyMap<string, readonly string[]>,
  hints: Readonly<Record<string, string>>,
  typing: string | null,
): string[] {
  return notes.filter((note) => {
    const about = noteField(note);
    if (!about) return true;
    if (!about.missing) return hints[about.field] !== undefined;
    const filled =
      draft[about.field].trim() !== "" ||
      (about.field === "dayRate" && draft.lots.every((lot) => lot.dayRate.trim() !== ""));
    return !filled || errors.has(about.field) || typing === about.field;
  });
}
