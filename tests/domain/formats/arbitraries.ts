/** fast-check generators of tenders for the export round trips. */
import fc from "fast-check";
import { fromDayNumber, toDayNumber } from "../../../src/domain/core/calendar";
import {
  BUYER_TYPES,
  CONTRACT_TYPES,
  PROCEDURES,
  type Lot,
  type Region,
  type Tender,
} from "../../../src/domain/core/types";

/** Characters that break naive CSV and spreadsheets: quotes, separators, line breaks, formula starts. */
const TRICKY_CHARS = [
  '"',
  "'",
  ",",
  ";",
  "\n",
  "\r\n",
  "\r",
  "\t",
  " ",
  "=",
  "+",
  "-",
  "@",
  "£",
  "é",
  "(",
  ")",
  "|",
  "!",
];

const textUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_CHARS) },
  { weight: 5, arbitrary: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCXYZ0123456789") },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
);

/** How a lot name may start: like a formula, a quote before one, or plainly. */
const NAME_STARTS = [
  "",
  "",
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "'",
  "'=",
  "''",
  '=HYPERLINK("http://x","click")',
];

const NOT_LOT_NAMES = new Set(["total", "totals", "grandtotal", "sum", "subtotal"]);

/** The key a lots table uses to spot duplicate names. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Text with something besides spaces in it; may start with `=`, `+`, `-`, `@`, tab or a quote. */
export const trickyText = fc
  .tuple(fc.constantFrom(...NAME_STARTS), fc.string({ unit: textUnit, minLength: 1, maxLength: 20 }))
  .map(([start, body]) => start + body)
  .filter((s) => s.trim() !== "");

const lotName = trickyText.filter((s) => !NOT_LOT_NAMES.has(nameKey(s).replace(/[^a-z]/g, "")));

const pence = fc.integer({ min: 1, max: 100_000_000_00 });
const dayRate = fc.integer({ min: 100_00, max: 5_000_00 });
/** Whole days, half days and quarter days (the model holds days to two decimals). */
const days = fc.oneof(
  fc.integer({ min: 1, max: 500 }),
  fc.integer({ min: 0, max: 500 }).map((n) => n + 0.5),
  fc.integer({ min: 1, max: 2000 }).map((n) => n / 4),
);
const isoDate = fc
  .integer({ min: toDayNumber("2015-01-01"), max: toDayNumber("2035-12-31") })
  .map(fromDayNumber);

const lot: fc.Arbitrary<Lot> = fc
  .record(
    {
      name: lotName,
      dayRate,
      days,
      statedValue: pence,
      startDate: isoDate,
      endDate: isoDate,
    },
    { requiredKeys: ["name"] },
  )
  .filter((l) => l.days !== undefined || l.statedValue !== undefined)
  .map((l) => l as Lot);

const statedTotal = fc
  .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 1_000_000 }))
  .map(([exp, k]) => ({ precision: 10 ** exp, pence: k * 10 ** exp }))
  .filter((s) => Number.isSafeInteger(s.pence));

/** Any tender the model can hold: one to eight lots with distinct names, every field optional or tricky. */
export const tenderArb: fc.Arbitrary<Tender> = fc
  .record(
    {
      title: fc.oneof({ weight: 5, arbitrary: trickyText }, { weight: 1, arbitrary: fc.constant("") }),
      buyer: fc.oneof({ weight: 5, arbitrary: trickyText }, { weight: 1, arbitrary: fc.constant("") }),
      statedTotal,
      dayRate,
      closingDate: isoDate,
      startDate: isoDate,
      endDate: isoDate,
      region: fc.constantFrom<Region>("GB-ENG", "GB-SCT", "GB-NIR"),
      vatRate: fc.constantFrom(0, 5, 17.5, 20),
      lots: fc.uniqueArray(lot, { minLength: 1, maxLength: 8, selector: (l) => nameKey(l.name) }),
      statedTotalIsCeiling: fc.constant(true),
      buyerType: fc.constantFrom(...BUYER_TYPES),
      contractType: fc.constantFrom(...CONTRACT_TYPES),
      procedure: fc.constantFrom(...PROCEDURES),
      publishedDate: isoDate,
      awardNoticeDate: isoDate,
      optionsValue: fc.integer({ min: 0, max: 100_000_000_00 }),
    },
    { requiredKeys: ["title", "buyer", "region", "vatRate", "lots"] },
  )
  // A ceiling is a ceiling on a stated total.
  .map((t) => (t.statedTotal === undefined ? { ...t, statedTotalIsCeiling: undefined } : t))
  .map((t) => {
    const tender = { ...t, currency: "GBP" } as Tender;
    if (tender.statedTotalIsCeiling === undefined) delete tender.statedTotalIsCeiling;
    return tender;
  });

export { dfeTender, dfeWithRules } from "../../support/tenders";
