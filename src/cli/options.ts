/**
 * The check command's options as values: money in pence, ISO dates, a region, percentages.
 * Pure: each problem is an InputError whose path is the option (`--stated-total`).
 */

import { readTableDate } from "../domain/tables/lots-table";
import { parseMoney } from "../domain/core/money";
import { parseOcid } from "../domain/formats/ocds";
import {
  parseBuyerType,
  parseContractType,
  parseProcedure,
  parseRegion,
  parseVatRate,
} from "../domain/check/tender";
import { parseToleranceAmount, parseTolerancePercent } from "../domain/check/tolerance";
import type {
  InputError,
  IsoDate,
  Parsed,
  Pence,
  Result,
  StatedAmount,
  Tender,
  Tolerance,
} from "../domain/core/types";
import type { TenderDetailField } from "../domain/core/fields";
import type { CheckFlags } from "./args";

/**
 * Tender-level values given as options; each replaces the file's own value. Every field of the
 * tender's details and rules but the currency and whether the stated total is a ceiling.
 */
export type TenderOverrides = Partial<
  Pick<Tender, Exclude<TenderDetailField, "currency" | "statedTotalIsCeiling">>
>;

export interface CheckOptions {
  overrides: TenderOverrides;
  /** Present when `--tolerance` or `--tolerance-percent` was given. */
  tolerance?: Tolerance;
  daysPerWeek?: number;
  /** `--as-of`: the date the contract position is taken at. */
  asOf?: IsoDate;
  /** `--ocid`: the contracting process's OCDS id, under the publisher's registered prefix. */
  ocid?: string;
}

/** A plain number, optionally followed by %: "20", "17.5%", "0.5". */
function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return undefined;
  return Number(t);
}

/** Turn the flags into values, collecting a problem for each bad one. */
export function readCheckOptions(flags: CheckFlags): Result<CheckOptions> {
  const errors: InputError[] = [];
  const overrides: TenderOverrides = {};
  const options: CheckOptions = { overrides };
  const bad = (flag: string, message: string): void => {
    errors.push({ path: `--${flag}`, message });
  };

  if (flags.title !== undefined) overrides.title = flags.title.trim();
  if (flags.buyer !== undefined) overrides.buyer = flags.buyer.trim();

  const money = (flag: string, text: string | undefined, allowZero: boolean): StatedAmount | undefined => {
    if (text === undefined) return undefined;
    const parsed = parseMoney(text);
    if (!parsed.ok) {
      bad(flag, parsed.error);
      return undefined;
    }
    if (parsed.value.pence < 0 || (!allowZero && parsed.value.pence === 0)) {
      bad(flag, `must be ${allowZero ? "£0 or more" : "more than £0"} (got "${text}")`);
      return undefined;
    }
    return parsed.value;
  };
  overrides.statedTotal = money("stated-total", flags.statedTotal, false);
  overrides.dayRate = money("day-rate", flags.dayRate, false)?.pence;

  const date = (flag: string, text: string | undefined): IsoDate | undefined => {
    if (text === undefined) return undefined;
    const got = readTableDate(text);
    if (!got.ok) {
      bad(flag, got.message);
      return undefined;
    }
    return got.value;
  };
  overrides.closingDate = date("closing", flags.closing);
  overrides.startDate = date("start", flags.start);
  overrides.endDate = date("end", flags.end);
  overrides.publishedDate = date("published", flags.published);
  overrides.awardNoticeDate = date("award-notice", flags.awardNotice);
  overrides.optionsValue = money("options-value", flags.optionsValue, true)?.pence;
  const choice = <T>(
    flag: string,
    text: string | undefined,
    parse: (v: unknown) => Parsed<T>,
  ): T | undefined => {
    if (text === undefined) return undefined;
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    bad(flag, parsed.error);
    return undefined;
  };
  overrides.buyerType = choice("buyer-type", flags.buyerType, parseBuyerType);
  overrides.contractType = choice("contract-type", flags.contractType, parseContractType);
  overrides.procedure = choice("procedure", flags.procedure, parseProcedure);
  const asOf = date("as-of", flags.asOf);
  if (asOf !== undefined) options.asOf = asOf;
  if (flags.asOf !== undefined && flags.actuals === undefined) {
    bad("as-of", "is the date of the contract position; use it with --actuals invoices.csv");
  }

  for (const [flag, given] of [
    ["from", flags.from],
    ["to", flags.to],
  ] as const) {
    if (given !== undefined) {
      bad(
        flag,
        "chooses the notices an audit reads by their date; use it with `tender-budget audit FILE...`",
      );
    }
  }

  if (flags.ocid !== undefined) {
    const ocid = parseOcid(flags.ocid);
    if (ocid.ok) options.ocid = ocid.value;
    else bad("ocid", ocid.error);
  }

  if (flags.region !== undefined) {
    const region = parseRegion(flags.region);
    if (region.ok) overrides.region = region.value;
    else bad("region", region.error);
  }
  if (flags.vat !== undefined) {
    const vat = parseVatRate(flags.vat);
    if (vat.ok) overrides.vatRate = vat.value;
    else bad("vat", vat.error);
  }

  // The tolerance, read as the pane and TENDER.RECONCILE read it.
  let absolute: Pence | undefined;
  let relative: number | undefined;
  if (flags.tolerance !== undefined) {
    const parsed = parseToleranceAmount(flags.tolerance);
    if (parsed.ok) absolute = parsed.value;
    else bad("tolerance", parsed.error);
  }
  if (flags.tolerancePercent !== undefined) {
    const parsed = parseTolerancePercent(flags.tolerancePercent);
    if (parsed.ok) relative = parsed.value;
    else bad("tolerance-percent", parsed.error);
  }
  if (absolute !== undefined || relative !== undefined) {
    options.tolerance = { absolute: absolute ?? 0, percent: relative ?? 0 };
  }

  if (flags.daysPerWeek !== undefined) {
    const n = readNumber(flags.daysPerWeek);
    if (n === undefined || n <= 0 || n > 5) {
      bad(
        "days-per-week",
        `"${flags.daysPerWeek}" is not a number of days a week from more than 0 up to 5 (the working days of a week); write it like 5 or 2.5`,
      );
    } else {
      options.daysPerWeek = n;
    }
  }

  for (const key of Object.keys(overrides) as (keyof TenderOverrides)[]) {
    if (overrides[key] === undefined) delete overrides[key];
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: options };
}

/** The tender with the options' values in place of its own. */
export function applyOverrides(tender: Tender, overrides: TenderOverrides): Tender {
  return { ...tender, ...overrides };
}
