/**
 * Every message the engine shows people, in one place: plain words a procurement officer
 * understands, naming what is wrong and what to do.
 */

const q = (s: string): string => JSON.stringify(s);

export const moneyMessages = {
  empty: (): string => "is empty; enter an amount such as £107,520",
  notAmount: (raw: string): string =>
    `${q(raw)} is not an amount of money; write it like 107520, £107,520, £107,520.00, £1.2m or £346k`,
  manyPoints: (raw: string): string =>
    `${q(raw)} has more than one decimal point; write it like £107,520.00 (commas between thousands)`,
  noDigits: (raw: string): string => `${q(raw)} has no amount after the £ sign`,
  badGrouping: (raw: string): string =>
    `${q(raw)} has commas in the wrong places; commas go between groups of three digits, like 1,000,000`,
  badSuffix: (raw: string, suffix: string): string =>
    `${q(raw)} ends in ${q(suffix)}, which is not an amount; use k, m (or million) or bn`,
  tooManyDecimals: (raw: string): string =>
    `${q(raw)} has more than 2 decimal places; amounts are in pounds and pence, like 1,000.10`,
  fractionOfPenny: (raw: string): string =>
    `${q(raw)} is a fraction of a penny; give it to the nearest penny`,
  tooLarge: (raw: string): string => `${q(raw)} is too large to hold exactly to the penny`,
};

/** What a value looks like, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return String(value);
}

export const tenderMessages = {
  notObject: (value: unknown): string =>
    `The tender must be a JSON object like {"title": …, "lots": [...]}, but it is ${describeValue(value)}`,
  unknownField: (field: string, allowed: readonly string[]): string =>
    `${JSON.stringify(field)} is not a tender field; the fields are ${allowed.join(", ")}`,
  notText: (value: unknown): string => `must be text, not ${describeValue(value)}`,
  emptyText: (): string => "must not be empty",
  currency: (value: unknown): string =>
    `${describeValue(value)} is not a supported currency; Tender Budget works in pounds sterling, so write "GBP"`,
  moneyType: (value: unknown): string =>
    `must be an amount in pounds, as a number (107520) or text ("£107,520"), not ${describeValue(value)}`,
  notPositive: (what: string): string => `${what} must be more than £0`,
  negativeMoney: (what: string): string => `${what} must not be negative`,
  dateType: (value: unknown): string =>
    `must be a date written YYYY-MM-DD, such as "2017-07-31", not ${describeValue(value)}`,
  dateFormat: (value: string): string =>
    `${JSON.stringify(value)} is not written YYYY-MM-DD; write it like "2017-07-31"`,
  impossibleDate: (value: string, days: number, monthName: string): string =>
    `${JSON.stringify(value)} is not a real date: ${monthName} has ${days} days`,
  impossibleMonth: (value: string): string =>
    `${JSON.stringify(value)} is not a real date: months run from 01 to 12`,
  region: (value: unknown): string =>
    `${describeValue(value)} is not a bank-holiday region; use "GB-ENG" (England & Wales), "GB-SCT" (Scotland) or "GB-NIR" (Northern Ireland)`,
  vatType: (value: unknown): string =>
    `must be the VAT rate in percent, such as 20, not ${describeValue(value)}`,
  vatRange: (value: number): string =>
    `${value}% is not a VAT rate; give a percentage from 0 to 100, such as 20`,
  vatFraction: (value: number): string =>
    `${value} looks like a fraction; give the VAT rate in percent, such as 20 for 20%`,
  lotsMissing: (): string => "The tender needs a list of lots, each with a name and its days or stated value",
  lotsType: (value: unknown): string => `must be a list of lots, not ${describeValue(value)}`,
  lotsEmpty: (): string =>
    "The tender has no lots; add at least one lot with its name and days or stated value",
  lotType: (value: unknown): string =>
    `Each lot must be an object like {"name": "Barnet", …}, not ${describeValue(value)}`,
  lotUnknownField: (field: string, allowed: readonly string[]): string =>
    `${JSON.stringify(field)} is not a lot field; the fields are ${allowed.join(", ")}`,
  lotNameMissing: (): string => "Each lot needs a name",
  duplicateLot: (name: string, firstPath: string): string =>
    `There is already a lot called ${JSON.stringify(name)} (${firstPath}); give each lot its own name`,
  lotNothingToValue: (name: string): string =>
    `Lot ${JSON.stringify(name)} has neither days nor a stated value; give at least one of them`,
  daysType: (value: unknown): string =>
    `must be a number of days, such as 112 or 2.5, not ${describeValue(value)}`,
  daysNegative: (value: number): string => `${value} days is negative; days of work must be 0 or more`,
  daysTooMany: (value: number, max: number): string =>
    `${value} days is more than ${String(max).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}; check the number of days`,
  daysDecimals: (value: number): string =>
    `${value} days has more than 2 decimal places; give days like 2.5 or 0.25`,
  tooLarge: (what: string): string => `${what} is too large to work out exactly to the penny`,
};
