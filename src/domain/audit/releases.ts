/**
 * What a bulk download holds, release by release: a release, a release package (many processes),
 * a record package or a record, or a JSON array of any of these. Each release is cut down to the
 * fields the audit reads (`slimRelease`), so a large download's processes can be held until every
 * release of each has been read.
 */

import { isObject, type Json } from "./merge";

/** Where a release came from, for a package's link when the release gives none. */
export interface ReleaseContext {
  /** The package's `uri` (Contracts Finder and Find a Tender give the notice's address). */
  packageUri?: string;
}

/** True when a record's releases are whole releases (not only linked: url, date, tag). */
function holdsWholeReleases(releases: unknown[]): boolean {
  return releases.some(
    (r) => isObject(r) && Object.keys(r).some((k) => !["url", "date", "tag", "id"].includes(k)),
  );
}

/** The releases of one record: its own when whole, else its compiled release. */
export function releasesOfRecord(record: Json): Json[] {
  const own = Array.isArray(record.releases) ? record.releases : [];
  if (own.length > 0 && holdsWholeReleases(own)) {
    return own
      .filter(isObject)
      .map((r) =>
        r.ocid === undefined && typeof record.ocid === "string" ? { ...r, ocid: record.ocid } : r,
      );
  }
  if (isObject(record.compiledRelease)) return [record.compiledRelease];
  return [];
}

export type Unpacked =
  { ok: true; releases: { release: Json; context: ReleaseContext }[] } | { ok: false; error: string };

/** The releases held by one parsed JSON value (a line of JSON Lines, or a whole file). */
export function releasesOf(json: unknown, context: ReleaseContext = {}): Unpacked {
  const out: { release: Json; context: ReleaseContext }[] = [];
  const visit = (v: unknown, ctx: ReleaseContext, depth: number): string | undefined => {
    if (Array.isArray(v)) {
      if (depth > 0) return "a list inside a list is not an OCDS release or package";
      for (const item of v) {
        const problem = visit(item, ctx, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    }
    if (!isObject(v)) return `${JSON.stringify(v).slice(0, 40)} is not an OCDS release or package`;
    const own = typeof v.uri === "string" ? { packageUri: v.uri } : ctx;
    if (Array.isArray(v.records)) {
      for (const record of v.records) {
        if (isObject(record))
          for (const r of releasesOfRecord(record)) out.push({ release: r, context: own });
      }
      return undefined;
    }
    if (typeof v.ocid === "string" && (Array.isArray(v.releases) || isObject(v.compiledRelease))) {
      for (const r of releasesOfRecord(v)) out.push({ release: r, context: ctx });
      return undefined;
    }
    if (Array.isArray(v.releases)) {
      for (const r of v.releases) if (isObject(r)) out.push({ release: r, context: own });
      return undefined;
    }
    if (typeof v.ocid === "string" || isObject(v.tender)) {
      out.push({ release: v, context: ctx });
      return undefined;
    }
    return "this JSON is neither an OCDS release (ocid, tender) nor a release or record package (releases, records)";
  };
  const problem = visit(json, context, 0);
  return problem ? { ok: false, error: problem } : { ok: true, releases: out };
}

function pick(from: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

const VALUE_KEYS = ["amount", "amountGross", "currency"] as const;

function value(v: unknown): unknown {
  return isObject(v) ? pick(v, VALUE_KEYS) : v;
}

function isDayUnit(unit: unknown): boolean {
  if (!isObject(unit)) return false;
  if (typeof unit.id === "string" && unit.id.toUpperCase() === "DAY") return true;
  return typeof unit.name === "string" && /day/i.test(unit.name);
}

/** The notice's own page, when the release links one (a document of type tenderNotice). */
function noticeUrl(tender: Json): string | undefined {
  const docs = Array.isArray(tender.documents) ? tender.documents : [];
  for (const d of docs) {
    if (
      isObject(d) &&
      d.documentType === "tenderNotice" &&
      typeof d.url === "string" &&
      /^https?:\/\//i.test(d.url)
    ) {
      return d.url;
    }
  }
  return undefined;
}

/**
 * A release cut down to what the audit reads: ocid, id, date; the buyer and the parties that
 * could name it; the tender's title, value, dates, lots, day-rate items and our own fields; the
 * awards' values. A field set to `null` stays `null` (in OCDS merging it removes the field).
 */
export function slimRelease(release: Json, context: ReleaseContext = {}): Json {
  const slim = pick(release, ["ocid", "id", "date", "buyer"]);
  // The parties only name the buyer when `buyer` has no name of its own.
  const named =
    isObject(release.buyer) && typeof release.buyer.name === "string" && release.buyer.name.trim() !== "";
  if (Array.isArray(release.parties) && !named) {
    const buyerId = isObject(release.buyer) ? release.buyer.id : undefined;
    slim.parties = release.parties
      .filter(
        (p) =>
          isObject(p) &&
          ((buyerId !== undefined && p.id === buyerId) ||
            (Array.isArray(p.roles) && (p.roles.includes("buyer") || p.roles.includes("procuringEntity")))),
      )
      .map((p) => pick(p as Json, ["id", "name", "roles"]));
  } else if (release.parties === null && !named) slim.parties = null;
  const t = release.tender;
  if (isObject(t)) {
    const tender = pick(t, [
      "id",
      "title",
      "tenderPeriod",
      "contractPeriod",
      "awardPeriod",
      "procuringEntity",
      "tenderBudget",
      "status",
      // What the procurement rules classify a process by (contract type, procedure).
      "mainProcurementCategory",
      "procurementMethod",
      "procurementMethodDetails",
    ]);
    if (t.value !== undefined) tender.value = value(t.value);
    if (Array.isArray(t.lots)) {
      tender.lots = t.lots.map((lot) => {
        if (!isObject(lot)) return lot;
        const out = pick(lot, ["id", "title", "contractPeriod", "status", "tenderBudget"]);
        if (out.title === undefined && typeof lot.description === "string")
          out.description = lot.description.slice(0, 200);
        if (lot.value !== undefined) out.value = value(lot.value);
        return out;
      });
    } else if (t.lots !== undefined) tender.lots = t.lots;
    if (Array.isArray(t.items)) {
      const days = t.items.filter((item) => isObject(item) && isDayUnit(item.unit));
      if (days.length > 0) {
        tender.items = days.map((item) => {
          const out = pick(item as Json, ["id", "quantity", "relatedLot"]);
          const unit = (item as Json).unit as Json;
          out.unit = pick(unit, ["scheme", "id", "name"]);
          if (unit.value !== undefined) (out.unit as Json).value = value(unit.value);
          return out;
        });
      }
    }
    const url = noticeUrl(t);
    if (url !== undefined) slim.url = url;
    slim.tender = tender;
  } else if (t === null) slim.tender = null;
  if (Array.isArray(release.awards)) {
    slim.awards = release.awards.map((a) => {
      if (!isObject(a)) return a;
      const out = pick(a, ["id", "status", "date", "relatedLots"]);
      if (a.value !== undefined) out.value = value(a.value);
      return out;
    });
  }
  if (
    slim.url === undefined &&
    context.packageUri !== undefined &&
    /^https?:\/\//i.test(context.packageUri)
  ) {
    slim.packageUri = context.packageUri;
  }
  return slim;
}
