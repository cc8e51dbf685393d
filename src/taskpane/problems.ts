/**
 * Problems in the user's words: a field path as Review heads its box ("Kirklees (lot 2) days") and a
 * list of input problems as one readable paragraph. Part of the first load (the workbook's errors
 * use it); the file readers that also use it load later.
 */
import type { InputError } from "../domain/core/types";

const MAX_LISTED = 5;

/** Each field of a tender or a lot in the user's words, as a problem or a note names it. */
const FIELD_WORDS: Record<string, string> = {
  title: "title",
  buyer: "buyer",
  currency: "currency",
  statedTotal: "stated total",
  dayRate: "day rate",
  closingDate: "closing date",
  startDate: "start date",
  endDate: "end date",
  region: "bank-holiday region",
  vatRate: "VAT rate",
  days: "days",
  statedValue: "stated value",
  name: "name",
  toleranceAmount: "tolerance (£)",
  tolerancePercent: "tolerance (%)",
  buyerType: "buyer type",
  contractType: "contract type",
  procedure: "procedure",
  publishedDate: "published date",
  awardNoticeDate: "award notice date",
  optionsValue: "options value",
};

/** A field in the user's words, lower case: `statedTotal` → "stated total"; an unknown one as it is. */
export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

/**
 * A field path in the user's words: `lots[2].dayRate` → "Lot 3 day rate", `statedTotal` → "Stated
 * total". Cell addresses and table references are left as they are.
 *
 * @example
 * describePath("lots[0].days"); // → "Lot 1 days"
 */
export function describePath(path: string, lotNames: readonly string[] = []): string {
  const lot = /^lots\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (lot) {
    const n = Number(lot[1]);
    const name = lotNames[n]?.trim();
    // The lot's name where it has one, as its box in Review is headed: "Kirklees (lot 2) days".
    const which = name ? `${name} (lot ${n + 1})` : `Lot ${n + 1}`;
    return `${which}${lot[2] ? ` ${fieldWords(lot[2])}` : ""}`;
  }
  const word = FIELD_WORDS[path];
  return word ? word.charAt(0).toUpperCase() + word.slice(1) : path;
}

/** A problem with a whole lot whose message already names it (`Lot "Barnet" has neither days…`). */
function namesItsLot(error: InputError, lotNames: readonly string[]): boolean {
  const lot = /^lots\[(\d+)\]$/.exec(error.path);
  const name = lot ? lotNames[Number(lot[1])]?.trim() : undefined;
  return name !== undefined && name !== "" && error.message.includes(`"${name}"`);
}

/** Problems as one readable paragraph: the first few, then how many more; lots named when known. */
export function listProblems(errors: readonly InputError[], lotNames: readonly string[] = []): string {
  const shown = errors
    .slice(0, MAX_LISTED)
    .map((e) =>
      e.path && !namesItsLot(e, lotNames) ? `${describePath(e.path, lotNames)}: ${e.message}` : e.message,
    );
  const more = errors.length - shown.length;
  return shown.join(" ") + (more > 0 ? ` …and ${more} more.` : "");
}
