/**
 * Open Contracting Data Standard 1.1: a tender as a release package, and a release or release
 * package (ours, or what UK Contracts Finder and Find a Tender publish) back into a tender.
 *
 * Where each part of the tender goes:
 *
 * | tender model | OCDS |
 * |---|---|
 * | title | `tender.title` |
 * | buyer | `parties[]` (roles `["buyer"]`) and `buyer` {id, name} |
 * | statedTotal (else the computed total) | `tender.value`, `planning.budget.amount` |
 * | closingDate | `tender.tenderPeriod.endDate` |
 * | startDate, endDate | `tender.contractPeriod` |
 * | lots[i].name, statedValue (else computed), startDate, endDate | `tender.lots[i]` (lots extension): `title`, `value`, `contractPeriod` |
 * | a lot's day rate × days | `tender.items[]`: `unit` {scheme "UNCEFACT", id "DAY", value = day rate}, `quantity` = days, `relatedLot` |
 * | region, vatRate, the tender's default day rate, the stated total's precision | `tender.tenderBudget` (see `TenderBudgetFields`) |
 * | whether a lot's value, day rate and days were stated or worked out | `tender.lots[i].tenderBudget` |
 *
 * OCDS allows extra fields on every object; the `tenderBudget` fields are ours and ignored by
 * other readers. Dates are written in UK time with their offset: a start as the first second of
 * its day ("2017-08-31T00:00:00+01:00"), an end or the closing date as the last
 * ("2017-07-31T23:59:59+01:00"); amounts as JSON numbers in pounds, currency "GBP".
 *
 * Reading a date-time back, the calendar date is the one in UK time (Europe/London) at that
 * instant, so "2017-07-30T23:00:00Z" (midnight BST) is 31 July 2017, as a UK publisher meant it.
 */

export * from "./types";
export { parseOcid, defaultOcid } from "./ids";
export { isoToOcdsDateTime, ocdsInstant, ocdsDateTimeToIso, utcDateTime } from "./date-times";
export { tenderToOcds } from "./export";
export { looksLikeOcds } from "./detect";
export { ocdsToTender, type OcdsImportOptions } from "./import";
