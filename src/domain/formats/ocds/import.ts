/** An OCDS release, release package or record package read back into a tender. */

import { formatMoney, parseMoney, penceToPounds, vatOn } from "../../core/money";
import { DEFAULT_REGION, DEFAULT_VAT_RATE, parseDays, parseRegion, parseVatRate } from "../../check/tender";
import type { Lot, Pence, Region, Result, Tender } from "../../core/types";
import { isObject, nonEmptyText, Reader, type Json } from "./json-reader";
import { buyerName, pickRelease } from "./release";
import { readRuleFields } from "./rule-fields";
import { describeValue, quoted } from "../../core/messages";

function isDayUnit(unit: unknown): unit is Json {
  if (!isObject(unit)) return false;
  if (typeof unit.id === "string" && unit.id.toUpperCase() === "DAY") return true;
  return (
    typeof unit.name === "string" && /^(day|days|per day|man[- ]day|person[- ]day)s?$/i.test(unit.name.trim())
  );
}

/** A published name with its stray spaces removed: trimmed, runs of white space as one space. */
function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

const money = (p: Pence): string => formatMoney(p, { omitZeroPence: true });

/**
 * A Value that may give its amount ex VAT (`amount`), including VAT (`amountGross`, as Find a
 * Tender publishes under the Procurement Act 2023), or both: the ex-VAT amount in pence for the
 * engine, with a note saying which was used and whether the two agree at the tender's VAT rate.
 */
function exVatValue(
  r: Reader,
  notes: string[],
  v: unknown,
  path: string,
  what: string,
  positive: boolean,
  vatRate: number,
): Pence | undefined {
  const amount = r.value(v, path, what, positive);
  if (!isObject(v) || v.amountGross === undefined || v.amountGross === null) return amount;
  const gross = r.pounds(v.amountGross, `${path}.amountGross`, `${what} including VAT`, positive);
  if (gross === undefined) return amount;
  if (amount !== undefined) {
    const expected = amount + vatOn(amount, vatRate);
    notes.push(
      expected === gross
        ? `${path}: the ${what} is ${money(amount)} ex VAT (amount) and ${money(gross)} including VAT (amountGross), which agree at ${vatRate}% VAT; ${money(amount)} ex VAT is used.`
        : `${path}: the ${what} is ${money(amount)} ex VAT (amount) but ${money(gross)} including VAT (amountGross), not ${money(expected)} at ${vatRate}% VAT; ${money(amount)} ex VAT is used. Check the VAT rate and the notice.`,
    );
    return amount;
  }
  // Only including VAT: the ex-VAT amount at the tender's rate, to the nearest penny.
  const ex = Math.round((gross * 100) / (100 + vatRate));
  notes.push(
    `${path}: only the ${what} including VAT is given (amountGross ${money(gross)}); ${money(ex)} ex VAT at ${vatRate}% is used.`,
  );
  return ex;
}

export interface OcdsImportOptions {
  /**
   * Accept lots the notice gives neither a value nor days for (Contracts Finder often does), for a
   * person to fill in before the tender is checked; by default they are refused.
   */
  allowUnvalued?: boolean;
}

/**
 * Read an OCDS release or release package into a tender. Accepts Tender Budget's own export
 * (losing nothing) and what others publish: UK Contracts Finder and Find a Tender releases,
 * with or without lots, with or without day-rate items. A notice without lots becomes a tender
 * with one lot, the whole contract. Amounts must be in GBP. Every problem names the OCDS field.
 */
export function ocdsToTender(
  json: unknown,
  options: OcdsImportOptions = {},
): { ok: true; value: Tender; notes: string[] } | Extract<Result<Tender>, { ok: false }> {
  const r = new Reader();
  const notes: string[] = [];
  const picked = pickRelease(json, r);
  if (!picked) return { ok: false, errors: r.errors };
  const { release, path: at } = picked;
  if (picked.note !== undefined) notes.push(picked.note);
  const t = release.tender;
  if (!isObject(t)) {
    return {
      ok: false,
      errors: [{ path: `${at}tender`, message: "the release has no tender section to read" }],
    };
  }
  const tp = `${at}tender`;
  const ext = isObject(t.tenderBudget) ? t.tenderBudget : undefined;

  // Like a tender file, a tender may have no title or buyer yet: they are then empty.
  let title = "";
  if (typeof t.title === "string") title = ext ? t.title : tidyName(t.title);
  else if (t.title !== undefined && t.title !== null) {
    r.fail(`${tp}.title`, `the tender's title must be text, not ${describeValue(t.title)}`);
  }
  const buyer = ext ? (buyerName(release) ?? "") : tidyName(buyerName(release) ?? "");

  // Region, VAT rate and the tender's default day rate: ours, when the file is ours.
  let region: Region = DEFAULT_REGION;
  let vatRate = DEFAULT_VAT_RATE;
  let defaultDayRate: Pence | undefined;
  let valueIsStated = true;
  let statedPrecision: Pence | undefined;
  if (ext) {
    if (ext.region !== undefined && ext.region !== null) {
      const parsed = parseRegion(ext.region);
      if (parsed.ok) region = parsed.value;
      else r.fail(`${tp}.tenderBudget.region`, parsed.error);
    }
    if (ext.vatRate !== undefined && ext.vatRate !== null) {
      const parsed = parseVatRate(ext.vatRate);
      if (parsed.ok) vatRate = parsed.value;
      else r.fail(`${tp}.tenderBudget.vatRate`, parsed.error);
    }
    defaultDayRate = r.pounds(ext.dayRate, `${tp}.tenderBudget.dayRate`, "day rate", true);
    valueIsStated = ext.valueSource !== "computed";
    statedPrecision = r.pounds(
      ext.statedTotalPrecision,
      `${tp}.tenderBudget.statedTotalPrecision`,
      "precision of the stated total",
      true,
    );
  }

  const tender: Tender = {
    title,
    buyer,
    currency: "GBP",
    region,
    vatRate,
    lots: [],
  };
  if (defaultDayRate !== undefined) tender.dayRate = defaultDayRate;

  // A value Tender Budget worked out (the lots added up, £0 when every lot is) is not a stated
  // total: it is checked as an amount but not required to be more than £0.
  const value = exVatValue(r, notes, t.value, `${tp}.value`, "tender value", valueIsStated, vatRate);
  if (value !== undefined && valueIsStated) {
    const inferred = parseMoney(penceToPounds(value));
    tender.statedTotal = {
      pence: value,
      precision: statedPrecision ?? (inferred.ok ? inferred.value.precision : 1),
    };
    if (ext?.statedTotalIsCeiling === true) tender.statedTotalIsCeiling = true;
  }
  if (isObject(t.tenderPeriod)) {
    const closing = r.date(t.tenderPeriod.endDate, `${tp}.tenderPeriod.endDate`, "closing date");
    if (closing !== undefined) tender.closingDate = closing;
  } else if (t.tenderPeriod !== undefined && t.tenderPeriod !== null) {
    r.fail(`${tp}.tenderPeriod`, "the tender period must be an object {startDate, endDate}");
  }
  const contract = r.period(t.contractPeriod, `${tp}.contractPeriod`, "contract");
  if (contract.start !== undefined) tender.startDate = contract.start;
  if (contract.end !== undefined) tender.endDate = contract.end;
  readRuleFields(t, tp, ext, r, tender);

  // Lots, or the whole contract as one lot.
  const rawLots = t.lots;
  /** Lot id → index in tender.lots. */
  const lotIndex = new Map<string, number>();
  /** Lots with a problem already reported, so no follow-on message is added for them. */
  const lotsWithErrors = new Set<number>();
  if (rawLots !== undefined && rawLots !== null && !Array.isArray(rawLots)) {
    r.fail(`${tp}.lots`, "tender.lots must be a list of lots");
  }
  const lotList = Array.isArray(rawLots) ? rawLots : [];
  const lotExt: (Json | undefined)[] = [];
  lotList.forEach((raw, i) => {
    const lp = `${tp}.lots[${i}]`;
    const errorsBefore = r.errors.length;
    if (!isObject(raw)) {
      r.fail(lp, "each lot must be an object with an id and a title");
      tender.lots.push({ name: `Lot ${i + 1}` });
      lotExt.push(undefined);
      lotsWithErrors.add(i);
      return;
    }
    const id = raw.id === undefined || raw.id === null ? String(i + 1) : String(raw.id);
    if (lotIndex.has(id)) r.fail(`${lp}.id`, `two lots have the id ${quoted(id)}; give each lot its own id`);
    else lotIndex.set(id, i);
    const le = isObject(raw.tenderBudget) ? raw.tenderBudget : undefined;
    lotExt.push(le);
    // Published names carry stray spaces (a 2014 Contracts Finder lot is " Investment…"): trimmed,
    // except in Tender Budget's own files, which keep a name exactly as it was written.
    const given = nonEmptyText(raw.title) ?? nonEmptyText(raw.description) ?? `Lot ${id}`;
    const name = ext ? given : tidyName(given);
    const lot: Lot = { name };
    const lotValue = exVatValue(
      r,
      notes,
      raw.value,
      `${lp}.value`,
      `value of lot ${quoted(name)}`,
      false,
      vatRate,
    );
    if (lotValue !== undefined && le?.valueSource !== "computed") lot.statedValue = lotValue;
    const lotPeriod = r.period(raw.contractPeriod, `${lp}.contractPeriod`, `lot ${quoted(name)} contract`);
    if (lotPeriod.start !== undefined) lot.startDate = lotPeriod.start;
    if (lotPeriod.end !== undefined) lot.endDate = lotPeriod.end;
    tender.lots.push(lot);
    if (r.errors.length > errorsBefore) lotsWithErrors.add(i);
  });
  const wholeContract = lotList.length === 0;
  if (wholeContract) {
    const lot: Lot = { name: title.trim() === "" ? "Whole contract" : title };
    if (tender.statedTotal !== undefined) lot.statedValue = tender.statedTotal.pence;
    tender.lots.push(lot);
    lotExt.push(undefined);
  }

  // Day-rate items: unit DAY, value = day rate, quantity = days.
  const seenItemFor = new Set<number>();
  const rawItems = Array.isArray(t.items) ? t.items : [];
  rawItems.forEach((item, i) => {
    const ip = `${tp}.items[${i}]`;
    if (!isObject(item) || !isDayUnit(item.unit)) return;
    let index: number;
    if (item.relatedLot !== undefined && item.relatedLot !== null && !wholeContract) {
      const found = lotIndex.get(String(item.relatedLot));
      if (found === undefined) {
        r.fail(
          `${ip}.relatedLot`,
          `this item belongs to lot ${quoted(String(item.relatedLot))}, which tender.lots does not list`,
        );
        return;
      }
      index = found;
    } else if (tender.lots.length === 1) {
      index = 0;
    } else {
      r.fail(
        `${ip}.relatedLot`,
        `this day-rate item says neither which lot it belongs to nor is there only one lot; give it a relatedLot`,
      );
      return;
    }
    if (seenItemFor.has(index)) {
      r.fail(
        ip,
        `lot ${quoted(tender.lots[index].name)} has more than one day-rate item; Tender Budget holds one day rate and one number of days per lot`,
      );
      return;
    }
    seenItemFor.add(index);
    const itemErrorsBefore = r.errors.length;
    const lot = tender.lots[index];
    const le = lotExt[index];
    const unit = item.unit as Json;
    const rate = r.value(unit.value, `${ip}.unit.value`, `day rate of lot ${quoted(lot.name)}`, true);
    const rateSource = le?.dayRateSource;
    if (rate !== undefined && (rateSource === undefined || rateSource === "lot")) lot.dayRate = rate;
    // Days Tender Budget worked out are not the tender's: they are worked out again on reading.
    if (item.quantity !== undefined && item.quantity !== null && le?.daysSource !== "inferred") {
      const parsed = typeof item.quantity === "number" ? parseDays(item.quantity) : undefined;
      if (parsed === undefined || !parsed.ok) {
        r.fail(
          `${ip}.quantity`,
          `the days of lot ${quoted(lot.name)} must be a number of days, 0 or more` +
            (parsed !== undefined && !parsed.ok
              ? ` (${parsed.error})`
              : `, not ${describeValue(item.quantity)}`),
        );
      } else {
        lot.days = parsed.value;
      }
    }
    if (r.errors.length > itemErrorsBefore) lotsWithErrors.add(index);
  });

  // A single lot the notice gives no value of its own, in a tender that has one: the lot is the
  // whole tender, so it takes the tender's value (on the command line as in the pane).
  if (
    lotList.length === 1 &&
    tender.lots.length === 1 &&
    tender.lots[0].statedValue === undefined &&
    tender.lots[0].days === undefined &&
    tender.statedTotal !== undefined &&
    !lotsWithErrors.has(0)
  ) {
    tender.lots[0].statedValue = tender.statedTotal.pence;
  }
  // What every tender needs: distinct lot names, and each lot's value or days.
  const seenNames = new Map<string, number>();
  tender.lots.forEach((lot, i) => {
    const lp = wholeContract ? `${tp}.value` : `${tp}.lots[${i}]`;
    const key = lot.name.trim().toLowerCase().replace(/\s+/g, " ");
    const first = seenNames.get(key);
    if (first !== undefined) {
      r.fail(
        `${lp}.title`,
        `two lots are called ${quoted(lot.name.trim())} (also ${tp}.lots[${first}]); give each lot its own title`,
      );
    } else {
      seenNames.set(key, i);
    }
    if (
      !options.allowUnvalued &&
      lot.days === undefined &&
      lot.statedValue === undefined &&
      !lotsWithErrors.has(i)
    ) {
      r.fail(
        wholeContract ? lp : `${lp}.value`,
        wholeContract
          ? "the notice gives neither a value nor days of work, so there is nothing to budget; it needs tender.value or a day-rate item with a quantity"
          : `lot ${quoted(lot.name)} has neither a value nor days of work; give the lot a value, or a day-rate item (unit DAY) with a quantity`,
      );
    }
  });

  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, value: tender, notes };
}
