/**
 * The notices a tender must publish, and where and when: above the threshold (under PCR 2015 or
 * the Procurement Act 2023) and below it (Contracts Finder and the Central Digital Platform).
 */
import { compareIso } from "../core/calendar";
import { formatMoney, vatOn } from "../core/money";
import type { BuyerType, IsoDate, Pence, Regime } from "../core/types";
import type { SourceKey } from "./sources";
import { BELOW_THRESHOLD_PERIODS, periodOn } from "./thresholds";

export interface NoticeDuty {
  notice: string;
  where: string;
  when: string;
  sources: readonly SourceKey[];
}

const FIND_A_TENDER_START: IsoDate = "2021-01-01";

export function aboveThresholdDuties(regime: Regime, published: IsoDate, large: boolean): NoticeDuty[] {
  if (regime === "PCR 2015") {
    const where =
      compareIso(published, FIND_A_TENDER_START) < 0
        ? "the Official Journal of the EU (OJEU/TED) until 31 December 2020"
        : "Find a Tender (FTS), before Contracts Finder";
    return [
      { notice: "Contract notice", where, when: "to start the procurement", sources: ["G23", "G8"] },
      {
        notice: "Contract notice",
        where: "Contracts Finder",
        when:
          compareIso(published, FIND_A_TENDER_START) < 0
            ? "as well as OJEU/TED"
            : "after it appears on Find a Tender",
        sources: ["G8"],
      },
      {
        notice: "Contract award notice",
        where: compareIso(published, FIND_A_TENDER_START) < 0 ? "OJEU/TED" : "Find a Tender (FTS)",
        when: "within 30 days of the award",
        sources: ["L10"],
      },
    ];
  }
  const cdp = "the Central Digital Platform (find-tender.service.gov.uk)";
  const duties: NoticeDuty[] = [
    {
      notice: "Tender notice",
      where: cdp,
      when: "publishing it starts the procurement",
      sources: ["G1", "G10"],
    },
    {
      notice: "Contract award notice",
      where: cdp,
      when: "before the contract is entered into; publishing it starts the standstill",
      sources: ["L8", "G12"],
    },
    {
      notice: "Contract details notice",
      where: cdp,
      when: "within 30 days of signing the contract",
      sources: ["F24"],
    },
  ];
  if (large) {
    duties.push({
      notice: "The contract itself, and at least 3 KPIs",
      where: cdp,
      when: "for contracts over £5 million",
      sources: ["G16"],
    });
  }
  return duties;
}

export function belowThresholdDuties(
  published: IsoDate,
  buyer: BuyerType,
  estimateEx: Pence,
  vatRate: number,
): { duties: NoticeDuty[]; note?: string } {
  const row = periodOn(BELOW_THRESHOLD_PERIODS, published);
  if (!row) return { duties: [] };
  if (buyer === "utility") {
    return {
      duties: [],
      note: "below-threshold publication duties for utilities are not in the facts checked",
    };
  }
  const value = row.comparedWith === "inc VAT" ? estimateEx + vatOn(estimateEx, vatRate) : estimateEx;
  const limit = buyer === "central" ? row.central : row.subCentral;
  if (value < limit) return { duties: [] };
  if (row.regime === "PCR 2015") {
    return {
      duties: [
        {
          notice: "Opportunity (if advertised anywhere) and award details",
          where: row.where,
          when: `contracts of ${formatMoney(limit, { omitZeroPence: true })} or more (${row.comparedWith})`,
          sources: row.sources,
        },
      ],
    };
  }
  return {
    duties: [
      {
        notice: "Tender notice (only if the contract is advertised) and contract details notice",
        where: row.where,
        when: `notifiable below-threshold contracts of ${formatMoney(limit, { omitZeroPence: true })} or more (inc VAT)`,
        sources: row.sources,
      },
    ],
  };
}
