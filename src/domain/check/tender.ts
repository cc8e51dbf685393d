/**
 * Reading a tender file (parsed JSON) into the tender model, checking every field and naming
 * the field of each problem (`lots[2].dayRate`). Nothing is half-read: either the whole tender
 * is valid, or the result lists every problem found.
 *
 * File shape (money as pounds numbers or strings like "£107,520"; dates YYYY-MM-DD):
 * `{"title","buyer","currency","statedTotal","statedTotalIsCeiling","dayRate","closingDate","startDate",
 * "endDate","region","vatRate","lots":[{"name","dayRate","days","statedValue","startDate","endDate"}],
 * "buyerType","contractType","procedure","publishedDate","awardNoticeDate","optionsValue"}`
 */
import { daysInMonth, isInDateRange, isValidIsoDate, MONTH_NAMES } from "../core/calendar";
import { LOT_FIELDS, TENDER_FIELDS } from "../core/fields";
import { tenderMessages as m } from "../core/messages";
import { isVisibleName, nameKey, wordReader } from "../core/names";
import { parseMoney, rateTimesDays } from "../core/money";
import {
  BUYER_TYPES,
  CONTRACT_TYPES,
  PROCEDURES,
  type BuyerType,
  type ContractType,
  type Procedure,
} from "../core/types";
import type {
  InputError,
  IsoDate,
  Lot,
  Parsed,
  Pence,
  Region,
  Result,
  StatedAmount,
  Tender,
} from "../core/types";

/** VAT rate used when a tender does not give one, in percent. */
export const DEFAULT_VAT_RATE = 20;
/** Bank-holiday region used when a tender does not give one: England & Wales. */
export const DEFAULT_REGION: Region = "GB-ENG";
/** The most days a lot may have: far beyond any consultancy lot, well inside exact arithmetic. */
export const MAX_LOT_DAYS = 100_000;
/**
 * The most lots a tender may have: the size the engine, the exports and the workbook are tested
 * and benchmarked at (bench/). Beyond it a tender is refused with this number, not half-read.
 */
export const MAX_LOTS = 100_000;

const REGION_WORDS: Record<string, Region> = {
  "gb-eng": "GB-ENG",
  eng: "GB-ENG",
  england: "GB-ENG",
  wales: "GB-ENG",
  // Wales has England's bank holidays (ISO 3166-2:GB code GB-WLS).
  "gb-wls": "GB-ENG",
  wls: "GB-ENG",
  "england & wales": "GB-ENG",
  "england and wales": "GB-ENG",
  "gb-sct": "GB-SCT",
  sct: "GB-SCT",
  scotland: "GB-SCT",
  "gb-nir": "GB-NIR",
  nir: "GB-NIR",
  "northern ireland": "GB-NIR",
  ni: "GB-NIR",
  "n. ireland": "GB-NIR",
  "n ireland": "GB-NIR",
};

/** A bank-holiday region from its code ("GB-SCT") or name ("Scotland"), ignoring case. */
export const parseRegion: (value: unknown) => Parsed<Region> = wordReader(REGION_WORDS, m.region);

const CHOICE_WORDS: Record<string, string> = {
  "central government": "central",
  "sub central": "sub-central",
  subcentral: "sub-central",
  "local government": "sub-central",
  utilities: "utility",
  service: "services",
  goods: "supplies",
  supply: "supplies",
  "light touch": "light-touch",
  "competitive flexible": "competitive-flexible",
  "direct award": "direct-award",
  "call off": "call-off",
  calloff: "call-off",
};

function parseChoice<T extends string>(value: unknown, allowed: readonly T[]): Parsed<T> {
  if (typeof value === "string") {
    const text = value
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, " ");
    const word = CHOICE_WORDS[text] ?? text.replace(/ /g, "-");
    const found = allowed.find((a) => a === word);
    if (found) return { ok: true, value: found };
  }
  return { ok: false, error: m.choice(value, allowed) };
}

/** Who buys: central, sub-central or utility (also "central government", "local government"). */
export function parseBuyerType(value: unknown): Parsed<BuyerType> {
  return parseChoice(value, BUYER_TYPES);
}

/** What is bought: services, supplies (goods), works or light-touch. */
export function parseContractType(value: unknown): Parsed<ContractType> {
  return parseChoice(value, CONTRACT_TYPES);
}

/** How it is awarded: open, restricted, competitive-flexible, direct-award or call-off. */
export function parseProcedure(value: unknown): Parsed<Procedure> {
  return parseChoice(value, PROCEDURES);
}

/** An ISO date, or a message saying why it is not one ("2019-02-30": February 2019 has 28 days). */
export function parseIsoDate(value: unknown): Parsed<IsoDate> {
  if (typeof value !== "string") return { ok: false, error: m.dateType(value) };
  const text = value.trim();
  if (isValidIsoDate(text)) {
    return isInDateRange(text) ? { ok: true, value: text } : { ok: false, error: m.dateOutOfRange(text) };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false, error: m.dateFormat(value) };
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { ok: false, error: m.impossibleMonth(value) };
  return {
    ok: false,
    error: m.impossibleDate(value, daysInMonth(year, month), `${MONTH_NAMES[month - 1]} ${year}`),
  };
}

/** A VAT rate in percent from 0 to 100 (a number, or text such as "20" or "20%"). */
export function parseVatRate(value: unknown): Parsed<number> {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\d+(\.\d+)?\s*%?$/.test(value.trim()))
    n = Number(value.replace("%", ""));
  else return { ok: false, error: m.vatType(value) };
  if (!Number.isFinite(n)) return { ok: false, error: m.vatType(value) };
  if (n < 0 || n > 100) return { ok: false, error: m.vatRange(n) };
  if (n > 0 && n < 1) return { ok: false, error: m.vatFraction(n) };
  return { ok: true, value: n };
}

/** Days of work: a number (or numeric text) from 0 to MAX_LOT_DAYS with at most 2 decimals. */
export function parseDays(value: unknown): Parsed<number> {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) n = Number(value);
  else return { ok: false, error: m.daysType(value) };
  if (!Number.isFinite(n)) return { ok: false, error: m.daysType(value) };
  if (n < 0) return { ok: false, error: m.daysNegative(n) };
  if (n > MAX_LOT_DAYS) return { ok: false, error: m.daysTooMany(n, MAX_LOT_DAYS) };
  if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6) return { ok: false, error: m.daysDecimals(n) };
  return { ok: true, value: n === 0 ? 0 : n };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Reader {
  readonly errors: InputError[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  text(obj: Record<string, unknown>, key: string, path: string): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") return this.fail(path, m.notText(value));
    return value.trim();
  }

  money(obj: Record<string, unknown>, key: string, path: string, what: string, positive: boolean) {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" && typeof value !== "string") return this.fail(path, m.moneyType(value));
    const parsed = parseMoney(value);
    if (!parsed.ok) return this.fail(path, parsed.error);
    if (positive && parsed.value.pence <= 0) return this.fail(path, m.notPositive(what, parsed.value.pence));
    if (parsed.value.pence < 0) return this.fail(path, m.negativeMoney(what, parsed.value.pence));
    return parsed.value;
  }

  date(obj: Record<string, unknown>, key: string, path: string): IsoDate | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    const parsed = parseIsoDate(value);
    return parsed.ok ? parsed.value : this.fail(path, parsed.error);
  }

  unknownFields(
    obj: Record<string, unknown>,
    allowed: readonly string[],
    prefix: string,
    lot: boolean,
  ): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        // A field with an empty name is reported against its object.
        const path = key === "" ? prefix.slice(0, -1) || "tender" : prefix + key;
        this.fail(path, lot ? m.lotUnknownField(key, allowed) : m.unknownField(key, allowed));
      }
    }
  }
}

/**
 * Read a tender from parsed JSON. Optional fields may be left out or null. Defaults: currency
 * GBP, region GB-ENG (England & Wales), VAT 20%, title and buyer empty. Every lot needs a name
 * (unique, ignoring case) and its days or stated value.
 */
export function parseTender(input: unknown): Result<Tender> {
  const r = new Reader();
  if (!isRecord(input)) return { ok: false, errors: [{ path: "tender", message: m.notObject(input) }] };
  r.unknownFields(input, TENDER_FIELDS, "", false);

  const title = r.text(input, "title", "title") ?? "";
  const buyer = r.text(input, "buyer", "buyer") ?? "";
  const currency = input.currency;
  if (
    currency !== undefined &&
    currency !== null &&
    !(typeof currency === "string" && currency.trim().toUpperCase() === "GBP")
  ) {
    r.fail("currency", m.currency(currency));
  }
  const statedTotal: StatedAmount | undefined = r.money(
    input,
    "statedTotal",
    "statedTotal",
    "The stated total",
    true,
  );
  const ceiling = input.statedTotalIsCeiling;
  if (ceiling !== undefined && ceiling !== null && typeof ceiling !== "boolean") {
    r.fail("statedTotalIsCeiling", m.ceilingType(ceiling));
  } else if (
    ceiling === true &&
    statedTotal === undefined &&
    r.errors.every((e) => e.path !== "statedTotal")
  ) {
    r.fail("statedTotalIsCeiling", m.ceilingWithoutTotal());
  }
  const dayRate = r.money(input, "dayRate", "dayRate", "The day rate", true)?.pence;
  const closingDate = r.date(input, "closingDate", "closingDate");
  const startDate = r.date(input, "startDate", "startDate");
  const endDate = r.date(input, "endDate", "endDate");

  let region: Region = DEFAULT_REGION;
  if (input.region !== undefined && input.region !== null) {
    const parsed = parseRegion(input.region);
    if (parsed.ok) region = parsed.value;
    else r.fail("region", parsed.error);
  }
  let vatRate = DEFAULT_VAT_RATE;
  if (input.vatRate !== undefined && input.vatRate !== null) {
    const parsed = parseVatRate(input.vatRate);
    if (parsed.ok) vatRate = parsed.value;
    else r.fail("vatRate", parsed.error);
  }

  const choice = <T>(key: string, parse: (v: unknown) => Parsed<T>): T | undefined => {
    const value = input[key];
    if (value === undefined || value === null) return undefined;
    const parsed = parse(value);
    return parsed.ok ? parsed.value : r.fail(key, parsed.error);
  };
  const buyerType = choice("buyerType", parseBuyerType);
  const contractType = choice("contractType", parseContractType);
  const procedure = choice("procedure", parseProcedure);
  const publishedDate = r.date(input, "publishedDate", "publishedDate");
  const awardNoticeDate = r.date(input, "awardNoticeDate", "awardNoticeDate");
  const optionsValue = r.money(input, "optionsValue", "optionsValue", "The options value", false)?.pence;

  const lots: Lot[] = [];
  const rawLots = input.lots;
  if (rawLots === undefined || rawLots === null) r.fail("lots", m.lotsMissing());
  else if (!Array.isArray(rawLots)) r.fail("lots", m.lotsType(rawLots));
  else if (rawLots.length === 0) r.fail("lots", m.lotsEmpty());
  else if (rawLots.length > MAX_LOTS) r.fail("lots", m.tooManyLots(rawLots.length, MAX_LOTS));
  else {
    const seen = new Map<string, string>();
    let sum = 0;
    rawLots.forEach((raw: unknown, i) => {
      const at = `lots[${i}]`;
      if (!isRecord(raw)) {
        r.fail(at, m.lotType(raw));
        return;
      }
      const before = r.errors.length;
      r.unknownFields(raw, LOT_FIELDS, `${at}.`, true);
      const name = r.text(raw, "name", `${at}.name`);
      if (name === "" || (name === undefined && (raw.name === undefined || raw.name === null))) {
        r.fail(`${at}.name`, m.lotNameMissing());
      } else if (name !== undefined && !isVisibleName(name)) {
        r.fail(`${at}.name`, m.lotNameInvisible());
      } else if (name !== undefined) {
        const first = seen.get(nameKey(name));
        if (first !== undefined) r.fail(`${at}.name`, m.duplicateLot(name, first));
        else seen.set(nameKey(name), `${at}.name`);
      }
      const lotRate = r.money(raw, "dayRate", `${at}.dayRate`, "A day rate", true)?.pence;
      let days: number | undefined;
      if (raw.days !== undefined && raw.days !== null) {
        const parsed = parseDays(raw.days);
        if (parsed.ok) days = parsed.value;
        else r.fail(`${at}.days`, parsed.error);
      }
      const statedValue: Pence | undefined = r.money(
        raw,
        "statedValue",
        `${at}.statedValue`,
        "A stated value",
        false,
      )?.pence;
      const lotStart = r.date(raw, "startDate", `${at}.startDate`);
      const lotEnd = r.date(raw, "endDate", `${at}.endDate`);
      if (r.errors.length > before) return;
      if (days === undefined && statedValue === undefined) {
        r.fail(at, m.lotNothingToValue(name ?? ""));
        return;
      }
      const rate = lotRate ?? dayRate;
      let value = statedValue ?? 0;
      if (rate !== undefined && days !== undefined) {
        if (rate * days > Number.MAX_SAFE_INTEGER / 4) {
          r.fail(`${at}.days`, m.tooLarge("The day rate × days"));
          return;
        }
        value = Math.max(value, rateTimesDays(rate, days));
      }
      sum += value;
      if (!Number.isSafeInteger(sum * 2)) {
        r.fail(at, m.tooLarge("The total of the lots"));
        return;
      }
      const lot: Lot = { name: name as string };
      if (lotRate !== undefined) lot.dayRate = lotRate;
      if (days !== undefined) lot.days = days;
      if (statedValue !== undefined) lot.statedValue = statedValue;
      if (lotStart !== undefined) lot.startDate = lotStart;
      if (lotEnd !== undefined) lot.endDate = lotEnd;
      lots.push(lot);
    });
  }

  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  const tender: Tender = { title, buyer, currency: "GBP", region, vatRate, lots };
  if (statedTotal !== undefined) tender.statedTotal = statedTotal;
  if (ceiling === true) tender.statedTotalIsCeiling = true;
  if (dayRate !== undefined) tender.dayRate = dayRate;
  if (closingDate !== undefined) tender.closingDate = closingDate;
  if (startDate !== undefined) tender.startDate = startDate;
  if (endDate !== undefined) tender.endDate = endDate;
  if (buyerType !== undefined) tender.buyerType = buyerType;
  if (contractType !== undefined) tender.contractType = contractType;
  if (procedure !== undefined) tender.procedure = procedure;
  if (publishedDate !== undefined) tender.publishedDate = publishedDate;
  if (awardNoticeDate !== undefined) tender.awardNoticeDate = awardNoticeDate;
  if (optionsValue !== undefined) tender.optionsValue = optionsValue;
  return { ok: true, value: tender };
}
