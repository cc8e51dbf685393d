/**
 * The messages of the checks, in one place: reading a tender (tender, lots table), the findings
 * of reconciliation and phasing, and the procurement rules; money's own messages are in
 * money-messages.ts (money.ts cannot import this file, which formats amounts). Plain words a
 * procurement officer understands, naming what is wrong and what to do. The readers of files
 * (formats/: OCDS, tender CSV, the file reader; notice/; actuals/) keep their messages beside their
 * code, since each names the fields of its own format.
 */

import { formatLongDate } from "./calendar";
import { formatMoney, formatPrecision, groupThousands, roundHalfAwayFromZero } from "./money";

export { moneyMessages } from "./money-messages";
import { quoted, quotesAsIs } from "./quoted";

export { QUOTED_LENGTH, quoted } from "./quoted";

/** What a value looks like, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return quoted(value);
  if (typeof value === "object") return "an object";
  return String(value);
}

export const tenderMessages = {
  notObject: (value: unknown): string =>
    `The tender must be a JSON object like {"title": …, "lots": [...]}, but it is ${describeValue(value)}`,
  unknownField: (field: string, allowed: readonly string[]): string =>
    `${quoted(field)} is not a tender field; the fields are ${allowed.join(", ")}`,
  notText: (value: unknown): string => `must be text, not ${describeValue(value)}`,
  emptyText: (): string => "must not be empty",
  ceilingType: (value: unknown): string =>
    `must be true (the stated total is a ceiling: a budget, cap or "up to" amount) or false, not ${describeValue(value)}`,
  ceilingWithoutTotal: (): string =>
    `says the stated total is a ceiling, but there is no stated total; give the statedTotal, or leave this out`,
  currency: (value: unknown): string =>
    `${describeValue(value)} is not a supported currency; Tender Budget works in pounds sterling, so write "GBP"`,
  moneyType: (value: unknown): string =>
    `must be an amount in pounds, as a number (107520) or text ("£107,520"), not ${describeValue(value)}`,
  notPositive: (what: string, pence: number): string =>
    `${what} must be more than £0 (it is ${formatMoney(pence, { omitZeroPence: true })})`,
  negativeMoney: (what: string, pence: number): string =>
    `${what} must not be negative (it is ${formatMoney(pence, { omitZeroPence: true })})`,
  dateType: (value: unknown): string =>
    `must be a date written YYYY-MM-DD, such as "2017-07-31", not ${describeValue(value)}`,
  dateFormat: (value: string): string =>
    `${quoted(value)} is not written YYYY-MM-DD; write it like "2017-07-31"`,
  impossibleDate: (value: string, days: number, monthName: string): string =>
    `${quoted(value)} is not a real date: ${monthName} has ${days} days`,
  impossibleMonth: (value: string): string => `${quoted(value)} is not a real date: months run from 01 to 12`,
  dateOutOfRange: (value: string): string =>
    `${quoted(value)} is outside the dates Tender Budget works with: 1 January 1900 to 31 December 2199`,
  choice: (value: unknown, allowed: readonly string[]): string =>
    `${describeValue(value)} is not one of ${allowed.map((a) => quoted(a)).join(", ")}; use one of those`,
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
  tooManyLots: (count: number, max: number): string =>
    `has ${groupThousands(count)} lots; Tender Budget checks up to ${groupThousands(max)} lots in one tender; split it into smaller tenders`,
  lotsEmpty: (): string =>
    "The tender has no lots; add at least one lot with its name and days or stated value",
  lotType: (value: unknown): string =>
    `Each lot must be an object like {"name": "Barnet", …}, not ${describeValue(value)}`,
  lotUnknownField: (field: string, allowed: readonly string[]): string =>
    `${quoted(field)} is not a lot field; the fields are ${allowed.join(", ")}`,
  lotNameMissing: (): string => "Each lot needs a name",
  lotNameInvisible: (): string =>
    "This lot's name holds only characters that show nothing (such as zero-width spaces); give the lot a name",
  duplicateLot: (name: string, firstPath: string): string =>
    `There is already a lot called ${quoted(name)} (${firstPath}); give each lot its own name`,
  lotNothingToValue: (name: string): string =>
    `Lot ${quoted(name)} has neither days nor a stated value; give at least one of them`,
  daysType: (value: unknown): string =>
    `must be a number of days, such as 112 or 2.5, not ${describeValue(value)}`,
  daysNegative: (value: number): string => `${value} days is negative; days of work must be 0 or more`,
  daysTooMany: (value: number, max: number): string =>
    `${value} days is more than ${groupThousands(max)}; check the number of days`,
  daysDecimals: (value: number): string =>
    `${value} days has more than 2 decimal places; give days like 2.5 or 0.25`,
  tooLarge: (what: string): string => `${what} is too large to work out exactly to the penny`,
};

/** Days for people: 112 → "112", 2.5 → "2.5", 50.5416… → "50.54". */
export function formatDays(days: number): string {
  return String(Math.round(days * 100) / 100);
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const money = (p: number): string => formatMoney(p);
const pounds = (p: number): string => formatMoney(p, { omitZeroPence: true });
/** `Lot "Barnet"`: the name quoted (and cut, when long) as `quoted` does. */
const lotName = (name: string): string => `Lot ${quoted(name)}`;
const dayWord = (days: number): string => `${formatDays(days)} ${days === 1 ? "day" : "days"}`;

export const findingMessages = {
  totalMismatch: (
    total: number,
    stated: number,
    precision: number,
    roundedTotal: number,
    percent: number,
  ): string => {
    const diff = total - stated;
    const side = diff > 0 ? "more" : "less";
    const pct = `${diff > 0 ? "+" : "-"}${Math.abs(roundHalfAwayFromZero(percent, 2)).toFixed(2)}%`;
    const rounding =
      precision > 1 && roundedTotal === stated
        ? ` The stated figure is written to the nearest ${formatPrecision(precision)}, which would make it a rounding of ${pounds(total)}, but a figure with one significant digit is too rough to check the lots against; give the stated total more exactly.`
        : precision > 1 && Math.abs(diff) < precision
          ? ` This is not a rounding: to the stated figure's ${formatPrecision(precision)} precision, ${pounds(total)} would be ${pounds(roundedTotal)}.`
          : "";
    return `The lots add up to ${pounds(total)}, ${pounds(Math.abs(diff))} ${side} than the ${pounds(stated)} stated (${pct}).${rounding}`;
  },
  totalWithinTolerance: (total: number, stated: number): string => {
    const diff = total - stated;
    return `The lots add up to ${pounds(total)}, ${pounds(Math.abs(diff))} ${diff > 0 ? "more" : "less"} than the ${pounds(stated)} stated, which is within the tolerance allowed.`;
  },
  totalOverBudget: (total: number, stated: number): string =>
    `The lots add up to ${pounds(total)}, ${pounds(total - stated)} over the budget of ${pounds(stated)}. The stated total is a ceiling (a budget, allocation, cap or "up to" amount), so going over it is an error whatever its rounding; take ${pounds(total - stated)} off the lots (fewer days or a lower day rate), or raise the budget if it allows.`,
  totalRounded: (total: number, stated: number, precision: number): string =>
    `The stated total of ${pounds(stated)} is the lots' total of ${pounds(total)} rounded to the nearest ${formatPrecision(precision)}, the precision it was stated to; the exact total is ${money(total)}.`,
  lotValueMismatch: (
    name: string,
    rate: number,
    rateSource: string,
    days: number,
    value: number,
    stated: number,
  ): string => {
    const diff = value - stated;
    const source =
      rateSource === "inferred"
        ? " (the inferred day rate)"
        : rateSource === "tender"
          ? " (the tender's day rate)"
          : "";
    // Joined, not concatenated: one flat string per message (a tender can have thousands), from
    // pieces that are mostly there already (the name is quoted in place when quoting only adds
    // the quotes).
    const plainName = quotesAsIs(name);
    return [
      plainName ? 'Lot "' : lotName(name),
      plainName ? name : "",
      plainName ? '": ' : ": ",
      money(rate),
      " a day",
      source,
      " × ",
      formatDays(days),
      days === 1 ? " day" : " days",
      " = ",
      money(value),
      ", but its stated value is ",
      money(stated),
      " (",
      money(Math.abs(diff)),
      diff > 0 ? " more" : " less",
      "). Check the day rate, the days or the stated value.",
    ].join("");
  },
  daysNotWhole: (name: string, stated: number, rate: number, days: number): string =>
    `${lotName(name)}: its stated value of ${money(stated)} is ${formatDays(days)} days at ${money(rate)} a day, not a whole number of days.`,
  closingNotBeforeStart: (closing: string, start: string): string =>
    `The closing date (${formatLongDate(closing)}) is not before the start date (${formatLongDate(start)}); bids must close before the work starts.`,
  lotStartsBeforeClosing: (name: string, start: string, closing: string): string =>
    `${lotName(name)} starts on ${formatLongDate(start)}, but bids only close on ${formatLongDate(closing)}; work must start after the closing date.`,
  endBeforeStart: (what: string, end: string, start: string): string =>
    `${what} ends on ${formatLongDate(end)}, before it starts on ${formatLongDate(start)}.`,
  lotStartsBeforeTender: (name: string, start: string, tenderStart: string): string =>
    `${lotName(name)} starts on ${formatLongDate(start)}, before the contract starts on ${formatLongDate(tenderStart)}.`,
  lotEndsAfterTender: (name: string, end: string, tenderEnd: string): string =>
    `${lotName(name)} ends on ${formatLongDate(end)}, after the contract ends on ${formatLongDate(tenderEnd)}.`,
  capacity: (
    name: string,
    days: number,
    available: number,
    start: string,
    end: string,
    region: string,
    daysPerWeek = 5,
    atPace = available,
  ): string =>
    daysPerWeek === 5
      ? `${lotName(name)} has ${dayWord(days)} of work but there are only ${available} working days from ${formatLongDate(start)} to ${formatLongDate(end)} (weekends and ${region} bank holidays excluded).`
      : `${lotName(name)} has ${dayWord(days)} of work but at ${formatDays(daysPerWeek)} days a week there are only ${formatDays(atPace)} days of work in the ${available} working days from ${formatLongDate(start)} to ${formatLongDate(end)} (weekends and ${region} bank holidays excluded).`,
  nonWorkingStart: (what: string, date: string, reason: "weekend" | "bank holiday", region: string): string =>
    `${what}, ${formatLongDate(date)}, is not a working day: it ${reason === "weekend" ? "falls on a weekend" : `is a bank holiday in ${region}`}.`,
  rateImplausible: (what: string, rate: number, min: number, max: number): string =>
    `${what} of ${money(rate)} a day is ${rate < min ? "below" : "above"} the plausible range of ${pounds(min)} to ${pounds(max)} a day; check it is a day rate in pounds.`,
  rateInferred: (
    rate: number,
    count: number,
    min: number,
    max: number,
    days: readonly number[],
    /** The lots whose days were worked out, when not every lot's were. */
    lots?: readonly string[],
  ): string => {
    const daysText =
      days.length === 0
        ? ""
        : days.length > 12
          ? ` Days are worked out from the stated values of ${days.length} lots at that rate.`
          : lots === undefined
            ? ` At that rate the lots' stated values are ${listInWords(days.map(formatDays))} days.`
            : ` At that rate the stated ${days.length === 1 ? "value" : "values"} of ${listInWords(lots)} ${days.length === 1 ? "is" : "are"} ${listInWords(days.map(formatDays))} ${days.length === 1 && days[0] === 1 ? "day" : "days"}.`;
    return `No day rate was given, so it is inferred as ${pounds(rate)} a day: the greatest common divisor of the ${count} stated lot values, which lies in the plausible range of ${pounds(min)} to ${pounds(max)} a day.${daysText}`;
  },
  noPlausibleRate: (
    reason: "too-few-values" | "below-band" | "above-band",
    divisor: number,
    min: number,
    max: number,
  ): string => {
    if (reason === "too-few-values") {
      return "No day rate was given and it cannot be inferred: that needs the stated values of at least two lots. Give the day rate.";
    }
    const where = reason === "below-band" ? "below" : "above";
    return `No day rate was given and none can be inferred: the largest amount all the stated lot values are whole multiples of is ${money(divisor)}, ${where} the plausible range of ${pounds(min)} to ${pounds(max)} a day. Give the day rate.`;
  },
  lotNotValued: (name: string, days: number): string =>
    `${lotName(name)} has ${dayWord(days)} but no day rate and no stated value, so its value cannot be worked out and is left out of the total. Give its day rate or stated value.`,
};

export const phasingMessages = {
  noStart: (name: string): string =>
    `${lotName(name)} has no start date (and the tender none), so its value is not phased. Give a start date.`,
  noDays: (name: string): string =>
    `${lotName(name)} has no days (given or worked out from a day rate), so its value is not phased. Give its days or day rate.`,
  noValue: (name: string): string => `${lotName(name)} has no value, so there is nothing to phase.`,
  tooLong: (name: string, years: number): string =>
    `${lotName(name)} would run for more than ${years} years at this pace, so it is not phased. Check its days.`,
};

const money0 = (p: number): string => formatMoney(p, { omitZeroPence: true });

/** Said at the end of every procurement-rules finding (facts sheet §8). */
export const NOT_LEGAL_ADVICE =
  "Automated check, not legal advice; confirm with your procurement or legal team.";

export const rulesMessages = {
  missingPublished: (): string =>
    "give the date the tender notice was published (publishedDate, --published): it decides the regime and the threshold",
  missingBuyerType: (): string =>
    "give the buyer type (buyerType, --buyer-type: central, sub-central or utility): the threshold depends on it",
  missingContractType: (): string =>
    "give the contract type (contractType, --contract-type: services, supplies, works or light-touch): the threshold depends on it",
  beforeData: (date: string): string =>
    `no thresholds are held for procurements started before 1 January 2016 (this one started ${formatLongDate(date)})`,
  utilityWorks: (): string =>
    "the works threshold for utilities is not in the facts checked, so it is not compared",
  unconfirmed: (what: string, from: string): string =>
    `the ${what} threshold for procurements started from ${formatLongDate(from)} is not confirmed by any source checked, so it is not compared`,
  regime: (regime: string, started: string): string =>
    `Started ${formatLongDate(started)}, so the ${regime} ${regime === "PCR 2015" ? "applies (procurements started before 24 February 2025)" : "applies (procurements started on or after 24 February 2025)"}`,
  estimate: (
    estimate: number,
    basis: string,
    lots: number,
    options: number,
    vatRate: number,
    statedLarger: boolean,
  ): string =>
    `estimated value ${money0(estimate)} (${basis}: ${statedLarger ? "the stated total" : "all lots"} ${money0(lots)}` +
    (options > 0 ? ` plus options and extensions ${money0(options)}` : "") +
    (basis === "inc VAT" ? `, VAT added at ${vatRate}%; change the VAT rate if the contract is exempt` : "") +
    ")",
  aboveThreshold: (
    head: string,
    estimate: string,
    what: string,
    threshold: number,
    period: string,
    duties: string,
    source: string,
  ): string =>
    `${head}. The ${estimate} is at or above the threshold for ${what} (${money0(threshold)}, ${period}). The full regime may apply: ${duties}. Source: ${source}. ${NOT_LEGAL_ADVICE}`,
  nearThreshold: (
    head: string,
    estimate: string,
    what: string,
    threshold: number,
    period: string,
    source: string,
  ): string =>
    `${head}. The ${estimate} is within 10% below the threshold for ${what} (${money0(threshold)}, ${period}). Check the valuation: every lot, option, extension and VAT count, and splitting to stay below is not allowed. Source: ${source}. ${NOT_LEGAL_ADVICE}`,
  tenderingShort: (
    published: string,
    closing: string,
    days: number,
    minimum: number,
    assumption: string,
    source: string,
  ): string =>
    `The tendering period from publication on ${formatLongDate(published)} to closing on ${formatLongDate(closing)} is ${days} ${days === 1 ? "day" : "days"}, under the ${minimum}-day minimum (${assumption}). It may be too short; check the closing date. Source: ${source}. ${NOT_LEGAL_ADVICE}`,
  standstillNotOver: (
    start: string,
    notice: string,
    end: string,
    rule: string,
    latest: string,
    source: string,
  ): string =>
    `The contract starts on ${formatLongDate(start)}, but the standstill from the award notice of ${formatLongDate(notice)} ends on ${formatLongDate(end)} (${rule}). The contract may be entered into only after the standstill ends; for this start the award notice would have to go out by ${formatLongDate(latest)}. Check the dates. Source: ${source}. ${NOT_LEGAL_ADVICE}`,
  publishedAfterClosing: (published: string, closing: string): string =>
    `The tender notice is published on ${formatLongDate(published)}, after the closing date ${formatLongDate(closing)}; check both dates`,
  awardBeforeClosing: (notice: string, closing: string): string =>
    `The award notice is dated ${formatLongDate(notice)}, before the closing date ${formatLongDate(closing)}; check both dates`,
  standstillRule: (regime: string): string =>
    regime === "PCR 2015"
      ? "PCR 2015 reg 87: 10 days after the notice is sent, moved to the next working day"
      : "Procurement Act 2023 s.51: 8 working days beginning with the day the award notice is published, excluding bank holidays in any part of the UK",
};
