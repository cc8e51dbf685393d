/**
 * One contracting process of a bulk download, checked by the engine: the stated total against
 * the lots, each lot against its day-rate items (day rate × days), and what was awarded against
 * what was advertised. The outcome is a row of the audit with a status:
 *
 * - `reconciles`: the lots add up to the stated total exactly;
 * - `rounded`: the stated total is the lots' total rounded to the precision it is written to;
 * - `within-tolerance`: they differ, by no more than the tolerance;
 * - `mismatch`: they differ by more, or a lot's value is not its day rate × days;
 * - `not-checkable`: the notice does not give what the check needs (`reason` says what).
 */

import { allocate } from "../check/allocation";
import { rulesInput } from "../check/check";
import { reconcile } from "../check/reconcile";
import { formatMoney, poundsToPence, roundHalfAwayFromZero } from "../core/money";
import type { Finding, IsoDate, Pence, Tender, Tolerance } from "../core/types";
import { ocdsDateTimeToIso, ocdsToTender } from "../formats/ocds";
import { assessRules } from "../rules/assess";
import { rulesFindings } from "../rules/findings";
import { isObject, type Compiled, type Json } from "./merge";

export type AuditStatus = "reconciles" | "rounded" | "within-tolerance" | "mismatch" | "not-checkable";

export const AUDIT_STATUSES: readonly AuditStatus[] = [
  "mismatch",
  "within-tolerance",
  "rounded",
  "reconciles",
  "not-checkable",
];

/** One row of the audit: a contracting process, or a part of the input that could not be read. */
export interface AuditRow {
  /** Null for a part of the input that could not be read (then `reason` names the file and line). */
  ocid: string | null;
  title: string;
  buyer: string;
  /** The UK date of the process's first release. */
  publishedDate: IsoDate | null;
  statedTotal?: Pence;
  lotsTotal?: Pence;
  /** lotsTotal − statedTotal. */
  difference?: Pence;
  /** The difference in percent of the stated total, to 2 decimal places. */
  differencePercent?: number;
  awardedTotal?: Pence;
  status: AuditStatus;
  /** Why the process cannot be checked (only when `not-checkable`). */
  reason?: string;
  findings: Finding[];
  /** The notice: its own page when the release links it, else the package's address. */
  url?: string;
  /** How many releases were compiled. */
  releases: number;
}

export interface AuditCheckOptions {
  tolerance?: Tolerance;
}

/** A Value {amount, amountGross, currency} in pence; undefined parts are absent or not GBP numbers. */
interface Money {
  net?: Pence;
  gross?: Pence;
  currency?: string;
}

function pence(v: unknown): Pence | undefined {
  if (typeof v !== "number" || !Number.isFinite(v) || Math.abs(v) > 9e13) return undefined;
  return poundsToPence(v);
}

function moneyOf(v: unknown): Money {
  if (!isObject(v)) return {};
  const currency = typeof v.currency === "string" ? v.currency : undefined;
  if (currency !== undefined && currency !== "GBP") return { currency };
  const out: Money = {};
  const net = pence(v.amount);
  const gross = pence(v.amountGross);
  if (net !== undefined) out.net = net;
  if (gross !== undefined) out.gross = gross;
  return out;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);

/** The buyer's name: `buyer`, the party it points to, a party with the buyer's role, the procuring entity. */
export function buyerOf(release: Json): string {
  const buyer = isObject(release.buyer) ? release.buyer : undefined;
  if (buyer && text(buyer.name)) return buyer.name as string;
  const parties = Array.isArray(release.parties) ? release.parties.filter(isObject) : [];
  const byId = buyer?.id !== undefined ? parties.find((p) => p.id === buyer.id && text(p.name)) : undefined;
  if (byId) return byId.name as string;
  for (const role of ["buyer", "procuringEntity"]) {
    const p = parties.find((x) => Array.isArray(x.roles) && x.roles.includes(role) && text(x.name));
    if (p) return p.name as string;
  }
  const t = release.tender;
  if (isObject(t) && isObject(t.procuringEntity) && text(t.procuringEntity.name)) {
    return t.procuringEntity.name as string;
  }
  return "";
}

/** The engine's path for a field of the tender model, as the OCDS field of the notice. */
function ocdsPath(path: string): string {
  const lot = /^lots\[(\d+)\]\.(\w+)$/.exec(path);
  if (lot) {
    const field: Record<string, string> = {
      statedValue: "value",
      startDate: "contractPeriod.startDate",
      endDate: "contractPeriod.endDate",
    };
    return `tender.lots[${lot[1]}]${field[lot[2]] ? "." + field[lot[2]] : ""}`;
  }
  const fields: Record<string, string> = {
    statedTotal: "tender.value",
    closingDate: "tender.tenderPeriod.endDate",
    startDate: "tender.contractPeriod.startDate",
    endDate: "tender.contractPeriod.endDate",
    dayRate: "tender.items",
  };
  return fields[path] ?? path;
}

const percentOf = (diff: Pence, of: Pence): number =>
  of === 0 ? (diff === 0 ? 0 : 100) : roundHalfAwayFromZero((diff / of) * 100, 2);

/** Awards that count: every one not cancelled or unsuccessful. */
function awarded(release: Json): Money | undefined {
  const awards = Array.isArray(release.awards) ? release.awards.filter(isObject) : [];
  let net: Pence | undefined;
  let gross: Pence | undefined;
  let any = false;
  for (const a of awards) {
    if (a.status === "cancelled" || a.status === "unsuccessful") continue;
    const m = moneyOf(a.value);
    if (m.net !== undefined) net = (net ?? 0) + m.net;
    if (m.gross !== undefined) gross = (gross ?? 0) + m.gross;
    any ||= m.net !== undefined || m.gross !== undefined;
  }
  if (!any) return undefined;
  return { ...(net !== undefined ? { net } : {}), ...(gross !== undefined ? { gross } : {}) };
}

function awardFinding(advertised: Money, award: Money | undefined): Finding | undefined {
  if (award === undefined) return undefined;
  // Like with like: ex VAT with ex VAT, else including VAT with including VAT.
  const pair: [Pence, Pence, string] | undefined =
    advertised.net !== undefined && award.net !== undefined
      ? [advertised.net, award.net, ""]
      : advertised.gross !== undefined && award.gross !== undefined
        ? [advertised.gross, award.gross, " (both including VAT)"]
        : undefined;
  if (pair === undefined) return undefined;
  const [estimate, value, vat] = pair;
  if (value <= estimate) return undefined;
  const over = value - estimate;
  const percent = estimate === 0 ? undefined : percentOf(over, estimate);
  return {
    code: "AWARD_ABOVE_ESTIMATE",
    severity: "warning",
    path: "awards",
    message:
      `Awarded ${formatMoney(value)}, ${formatMoney(over)} ` +
      (percent === undefined ? "" : `(${percent.toFixed(2)}%) `) +
      `above the advertised ${formatMoney(estimate)}${vat}.`,
  };
}

/** Findings the audit leaves out: a day rate inferred from the lot values, and what follows from it. */
function fromInferredRate(f: Finding, inferredDays: ReadonlySet<number>): boolean {
  if (f.code === "RATE_INFERRED") return true;
  if (f.code === "NO_PLAUSIBLE_RATE" && f.path === "dayRate") return true;
  const lot = /^lots\[(\d+)\]/.exec(f.path);
  return (
    lot !== null && (f.code === "CAPACITY" || f.code === "DAYS_NOT_WHOLE") && inferredDays.has(Number(lot[1]))
  );
}

function listNames(names: readonly string[]): string {
  const quoted = names.slice(0, 3).map((n) => `"${n}"`);
  const more = names.length > 3 ? ` and ${names.length - 3} more` : "";
  return quoted.length === 1
    ? quoted[0]
    : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}${more}`;
}

/**
 * The procurement rules' findings (ABOVE_THRESHOLD, NEAR_THRESHOLD, TENDERING_PERIOD_SHORT,
 * STANDSTILL_NOT_OVER, DATE_ORDER; docs/rules.md) for a process the rules can classify: its
 * buyer type (Tender Budget's tenderBudget.buyerType; the core standard has no field for it) and
 * contract type (mainProcurementCategory) are known. The published date is the tender period's
 * start, else the process's first release; the procedure comes from procurementMethod(Details).
 */
function ruleFindings(
  t: Json,
  tender: Tender,
  lotsTotal: Pence,
  firstPublished: IsoDate | undefined,
): Finding[] {
  const classified: Tender = { ...tender };
  // Tender Budget's own notices give the exact contract type in tenderBudget; others, the main category.
  if (classified.contractType === undefined) {
    const category = t.mainProcurementCategory;
    if (category === "goods") classified.contractType = "supplies";
    else if (category === "works" || category === "services") classified.contractType = category;
  }
  if (classified.buyerType === undefined || classified.contractType === undefined) return [];
  if (classified.publishedDate === undefined && firstPublished !== undefined)
    classified.publishedDate = firstPublished;
  const input = rulesInput(classified, lotsTotal);
  const fromRelease = tender.publishedDate === undefined;
  return rulesFindings(input, assessRules(input)).map((f) => ({
    ...f,
    path:
      f.path === "publishedDate"
        ? fromRelease
          ? "date"
          : "tender.tenderPeriod.startDate"
        : ocdsPath(f.path),
  }));
}

/** Check one compiled contracting process. */
export function auditProcess(compiled: Compiled, options: AuditCheckOptions = {}): AuditRow {
  const rel = compiled.release;
  const t = isObject(rel.tender) ? rel.tender : undefined;
  const findings: Finding[] = [];
  const published = compiled.firstDate === undefined ? undefined : ocdsDateTimeToIso(compiled.firstDate);
  const url = text(rel.url) ?? text(rel.packageUri);
  const row: AuditRow = {
    ocid: typeof rel.ocid === "string" ? rel.ocid : null,
    title: (t && text(t.title)) ?? "",
    buyer: buyerOf(rel),
    publishedDate: published ?? null,
    status: "not-checkable",
    findings,
    releases: compiled.releases,
    ...(url !== undefined ? { url } : {}),
  };
  const advertised = moneyOf(t?.value);
  if (advertised.net !== undefined) row.statedTotal = advertised.net;
  const award = awarded(rel);
  if (award?.net !== undefined) row.awardedTotal = award.net;
  else if (award?.gross !== undefined && advertised.net === undefined) row.awardedTotal = award.gross;

  const done = (reason: string | undefined): AuditRow => {
    const above = awardFinding(advertised, award);
    if (above) findings.push(above);
    for (const tie of compiled.ties) {
      findings.push({
        code: "RELEASES_SAME_DATE",
        severity: "info",
        path: "releases",
        message: `Releases ${tie.releaseIds.join(", ")} share the date ${tie.date}; as read, ${tie.releaseIds[tie.releaseIds.length - 1]} was merged last, so its fields were used.`,
      });
    }
    if (reason !== undefined) {
      row.status = "not-checkable";
      row.reason = reason;
    }
    return row;
  };

  if (t === undefined)
    return done("the process has no tender section, so there is no advertised value to check");
  if (advertised.currency !== undefined) {
    return done(
      `the tender value is in ${advertised.currency}; the audit checks amounts in pounds sterling (GBP)`,
    );
  }
  if (advertised.net === undefined) {
    return done(
      advertised.gross !== undefined
        ? `the notice gives its value only including VAT (amountGross ${formatMoney(advertised.gross)}); the lots are compared with the value ex VAT`
        : "the notice states no total value (tender.value)",
    );
  }
  const lots = Array.isArray(t.lots) ? t.lots.filter(isObject) : [];
  const dayItems = Array.isArray(t.items) && t.items.length > 0;
  if (lots.length === 0 && !dayItems) {
    return done("the notice has no lots or day-rate items to add up against its value");
  }
  const grossOnly = lots.filter((l) => {
    const m = moneyOf(l.value);
    return m.net === undefined && m.gross !== undefined;
  });
  if (grossOnly.length > 0) {
    const names = grossOnly.map((l) => text(l.title) ?? `Lot ${String(l.id)}`);
    return done(
      `the value of ${listNames(names)} is given only including VAT (amountGross), the total ex VAT`,
    );
  }

  const read = ocdsToTender(rel, { allowUnvalued: true });
  if (!read.ok) {
    const e = read.errors[0];
    const more = read.errors.length > 1 ? ` (and ${read.errors.length - 1} more problems)` : "";
    return done(`${e.path}: ${e.message}${more}`);
  }
  const tender = read.value;
  const allocation = allocate(tender);
  const unvalued = allocation.lines.filter((l) => l.value === undefined).map((l) => l.lot);
  if (unvalued.length > 0) {
    return done(
      `${unvalued.length === 1 ? "lot" : "lots"} ${listNames(unvalued)} ${unvalued.length === 1 ? "has" : "have"} no value or days, so the lots cannot be added up`,
    );
  }
  const tolerance = options.tolerance;
  const checked = reconcile(tender, allocation, tolerance ? { tolerance } : {});
  // The total is checked against the lots' own values: where a lot states a value and also day
  // rate × days, the lot is checked against its items (LOT_VALUE_MISMATCH) and its stated value
  // counts towards the total.
  const both = allocation.lines.some((l) => l.valueSource === "computed" && l.statedValue !== undefined);
  let totalFindings = checked.filter((f) => f.path === "statedTotal");
  let lotsTotal = allocation.total;
  if (both) {
    const byValue: Tender = {
      ...tender,
      lots: tender.lots.map((l) =>
        l.statedValue === undefined
          ? l
          : { name: l.name, statedValue: l.statedValue, startDate: l.startDate, endDate: l.endDate },
      ),
    };
    const valuesOnly = allocate(byValue);
    lotsTotal = valuesOnly.total;
    totalFindings = reconcile(byValue, valuesOnly, tolerance ? { tolerance } : {}).filter(
      (f) => f.path === "statedTotal",
    );
  }
  const inferredDays = new Set(
    allocation.lines.filter((l) => l.daysSource === "inferred").map((l) => l.index),
  );
  const kept = [...totalFindings, ...checked.filter((f) => f.path !== "statedTotal")].filter(
    (f) => !fromInferredRate(f, inferredDays),
  );
  for (const f of kept) findings.push({ ...f, path: ocdsPath(f.path) });
  findings.push(...ruleFindings(t, tender, lotsTotal, published));

  const stated = advertised.net;
  row.lotsTotal = lotsTotal;
  row.difference = lotsTotal - stated;
  row.differencePercent = percentOf(lotsTotal - stated, stated);
  const total = totalFindings.find((f) => f.code === "TOTAL_MISMATCH" || f.code === "TOTAL_ROUNDED");
  if (total === undefined) row.status = "reconciles";
  else if (total.code === "TOTAL_ROUNDED") row.status = "rounded";
  else row.status = total.severity === "error" ? "mismatch" : "within-tolerance";
  if (kept.some((f) => f.code === "LOT_VALUE_MISMATCH" && f.severity === "error")) row.status = "mismatch";
  return done(undefined);
}
