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

import { dayOfWeek, fromDayNumber, isValidIsoDate, toDayNumber } from "../core/calendar";
import { allocate, type Allocation } from "../check/allocation";
import { parseMoney, penceToPounds } from "../core/money";
import { DEFAULT_REGION, DEFAULT_VAT_RATE, parseDays, parseRegion, parseVatRate } from "../check/tender";
import type { InputError, IsoDate, Lot, Parsed, Pence, Region, Result, Tender } from "../core/types";

export const OCDS_VERSION = "1.1";
/** The lots extension (tender.lots, items[].relatedLot), as listed in a package's `extensions`. */
export const LOTS_EXTENSION_URL =
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
/**
 * The prefix of the ocids Tender Budget makes up when none is given. It is not a prefix
 * registered with the Open Contracting Partnership: a publisher passes its own `ocid`.
 */
export const OCID_PREFIX = "ocds-tenderbudget-";

export interface OcdsValue {
  amount: number;
  currency: "GBP";
}

/** Full date-times with an offset, e.g. "2017-08-31T00:00:00+01:00", "2018-03-31T23:59:59+01:00". */
export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
}

export interface OcdsUnit {
  scheme: "UNCEFACT";
  id: "DAY";
  name: "Day";
  /** The day rate. */
  value?: OcdsValue;
}

export interface OcdsItem {
  id: string;
  description: string;
  /** Days of work. */
  quantity?: number;
  unit: OcdsUnit;
  relatedLot: string;
}

/** Ours, on each lot: where its figures came from. */
export interface TenderBudgetLotFields {
  /** "statedValue": `value` is the value the tender states; "computed": day rate × days. */
  valueSource?: "statedValue" | "computed";
  /** The lot's own day rate, the tender's default, or one inferred from the stated values. */
  dayRateSource?: "lot" | "tender" | "inferred";
  /** "lot": the tender states the days; "inferred": worked out from the stated value and rate. */
  daysSource?: "lot" | "inferred";
}

export interface OcdsLot {
  id: string;
  title: string;
  value?: OcdsValue;
  contractPeriod?: OcdsPeriod;
  tenderBudget: TenderBudgetLotFields;
}

/** Ours, on `tender`: what the tender model holds that OCDS has no field for. */
export interface TenderBudgetFields {
  /** Bank-holiday region of the working-day calendar. */
  region: Region;
  /** VAT rate in percent; every amount in the release is ex-VAT. */
  vatRate: number;
  /** "statedTotal": `tender.value` is the total the tender states; "computed": the lots added up. */
  valueSource?: "statedTotal" | "computed";
  /** The unit the stated total was stated to, in pounds (£346,000 → 1000). */
  statedTotalPrecision?: number;
  /** The tender's default day rate in pounds, for lots without their own. */
  dayRate?: number;
}

export interface OcdsTender {
  id: string;
  title: string;
  mainProcurementCategory: "services";
  value?: OcdsValue;
  tenderPeriod?: OcdsPeriod;
  contractPeriod?: OcdsPeriod;
  lots: OcdsLot[];
  items: OcdsItem[];
  tenderBudget: TenderBudgetFields;
}

export interface OcdsOrganization {
  id: string;
  name: string;
  roles: string[];
}

export interface Release {
  ocid: string;
  id: string;
  date: string;
  tag: ["tender"];
  initiationType: "tender";
  language: "en";
  /** The buyer, with role "buyer" (left out while the tender names no buyer). */
  parties?: OcdsOrganization[];
  buyer?: { id: string; name: string };
  planning?: { budget: { amount: OcdsValue } };
  tender: OcdsTender;
}

export interface ReleasePackage {
  uri: string;
  version: typeof OCDS_VERSION;
  extensions: string[];
  publishedDate: string;
  publisher: { name: string };
  releases: [Release];
}

export interface OcdsExportOptions {
  /** The contracting process's ocid; default `OCID_PREFIX` + a hash of the buyer and title. */
  ocid?: string;
  /**
   * When the package is published: `YYYY-MM-DD` or a date-time with an offset. Default: now
   * (pass it for output that does not change from run to run).
   */
  publishedDate?: string;
  /** The package's URI; default `urn:tender-budget:<ocid>`. */
  uri?: string;
  /** Who publishes the package; default the buyer (or "Tender Budget" when none is named). */
  publisher?: string;
  /** The tender's allocation when already worked out; default `allocate(tender)`. */
  allocation?: Allocation;
}

// ---------------------------------------------------------------------------------------------
// Export

/** FNV-1a over UTF-16 code units, 32 bits. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function hash16(text: string): string {
  const hex = (n: number): string => n.toString(16).padStart(8, "0");
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x9e3779b9));
}

/** An ocid a publisher gives: its registered prefix (`ocds-` and six letters or digits), a dash, its own id. */
const OCID = /^ocds-[a-z0-9]{6}-\S+$/;

/** A publisher's ocid as typed ("ocds-b5fd17-2017-0142"), or what is wrong with it. */
export function parseOcid(text: string): Parsed<string> {
  const ocid = text.trim();
  if (OCID.test(ocid)) return { ok: true, value: ocid };
  return {
    ok: false,
    error: `"${text}" is not an ocid; give your organisation's prefix registered with the Open Contracting Partnership, a dash and this tender's own id, like ocds-b5fd17-2017-0142`,
  };
}

/** The ocid Tender Budget gives a tender: the same buyer and title always give the same ocid. */
export function defaultOcid(tender: Pick<Tender, "buyer" | "title">): string {
  return OCID_PREFIX + hash16(`${tender.buyer}\u0000${tender.title}`);
}

function money(p: Pence): OcdsValue {
  return { amount: penceToPounds(p), currency: "GBP" };
}

/**
 * A UK calendar date as an OCDS date-time in UK time: its first second for a start
 * ("2017-08-31" → "2017-08-31T00:00:00+01:00"), its last for an end or a closing date
 * ("2017-07-31" → "2017-07-31T23:59:59+01:00"), with the offset the day has (Z in GMT, +01:00
 * in BST), as UK publishers write them. A closing date is the last day bids are accepted, and a
 * contract's end date the last day it runs, so neither is the midnight that starts the day.
 */
export function isoToOcdsDateTime(date: IsoDate, at: "start" | "end" = "start"): string {
  const day = toDayNumber(date);
  const [bstStart, bstEnd] = britishSummerTime(Number(date.slice(0, 4)));
  // The instant in UTC, were the day in GMT; summer time starts and ends at 01:00 UTC.
  const gmt = day * 1440 + (at === "start" ? 0 : 1439);
  const summer = gmt - 60 >= bstStart && gmt - 60 < bstEnd;
  return `${date}T${at === "start" ? "00:00:00" : "23:59:59"}${summer ? "+01:00" : "Z"}`;
}

function period(start: IsoDate | undefined, end: IsoDate | undefined): OcdsPeriod | undefined {
  if (start === undefined && end === undefined) return undefined;
  const p: OcdsPeriod = {};
  if (start !== undefined) p.startDate = isoToOcdsDateTime(start, "start");
  if (end !== undefined) p.endDate = isoToOcdsDateTime(end, "end");
  return p;
}

const PUBLISHED_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * The package's publishedDate (and the release's date) as RFC 3339 and so the schema's
 * "date-time" want it: seconds, an upper-case T and Z, a colon in the offset
 * ("2017-07-31T09:00+0100" → "2017-07-31T09:00:00+01:00"). An impossible date or time throws.
 */
function publishedDateTime(given: string | undefined): string {
  if (given === undefined) return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const misuse = (): RangeError =>
    new RangeError(
      `publishedDate must be YYYY-MM-DD or a date-time with an offset such as 2017-07-31T09:00:00Z, got "${given}"`,
    );
  const text = given.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (!isValidIsoDate(text)) throw misuse();
    return isoToOcdsDateTime(text);
  }
  const m = PUBLISHED_DATE_TIME.exec(text);
  if (!m || !isValidIsoDate(m[1])) throw misuse();
  const [hours, minutes, seconds] = [m[2], m[3], m[4] ?? "00"];
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) throw misuse();
  let offset = "Z";
  if (m[6].toUpperCase() !== "Z") {
    if (Number(m[8]) > 23 || Number(m[9]) > 59) throw misuse();
    offset = `${m[7]}${m[8]}:${m[9]}`;
  }
  return `${m[1]}T${hours}:${minutes}:${seconds}${m[5] ?? ""}${offset}`;
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

function lotFigures(tender: Tender, allocation: Allocation, index: number): LotFigures {
  const lot = tender.lots[index];
  const line = allocation.lines[index];
  const f: LotFigures = {};
  if (lot.statedValue !== undefined) {
    f.value = lot.statedValue;
    f.valueSource = "statedValue";
  } else if (line?.value !== undefined) {
    f.value = line.value;
    f.valueSource = "computed";
  }
  if (lot.dayRate !== undefined) {
    f.dayRate = lot.dayRate;
    f.dayRateSource = "lot";
  } else if (tender.dayRate !== undefined) {
    f.dayRate = tender.dayRate;
    f.dayRateSource = "tender";
  } else if (line?.dayRate !== undefined) {
    f.dayRate = line.dayRate;
    f.dayRateSource = "inferred";
  }
  if (lot.days !== undefined) {
    f.days = lot.days;
    f.daysSource = "lot";
  } else if (line?.days !== undefined) {
    f.days = line.days;
    f.daysSource = "inferred";
  }
  return f;
}

/**
 * The tender as an OCDS 1.1 release package with one release (tag "tender"), valid against the
 * release package schema with the lots extension. Everything the tender model holds can be read
 * back by `ocdsToTender`.
 */
export function tenderToOcds(tender: Tender, options: OcdsExportOptions = {}): ReleasePackage {
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

// ---------------------------------------------------------------------------------------------
// Dates

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const MIN_DAY = toDayNumber("0001-01-02");
const MAX_DAY = toDayNumber("9999-12-30");

/**
 * The instant an OCDS date-time stands for, in seconds since the epoch (a date-time without an
 * offset, or a bare date, taken as UTC); undefined when it is not a date-time.
 */
export function ocdsInstant(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isValidIsoDate(date)) return undefined;
  let offset = 0;
  if (m[7] !== undefined && m[7].toUpperCase() !== "Z") {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(m[7]) as RegExpExecArray;
    offset = (o[1] === "-" ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  }
  const minutes = toDayNumber(date) * 1440 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) - offset;
  return minutes * 60 + Number(m[6] ?? 0);
}

/** Minutes since the epoch (UTC) at which UK summer time starts and ends in a year (since 1996). */
function britishSummerTime(year: number): [number, number] {
  const lastSunday = (month: number): number => {
    const last = `${String(year).padStart(4, "0")}-${month === 3 ? "03" : "10"}-31`;
    return toDayNumber(last) - dayOfWeek(last);
  };
  return [lastSunday(3) * 1440 + 60, lastSunday(10) * 1440 + 60];
}

/**
 * The UK calendar date an OCDS date-time falls on ("2017-07-30T23:00:00Z" → "2017-07-31").
 * A bare date, or a date-time without an offset, is taken as written.
 */
export function ocdsDateTimeToIso(text: string): IsoDate | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isValidIsoDate(date)) return undefined;
  if (m[4] === undefined || m[7] === undefined) return date;
  const hours = Number(m[4]);
  const minutes = Number(m[5]);
  if (hours > 24 || minutes > 59) return undefined;
  let offset = 0;
  if (m[7].toUpperCase() !== "Z") {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(m[7]) as RegExpExecArray;
    offset = (o[1] === "-" ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  }
  const utc = toDayNumber(date) * 1440 + hours * 60 + minutes - offset;
  const utcDay = Math.floor(utc / 1440);
  if (utcDay < MIN_DAY || utcDay > MAX_DAY) return undefined;
  const [bstStart, bstEnd] = britishSummerTime(Number(fromDayNumber(utcDay).slice(0, 4)));
  const uk = utc + (utc >= bstStart && utc < bstEnd ? 60 : 0);
  const ukDay = Math.floor(uk / 1440);
  return ukDay < MIN_DAY || ukDay > MAX_DAY ? undefined : fromDayNumber(ukDay);
}

// ---------------------------------------------------------------------------------------------
// Import

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmptyText(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

class Reader {
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
        `the ${what} must be a number of pounds such as 107520, not ${JSON.stringify(v)}`,
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
        `the ${what} is in ${JSON.stringify(currency)}; Tender Budget works in pounds sterling (GBP) — convert the figures first`,
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
        `the ${what} ${JSON.stringify(v)} is not a date; write a date-time such as "2017-07-31T00:00:00Z"`,
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

/**
 * True when parsed JSON is an OCDS release or record package (`releases`, `records`) or a release (`ocid` or
 * `tender` with `tag`), rather than a tender file: lets a caller choose `ocdsToTender` or
 * `parseTender` for a `.json` file.
 */
export function looksLikeOcds(json: unknown): boolean {
  if (!isObject(json)) return false;
  if (Array.isArray(json.releases) || Array.isArray(json.records)) return true;
  return typeof json.ocid === "string" || (isObject(json.tender) && json.tag !== undefined);
}

/**
 * The release to read: the release itself; the latest (by `date`) release with a tender in a
 * release package; the first record's compiled release in a record package.
 */
function pickRelease(json: unknown, r: Reader): { release: Json; path: string } | undefined {
  if (!isObject(json))
    return r.fail("(file)", "an OCDS file must hold a JSON object: a release or a release package");
  if (json.releases === undefined && Array.isArray(json.records)) {
    // A record package: each record's compiled release is the latest state of its process.
    const i = json.records.findIndex((rec) => isObject(rec) && isObject(rec.compiledRelease));
    if (i < 0) {
      return r.fail(
        "records",
        "no record in the record package has a compiledRelease to read the tender from",
      );
    }
    return {
      release: (json.records[i] as Json).compiledRelease as Json,
      path: `records[${i}].compiledRelease.`,
    };
  }
  if (json.releases === undefined) {
    if (json.tender === undefined && json.ocid === undefined) {
      return r.fail(
        "(file)",
        "this is not an OCDS release or release package: it has neither `releases` nor `tender`; export the notice as OCDS JSON",
      );
    }
    return { release: json, path: "" };
  }
  if (!Array.isArray(json.releases) || json.releases.length === 0) {
    return r.fail(
      "releases",
      "the release package holds no releases; it needs at least one release with a tender",
    );
  }
  // Releases of one contracting process share an ocid; a package of several (a search download)
  // holds several tenders, and which one is meant is for the user to say.
  const ocids = [
    ...new Set(
      json.releases
        .filter((rel) => isObject(rel) && isObject(rel.tender) && typeof rel.ocid === "string")
        .map((rel) => (rel as Json).ocid as string),
    ),
  ];
  if (ocids.length > 1) {
    const listed = ocids.slice(0, 5).join(", ") + (ocids.length > 5 ? ` and ${ocids.length - 5} more` : "");
    return r.fail(
      "releases",
      `the release package holds ${ocids.length} contracting processes (ocids ${listed}); Tender Budget reads one tender at a time: download the notice on its own`,
    );
  }
  let best: { release: Json; path: string; at: number } | undefined;
  json.releases.forEach((rel, i) => {
    if (!isObject(rel) || !isObject(rel.tender)) return;
    // Compared as instants: "2017-07-03T09:30:00Z" is later than "2017-07-03T10:15:27+01:00".
    const at = (typeof rel.date === "string" ? ocdsInstant(rel.date) : undefined) ?? -Infinity;
    if (best === undefined || at > best.at) best = { release: rel, path: `releases[${i}].`, at };
  });
  if (best === undefined) {
    return r.fail(
      "releases",
      "no release in the package has a `tender` section; Tender Budget reads tenders",
    );
  }
  return best;
}

function buyerName(release: Json): string | undefined {
  if (isObject(release.buyer) && nonEmptyText(release.buyer.name)) return release.buyer.name as string;
  const parties = Array.isArray(release.parties) ? release.parties.filter(isObject) : [];
  const byRole = (role: string): Json | undefined =>
    parties.find((p) => Array.isArray(p.roles) && p.roles.includes(role) && nonEmptyText(p.name));
  if (isObject(release.buyer) && release.buyer.id !== undefined) {
    const byId = parties.find((p) => p.id === (release.buyer as Json).id && nonEmptyText(p.name));
    if (byId) return byId.name as string;
  }
  const party = byRole("buyer") ?? byRole("procuringEntity");
  if (party) return party.name as string;
  const tender = release.tender;
  if (isObject(tender) && isObject(tender.procuringEntity) && nonEmptyText(tender.procuringEntity.name)) {
    return tender.procuringEntity.name as string;
  }
  return undefined;
}

function isDayUnit(unit: unknown): unit is Json {
  if (!isObject(unit)) return false;
  if (typeof unit.id === "string" && unit.id.toUpperCase() === "DAY") return true;
  return (
    typeof unit.name === "string" && /^(day|days|per day|man[- ]day|person[- ]day)s?$/i.test(unit.name.trim())
  );
}

/**
 * Read an OCDS release or release package into a tender. Accepts Tender Budget's own export
 * (losing nothing) and what others publish: UK Contracts Finder and Find a Tender releases,
 * with or without lots, with or without day-rate items. A notice without lots becomes a tender
 * with one lot, the whole contract. Amounts must be in GBP. Every problem names the OCDS field.
 */
export interface OcdsImportOptions {
  /**
   * Accept lots the notice gives neither a value nor days for (Contracts Finder often does), for a
   * person to fill in before the tender is checked; by default they are refused.
   */
  allowUnvalued?: boolean;
}

export function ocdsToTender(json: unknown, options: OcdsImportOptions = {}): Result<Tender> {
  const r = new Reader();
  const picked = pickRelease(json, r);
  if (!picked) return { ok: false, errors: r.errors };
  const { release, path: at } = picked;
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
  if (typeof t.title === "string") title = t.title;
  else if (t.title !== undefined && t.title !== null) {
    r.fail(`${tp}.title`, `the tender's title must be text, not ${JSON.stringify(t.title)}`);
  }
  const buyer = buyerName(release) ?? "";

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
  const value = r.value(t.value, `${tp}.value`, "tender value", valueIsStated);
  if (value !== undefined && valueIsStated) {
    const inferred = parseMoney(penceToPounds(value));
    tender.statedTotal = {
      pence: value,
      precision: statedPrecision ?? (inferred.ok ? inferred.value.precision : 1),
    };
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
    if (lotIndex.has(id)) r.fail(`${lp}.id`, `two lots have the id "${id}"; give each lot its own id`);
    else lotIndex.set(id, i);
    const le = isObject(raw.tenderBudget) ? raw.tenderBudget : undefined;
    lotExt.push(le);
    const name = nonEmptyText(raw.title) ?? nonEmptyText(raw.description) ?? `Lot ${id}`;
    const lot: Lot = { name };
    const lotValue = r.value(raw.value, `${lp}.value`, `value of lot "${name}"`, false);
    if (lotValue !== undefined && le?.valueSource !== "computed") lot.statedValue = lotValue;
    const lotPeriod = r.period(raw.contractPeriod, `${lp}.contractPeriod`, `lot "${name}" contract`);
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
          `this item belongs to lot "${String(item.relatedLot)}", which tender.lots does not list`,
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
        `lot "${tender.lots[index].name}" has more than one day-rate item; Tender Budget holds one day rate and one number of days per lot`,
      );
      return;
    }
    seenItemFor.add(index);
    const itemErrorsBefore = r.errors.length;
    const lot = tender.lots[index];
    const le = lotExt[index];
    const unit = item.unit as Json;
    const rate = r.value(unit.value, `${ip}.unit.value`, `day rate of lot "${lot.name}"`, true);
    const rateSource = le?.dayRateSource;
    if (rate !== undefined && (rateSource === undefined || rateSource === "lot")) lot.dayRate = rate;
    // Days Tender Budget worked out are not the tender's: they are worked out again on reading.
    if (item.quantity !== undefined && item.quantity !== null && le?.daysSource !== "inferred") {
      const parsed = typeof item.quantity === "number" ? parseDays(item.quantity) : undefined;
      if (parsed === undefined || !parsed.ok) {
        r.fail(
          `${ip}.quantity`,
          `the days of lot "${lot.name}" must be a number of days, 0 or more` +
            (parsed !== undefined && !parsed.ok
              ? ` (${parsed.error})`
              : `, not ${JSON.stringify(item.quantity)}`),
        );
      } else {
        lot.days = parsed.value;
      }
    }
    if (r.errors.length > itemErrorsBefore) lotsWithErrors.add(index);
  });

  // What every tender needs: distinct lot names, and each lot's value or days.
  const seenNames = new Map<string, number>();
  tender.lots.forEach((lot, i) => {
    const lp = wholeContract ? `${tp}.value` : `${tp}.lots[${i}]`;
    const key = lot.name.trim().toLowerCase().replace(/\s+/g, " ");
    const first = seenNames.get(key);
    if (first !== undefined) {
      r.fail(
        `${lp}.title`,
        `two lots are called "${lot.name.trim()}" (also ${tp}.lots[${first}]); give each lot its own title`,
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
          : `lot "${lot.name}" has neither a value nor days of work; give the lot a value, or a day-rate item (unit DAY) with a quantity`,
      );
    }
  });

  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, value: tender };
}
