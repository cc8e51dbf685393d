/**
 * Contract tracking: the invoices (or timesheet lines) a commissioner sends once the contract has
 * started, each claiming days worked on a lot at the contracted day rate.
 *
 * An actual line is one invoice for one lot. Money is integer pence, ex VAT; dates are ISO
 * calendar dates. Days may be fractional (half or quarter days), to at most two decimal places.
 */
import { nameKey } from "../core/names";
import type { IsoDate, Pence } from "../core/types";

/** One invoice or timesheet line against a lot. */
export interface ActualLine {
  /** The lot invoiced, as written; matched to the tender's lots ignoring case and spacing. */
  lot: string;
  invoiceNumber: string;
  invoiceDate?: IsoDate;
  /** First day of the work invoiced. Given together with `periodEnd`. */
  periodStart?: IsoDate;
  /** Last day of the work invoiced. */
  periodEnd?: IsoDate;
  /** Days worked, more than 0, at most two decimal places. */
  days: number;
  /** Amount invoiced, ex VAT. */
  amount: Pence;
  /** VAT invoiced, when given. */
  vat?: Pence;
}

/** The fields an actuals table can hold, one column each. */
export type ActualsColumn =
  "lot" | "invoiceNumber" | "invoiceDate" | "periodStart" | "periodEnd" | "days" | "amount" | "vat";

/** The column names used in messages and in the Actuals table the add-in creates, in order. */
export const ACTUALS_COLUMN_LABELS: Record<ActualsColumn, string> = {
  lot: "Lot",
  invoiceNumber: "Invoice number",
  invoiceDate: "Invoice date",
  periodStart: "Period start",
  periodEnd: "Period end",
  days: "Days",
  amount: "Amount",
  vat: "VAT",
};

/** The order of the columns in the Actuals table the add-in creates. */
export const ACTUALS_COLUMNS: readonly ActualsColumn[] = [
  "lot",
  "invoiceNumber",
  "invoiceDate",
  "periodStart",
  "periodEnd",
  "days",
  "amount",
  "vat",
];

/**
 * The date the work of a line is placed at: the end of its period, else its invoice date.
 * Undefined for a line with neither (only possible for lines built in code).
 */
export function workDate(line: ActualLine): IsoDate | undefined {
  return line.periodEnd ?? line.invoiceDate;
}

/** A lot name or invoice number compared the way people mean it (core/names: case, spacing and invisible characters ignored). */
export const matchKey = nameKey;

/** Days in hundredths of a day, as a whole number, so sums of days are exact. */
export function hundredths(days: number): number {
  const h = Math.round(days * 100);
  if (Math.abs(h - days * 100) > 1e-6 * Math.max(1, Math.abs(h))) {
    throw new RangeError(`days must have at most two decimal places, got ${days}`);
  }
  return h;
}

/** True when `days` is more than 0 with at most two decimal places. */
export function isValidDays(days: number): boolean {
  if (!Number.isFinite(days) || days <= 0) return false;
  const h = Math.round(days * 100);
  return Math.abs(h - days * 100) <= 1e-6 * Math.max(1, h);
}

/** Whole hundredths back to days (11250 → 112.5). */
export function fromHundredths(h: number): number {
  return h / 100;
}
