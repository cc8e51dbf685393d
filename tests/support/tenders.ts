/**
 * Tenders the tests share: the DfE 2017 example (with and without #17's rule fields), a bare tender,
 * and a tender read from a tender file's fields.
 */
import { parseTender } from "../../src/domain/check/tender";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import type { Lot, Tender } from "../../src/domain/core/types";
import type { Headline } from "../../src/domain/formats/report-view";

/** The DfE 2017 tender (the engine's example): a fresh copy each time, for a test to change. */
export function dfeTender(): Tender {
  return structuredClone(DFE_2017_TENDER);
}

/** #17's rule fields for the DfE 2017 case: published 26 July 2017, an open procedure for central
 * government services, award notice 14 August, £20,000 of options. */
export const DFE_RULE_FIELDS = {
  buyerType: "central",
  contractType: "services",
  procedure: "open",
  publishedDate: "2017-07-26",
  awardNoticeDate: "2017-08-14",
  optionsValue: 2_000_000,
} as const satisfies Partial<Tender>;

/**
 * The DfE 2017 report's totals in pounds, as the report JSON (and `check --json`) gives them: the
 * lots add to £346,560 against £346,000 stated, £560 (0.16%) over, £415,872 with VAT at 20%.
 */
export const DFE_JSON_TOTALS = {
  value: 346560,
  statedTotal: 346000,
  variance: 560,
  variancePercent: 0.16,
  vatRate: 20,
  vat: 69312,
  valueIncVat: 415872,
};

/** The DfE 2017 tender with the rule fields. */
export function dfeWithRules(): Tender {
  return { ...dfeTender(), ...DFE_RULE_FIELDS };
}

/** A tender of just these lots: no title or buyer yet, England and Wales, VAT at 20%. */
export function tenderOf(lots: Lot[], extra: Partial<Tender> = {}): Tender {
  return { title: "", buyer: "", currency: "GBP", region: "GB-ENG", vatRate: 20, lots, ...extra };
}

/** The tender `parseTender` reads from a tender file's fields; throws with its errors when it cannot. */
export function parsedTender(input: unknown): Tender {
  const r = parseTender(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** A lot name Excel would run as a formula (a link) if a CSV field began with it unguarded. */
export const HYPERLINK = '=HYPERLINK("http://x","click")';

/**
 * The DfE tender at £960 a day with Barnet stated £560 over its 112 days (£108,080) and the total
 * stated as £347,120 to the £10, the four lots named as given: for exports of awkward lot names.
 */
export function dfeNamed(names: readonly [string, string, string, string]): Tender {
  return {
    ...dfeTender(),
    statedTotal: { pence: 347_120_00, precision: 10_00 },
    dayRate: 960_00,
    lots: [
      { name: names[0], days: 112, statedValue: 108_080_00 },
      { name: names[1], days: 51 },
      { name: names[2], days: 99 },
      { name: names[3], days: 99 },
    ],
  };
}

/**
 * The DfE 2017 report's headline figures: £346,560 of lots against £346,000 stated (£1,000
 * precision), £560 (0.16%) over, £960 a day inferred (the report view also gives the inferred rate
 * itself as `inferredDayRate`).
 */
export const DFE_HEADLINE: Headline = {
  total: 346_560_00,
  vat: 69_312_00,
  totalIncVat: 415_872_00,
  vatRate: 20,
  stated: { pence: 346_000_00, precision: 1_000_00 },
  variance: 560_00,
  variancePercent: (560_00 / 346_000_00) * 100,
  dayRate: 960_00,
  dayRateInferred: true,
  dayRates: [],
  status: "mismatch",
};
