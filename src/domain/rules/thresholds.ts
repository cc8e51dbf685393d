/**
 * Procurement thresholds as data: one row per period, in force from its `from` date (the date the
 * procurement started) until the next row's. A new threshold period is one new row.
 *
 * Figures are whole pounds as published, held in pence. `null` marks a figure the facts sheet
 * could not confirm ([U]): no check is made against it. Sources: see `sources.ts`.
 */
import { addDays, compareIso } from "../core/calendar";
import type { BuyerType, ContractType, IsoDate, Pence, Regime } from "../core/types";
import type { SourceKey } from "./sources";

/** Which figure of a period applies. */
export type ThresholdCategory =
  | "central-supplies-services"
  | "sub-central-supplies-services"
  | "works"
  | "light-touch"
  | "utility-supplies-services"
  | "utility-light-touch";

/** Whether a period's figures are compared with the estimate without or with VAT. */
export type VatBasis = "ex VAT" | "inc VAT";

export interface ThresholdPeriod {
  /** First day of the period (procurement start date). */
  from: IsoDate;
  regime: Regime;
  comparedWith: VatBasis;
  values: Record<ThresholdCategory, Pence | null>;
  sources: readonly SourceKey[];
}

const pounds = (n: number): Pence => n * 100;

/** The thresholds from 1 January 2024, inc VAT: kept by the Procurement Act 2023 when it began. */
const FROM_2024: Record<ThresholdCategory, Pence> = {
  "central-supplies-services": pounds(139_688),
  "sub-central-supplies-services": pounds(214_904),
  works: pounds(5_372_609),
  "light-touch": pounds(663_540),
  "utility-supplies-services": pounds(429_809),
  "utility-light-touch": pounds(884_720),
};

/** Facts sheet §2. The first period starts on 1 January 2016: nothing earlier is held. */
export const THRESHOLD_PERIODS: readonly ThresholdPeriod[] = [
  {
    from: "2016-01-01",
    regime: "PCR 2015",
    comparedWith: "ex VAT",
    values: {
      "central-supplies-services": pounds(106_047),
      "sub-central-supplies-services": pounds(164_176),
      works: pounds(4_104_394),
      "light-touch": pounds(589_148),
      "utility-supplies-services": pounds(328_352),
      "utility-light-touch": null,
    },
    sources: ["F1"],
  },
  {
    from: "2018-01-01",
    regime: "PCR 2015",
    comparedWith: "ex VAT",
    values: {
      "central-supplies-services": pounds(118_133),
      "sub-central-supplies-services": pounds(181_302),
      works: pounds(4_551_413),
      "light-touch": pounds(615_278),
      // Not found in any source: unverified.
      "utility-supplies-services": null,
      "utility-light-touch": null,
    },
    sources: ["F2"],
  },
  {
    from: "2020-01-01",
    regime: "PCR 2015",
    comparedWith: "ex VAT",
    values: {
      "central-supplies-services": pounds(122_976),
      "sub-central-supplies-services": pounds(189_330),
      works: pounds(4_733_252),
      "light-touch": pounds(663_540),
      "utility-supplies-services": pounds(378_660),
      "utility-light-touch": pounds(884_720),
    },
    sources: ["L1", "L2", "L4", "F3"],
  },
  {
    from: "2022-01-01",
    regime: "PCR 2015",
    comparedWith: "inc VAT",
    values: {
      "central-supplies-services": pounds(138_760),
      "sub-central-supplies-services": pounds(213_477),
      works: pounds(5_336_937),
      "light-touch": pounds(663_540),
      "utility-supplies-services": pounds(426_955),
      "utility-light-touch": pounds(884_720),
    },
    sources: ["L1", "L2", "L4", "G22", "F4"],
  },
  {
    from: "2024-01-01",
    regime: "PCR 2015",
    comparedWith: "inc VAT",
    values: FROM_2024,
    sources: ["L3", "L4", "F5"],
  },
  {
    from: "2025-02-24",
    regime: "Procurement Act 2023",
    comparedWith: "inc VAT",
    values: FROM_2024,
    sources: ["G20", "P1", "L4", "F6", "F7"],
  },
  {
    from: "2026-01-01",
    regime: "Procurement Act 2023",
    comparedWith: "inc VAT",
    values: {
      "central-supplies-services": pounds(135_018),
      "sub-central-supplies-services": pounds(207_720),
      works: pounds(5_193_000),
      "light-touch": pounds(663_540),
      "utility-supplies-services": pounds(415_440),
      "utility-light-touch": pounds(884_720),
    },
    sources: ["F7", "F8", "F9", "F33"],
  },
];

/** The row in force on a date (the last row starting on or before it), or undefined before 2016. */
export function periodOn<T extends { from: IsoDate }>(rows: readonly T[], date: IsoDate): T | undefined {
  let found: T | undefined;
  for (const row of rows) if (compareIso(row.from, date) <= 0) found = row;
  return found;
}

/** The day before the next row starts, or undefined for the last row. */
export function periodEnd<T extends { from: IsoDate }>(rows: readonly T[], row: T): IsoDate | undefined {
  const next = rows[rows.indexOf(row) + 1];
  if (!next) return undefined;
  return addDays(next.from, -1);
}

/**
 * The figure that applies to a buyer and contract type, or undefined when the facts hold none:
 * utilities' works contracts are not in the facts sheet.
 */
export function thresholdCategory(buyer: BuyerType, contract: ContractType): ThresholdCategory | undefined {
  if (buyer === "utility") {
    if (contract === "works") return undefined;
    return contract === "light-touch" ? "utility-light-touch" : "utility-supplies-services";
  }
  if (contract === "works") return "works";
  if (contract === "light-touch") return "light-touch";
  return buyer === "central" ? "central-supplies-services" : "sub-central-supplies-services";
}

export interface ThresholdInForce {
  period: ThresholdPeriod;
  /** The period's last day, or undefined while it is the latest. */
  to?: IsoDate;
  category: ThresholdCategory;
  /** Undefined when the figure is not confirmed (see the facts sheet). */
  value?: Pence;
}

/**
 * The threshold for a buyer and contract type on a procurement's start date. Undefined before
 * 2016 or for utilities' works; `value` undefined where the figure is unconfirmed.
 */
export function thresholdOn(
  date: IsoDate,
  buyer: BuyerType,
  contract: ContractType,
): ThresholdInForce | undefined {
  const period = periodOn(THRESHOLD_PERIODS, date);
  const category = thresholdCategory(buyer, contract);
  if (!period || !category) return undefined;
  const value = period.values[category];
  const found: ThresholdInForce = { period, category };
  const to = periodEnd(THRESHOLD_PERIODS, period);
  if (to !== undefined) found.to = to;
  if (value !== null) found.value = value;
  return found;
}

/**
 * Below-threshold publication values (facts sheet §4): a contract of at least this value must be
 * published (Contracts Finder under PCR 2015; the Central Digital Platform under the Act).
 * Utilities are not covered.
 */
export interface BelowThresholdPeriod {
  from: IsoDate;
  regime: Regime;
  comparedWith: VatBasis;
  central: Pence;
  subCentral: Pence;
  where: string;
  sources: readonly SourceKey[];
}

export const BELOW_THRESHOLD_PERIODS: readonly BelowThresholdPeriod[] = [
  {
    from: "2016-01-01",
    regime: "PCR 2015",
    comparedWith: "ex VAT",
    central: pounds(10_000),
    subCentral: pounds(25_000),
    where: "Contracts Finder",
    sources: ["G7", "F13"],
  },
  {
    from: "2022-01-01",
    regime: "PCR 2015",
    comparedWith: "inc VAT",
    central: pounds(10_000),
    subCentral: pounds(25_000),
    where: "Contracts Finder",
    sources: ["G7", "L1"],
  },
  {
    from: "2022-12-21",
    regime: "PCR 2015",
    comparedWith: "inc VAT",
    central: pounds(12_000),
    subCentral: pounds(30_000),
    where: "Contracts Finder",
    sources: ["G6", "G8", "F13"],
  },
  {
    from: "2025-02-24",
    regime: "Procurement Act 2023",
    comparedWith: "inc VAT",
    central: pounds(12_000),
    subCentral: pounds(30_000),
    where: "the Central Digital Platform (find-tender.service.gov.uk)",
    sources: ["G10", "F14", "F15"],
  },
];

const CATEGORY_WORDS: Record<ThresholdCategory, string> = {
  "central-supplies-services": "central government supplies and services",
  "sub-central-supplies-services": "sub-central supplies and services",
  works: "works",
  "light-touch": "light-touch (social and other specific) services",
  "utility-supplies-services": "utilities' supplies and services",
  "utility-light-touch": "utilities' light-touch services",
};

/** "central government supplies and services". */
export function thresholdCategoryWords(category: ThresholdCategory): string {
  return CATEGORY_WORDS[category];
}
