/** The tender as an OCDS 1.1 release package (see ./index.ts for where each part goes). */

import { allocate, type Allocation } from "../../check/allocation";
import { penceToPounds } from "../../core/money";
import type { IsoDate, Pence, Tender } from "../../core/types";
import { isoToOcdsDateTime, publishedDateTime } from "./date-times";
import { defaultOcid, hash16 } from "./ids";
import { writeRuleFields } from "./rule-fields";
import {
  LOTS_EXTENSION_URL,
  OCDS_VERSION,
  type OcdsExportOptions,
  type OcdsItem,
  type OcdsLot,
  type OcdsPeriod,
  type OcdsTender,
  type OcdsUnit,
  type OcdsValue,
  type Release,
  type ReleasePackage,
  type TenderBudgetFields,
  type TenderBudgetLotFields,
} from "./types";

function money(p: Pence): OcdsValue {
  return { amount: penceToPounds(p), currency: "GBP" };
}

function period(start: IsoDate | undefined, end: IsoDate | undefined): OcdsPeriod | undefined {
  if (start === undefined && end === undefined) return undefined;
  const p: OcdsPeriod = {};
  if (start !== undefined) p.startDate = isoToOcdsDateTime(start, "start");
  if (end !== undefined) p.endDate = isoToOcdsDateTime(end, "end");
  return p;
}

/** The figures of one lot after allocation: what is stated and what was worked out. */
interface LotFigures {
  value?: Pence;
  valueSource?: "statedValue" | "computed";
  dayRate?: Pence;
  dayRateSource?: "lot" | "tender" | "inferred";
  days?: number;
  daysSource?: "lot" | "inferred";
}

/**
 * A lot's figures for the export: its stated value where it has one, else the value worked out; the
 * day rate and days the allocation used (the lot's own, the tender's, or inferred), with their sources.
 */
function lotFigures(tender: Tender, allocation: Allocation, index: number): LotFigures {
  const lot = tender.lots[index];
  const line = allocation.lines[index];
  const f: LotFigures =
    line === undefined
      ? {}
      : {
          dayRate: line.dayRate,
          dayRateSource: line.dayRateSource,
          days: line.days,
          daysSource: line.daysSource,
        };
  if (lot.statedValue !== undefined) {
    f.value = lot.statedValue;
    f.valueSource = "statedValue";
  } else if (line?.value !== undefined) {
    f.value = line.value;
    f.valueSource = "computed";
  }
  return f;
}

/**
 * The tender as an OCDS 1.1 release package with one release (tag "tender"), valid against the
 * release package schema with the lots extension. Everything the tender model holds can be read
 * back by `ocdsToTender`.
 */
export function tenderToOcds(tender: Tender, options: OcdsExportOptions): ReleasePackage {
  const allocation = options.allocation ?? allocate(tender);
  const ocid = options.ocid ?? defaultOcid(tender);
  if (ocid.trim() === "") throw new RangeError("ocid must not be empty");
  const published = publishedDateTime(options.publishedDate);
  const buyerId = `buyer-${hash16(tender.buyer).slice(0, 8)}`;

  const lots: OcdsLot[] = [];
  const items: OcdsItem[] = [];
  tender.lots.forEach((lot, i) => {
    const id = String(i + 1);
    const f = lotFigures(tender, allocation, i);
    const extra: TenderBudgetLotFields = {};
    const ocdsLot: OcdsLot = { id, title: lot.name, tenderBudget: extra };
    if (f.value !== undefined) {
      ocdsLot.value = money(f.value);
      extra.valueSource = f.valueSource;
    }
    const contractPeriod = period(lot.startDate, lot.endDate);
    if (contractPeriod) ocdsLot.contractPeriod = contractPeriod;
    lots.push(ocdsLot);

    if (f.dayRate !== undefined || f.days !== undefined) {
      const unit: OcdsUnit = { scheme: "UNCEFACT", id: "DAY", name: "Day" };
      if (f.dayRate !== undefined) {
        unit.value = money(f.dayRate);
        extra.dayRateSource = f.dayRateSource;
      }
      const item: OcdsItem = {
        id: `lot-${id}-days`,
        description: `Days of work: ${lot.name}`,
        unit,
        relatedLot: id,
      };
      if (f.days !== undefined) {
        item.quantity = f.days;
        extra.daysSource = f.daysSource;
      }
      items.push(item);
    }
  });

  const tenderBudget: TenderBudgetFields = { region: tender.region, vatRate: tender.vatRate };
  let total: Pence | undefined;
  if (tender.statedTotal !== undefined) {
    total = tender.statedTotal.pence;
    tenderBudget.valueSource = "statedTotal";
    tenderBudget.statedTotalPrecision = penceToPounds(tender.statedTotal.precision);
    if (tender.statedTotalIsCeiling === true) tenderBudget.statedTotalIsCeiling = true;
  } else if (allocation.lines.every((line) => line.value !== undefined)) {
    total = allocation.total;
    tenderBudget.valueSource = "computed";
  }
  if (tender.dayRate !== undefined) tenderBudget.dayRate = penceToPounds(tender.dayRate);

  const ocdsTender: OcdsTender = {
    id: ocid,
    title: tender.title,
    mainProcurementCategory: "services",
    lots,
    items,
    tenderBudget,
  };
  if (total !== undefined) ocdsTender.value = money(total);
  if (tender.closingDate !== undefined)
    ocdsTender.tenderPeriod = { endDate: isoToOcdsDateTime(tender.closingDate, "end") };
  const contractPeriod = period(tender.startDate, tender.endDate);
  if (contractPeriod) ocdsTender.contractPeriod = contractPeriod;
  writeRuleFields(tender, ocdsTender, tenderBudget);

  const release: Release = {
    ocid,
    id: "",
    date: published,
    tag: ["tender"],
    initiationType: "tender",
    language: "en",
    tender: ocdsTender,
  };
  if (tender.buyer.trim() !== "") {
    // OCDS requires the buyer's name to be non-empty: a tender without a buyer yet has neither.
    release.parties = [{ id: buyerId, name: tender.buyer, roles: ["buyer"] }];
    release.buyer = { id: buyerId, name: tender.buyer };
  }
  if (total !== undefined) release.planning = { budget: { amount: money(total) } };
  // A release id must be unique within its ocid: each export of a changed tender (or at another
  // time) is a release of its own, and the same export gives the same id.
  release.id = `${ocid}-tender-${hash16(JSON.stringify(release))}`;

  return {
    uri: options.uri ?? `urn:tender-budget:${encodeURIComponent(ocid)}`,
    version: OCDS_VERSION,
    extensions: [LOTS_EXTENSION_URL],
    publishedDate: published,
    publisher: { name: options.publisher ?? (tender.buyer.trim() === "" ? "Tender Budget" : tender.buyer) },
    releases: [release],
  };
}
