/** Reading parsed JSON field by field, each problem kept with the OCDS path it is at. */

import { parseMoney } from "../../core/money";
import type { InputError, IsoDate, Pence } from "../../core/types";
import { ocdsDateTimeToIso } from "./date-times";
import { describeValue } from "../../core/messages";

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function nonEmptyText(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

export class Reader {
  readonly errors: InputError[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  /** An amount in pounds as whole pence; `positive` rejects zero too. */
  pounds(v: unknown, path: string, what: string, positive: boolean): Pence | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      return this.fail(
        path,
        `the ${what} must be a number of pounds such as 107520, not ${describeValue(v)}`,
      );
    }
    const parsed = parseMoney(v);
    if (!parsed.ok) return this.fail(path, `the ${what} ${v} cannot be used: ${parsed.error}`);
    const p = parsed.value.pence;
    if (positive ? p <= 0 : p < 0) {
      return this.fail(path, `the ${what} must be more than £0${positive ? "" : " or £0"} (it is ${v})`);
    }
    return p;
  }

  /** A Value object {amount, currency} in pounds sterling. */
  value(v: unknown, path: string, what: string, positive: boolean): Pence | undefined {
    if (v === undefined || v === null) return undefined;
    if (!isObject(v)) return this.fail(path, `the ${what} must be an object {amount, currency}`);
    const currency = v.currency;
    if (currency !== undefined && currency !== null && currency !== "GBP") {
      return this.fail(
        `${path}.currency`,
        `the ${what} is in ${describeValue(currency)}; Tender Budget works in pounds sterling (GBP) — convert the figures first`,
      );
    }
    return this.pounds(v.amount, `${path}.amount`, what, positive);
  }

  date(v: unknown, path: string, what: string): IsoDate | undefined {
    if (v === undefined || v === null) return undefined;
    const iso = typeof v === "string" ? ocdsDateTimeToIso(v) : undefined;
    if (iso === undefined) {
      return this.fail(
        path,
        `the ${what} ${describeValue(v)} is not a date; write a date-time such as "2017-07-31T00:00:00Z"`,
      );
    }
    return iso;
  }

  period(v: unknown, path: string, what: string): { start?: IsoDate; end?: IsoDate } {
    if (v === undefined || v === null) return {};
    if (!isObject(v)) {
      this.fail(path, `the ${what} must be an object {startDate, endDate}`);
      return {};
    }
    return {
      start: this.date(v.startDate, `${path}.startDate`, `${what} start date`),
      end: this.date(v.endDate, `${path}.endDate`, `${what} end date`),
    };
  }
}
