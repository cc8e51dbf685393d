/**
 * The audit of a bulk download: releases go in as they are read (in any order, any number of
 * processes), each cut down to what the audit reads; at the end each process's releases are
 * compiled and checked, and the rows come out sorted by the size of the difference.
 */

import { penceToPounds } from "../core/money";
import type { Finding, IsoDate, Tolerance } from "../core/types";
import { csvTextField, poundsField, CSV_BOM } from "../formats/csv-export";
import {
  auditProcess,
  AUDIT_STATUSES,
  type AuditCheckOptions,
  type AuditRow,
  type AuditStatus,
} from "./check";
import { compileReleases, type Json } from "./merge";
import { slimRelease, type ReleaseContext } from "./releases";

export interface AuditFilters {
  /** Keep processes whose buyer's name contains this text (any case). */
  buyer?: string;
  /** Keep processes first published on or after this date. */
  from?: IsoDate;
  /** ... and on or before this date. */
  to?: IsoDate;
}

export interface AuditOptions {
  tolerance?: Tolerance;
  filters?: AuditFilters;
}

export interface AuditSummary {
  /** Releases read. */
  releases: number;
  /** Contracting processes audited (after the filters). */
  tenders: number;
  /** Processes left out by --buyer, --from and --to. */
  leftOut: number;
  statuses: Record<AuditStatus, number>;
  /** Processes with an AWARD_ABOVE_ESTIMATE finding. */
  awardAboveEstimate: number;
  /** Parts of the input that could not be read (a broken line, a cut-off file). */
  unreadable: number;
}

export interface AuditResult {
  summary: AuditSummary;
  /** Sorted: the largest difference first, then processes without one, then what could not be read. */
  rows: AuditRow[];
}

/** Text of one release's slim form, as stored until the end of the input. */
export type SlimText = string;

/** The ocid and slim text of a release, or why it cannot be audited. */
export function prepareRelease(
  release: Json,
  context: ReleaseContext,
): { ok: true; ocid: string; slim: SlimText } | { ok: false; error: string } {
  if (typeof release.ocid !== "string" || release.ocid.trim() === "") {
    const id = typeof release.id === "string" ? ` (release id ${release.id})` : "";
    return {
      ok: false,
      error: `a release without an ocid${id}; every OCDS release names its contracting process`,
    };
  }
  return { ok: true, ocid: release.ocid, slim: JSON.stringify(slimRelease(release, context)) };
}

/** Collects releases as they are read; `finish` compiles and checks them. */
export class AuditCollector {
  private processes = new Map<string, SlimText[]>();
  /** Parts of the input that could not be read, in the order met. */
  protected readonly problems: string[] = [];
  /** Releases taken in. */
  releases = 0;

  /** Add a release (whole, as published). */
  addRelease(release: Json, context: ReleaseContext, where: string): void {
    const prepared = prepareRelease(release, context);
    if (prepared.ok) this.addSlim(prepared.ocid, prepared.slim);
    else this.addProblem(`${where}: ${prepared.error}`);
  }

  /** Add a release already cut down by `prepareRelease` (in a worker, say). */
  addSlim(ocid: string, slim: SlimText): void {
    this.releases++;
    const list = this.processes.get(ocid);
    if (list === undefined) this.processes.set(ocid, [slim]);
    else list.push(slim);
  }

  /** A part of the input that could not be read: "audit.jsonl line 7: not JSON (…)". */
  addProblem(reason: string): void {
    this.problems.push(reason);
  }

  get processCount(): number {
    return this.processes.size;
  }

  /** Hand over every process's releases (ocid → slim texts), emptying the collector of them. */
  takeProcesses(): Map<string, SlimText[]> {
    const taken = this.processes;
    this.processes = new Map();
    return taken;
  }

  /** Compile and check every process here (see `auditSlims`), then `finishChecked`. */
  finish(options: AuditOptions = {}): AuditResult {
    const rows: AuditRow[] = [];
    const check = options.tolerance ? { tolerance: options.tolerance } : {};
    const processes = this.takeProcesses();
    for (const slims of processes.values()) rows.push(auditSlims(slims, check));
    processes.clear();
    return this.finishChecked(rows, options);
  }

  /**
   * The audit from rows already checked (elsewhere, say on worker threads): the filters applied,
   * sorted by the size of the difference, the summary counted, what could not be read at the end.
   */
  finishChecked(checked: readonly AuditRow[], options: AuditOptions = {}): AuditResult {
    const keep = rowFilter(options.filters);
    const rows: AuditRow[] = [];
    let leftOut = 0;
    for (const row of checked) {
      if (keep(row)) rows.push(row);
      else leftOut++;
    }
    rows.sort(byDifference);
    const statuses = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as Record<AuditStatus, number>;
    for (const row of rows) statuses[row.status]++;
    const summary: AuditSummary = {
      releases: this.releases,
      tenders: rows.length,
      leftOut,
      statuses,
      awardAboveEstimate: rows.filter((r) => r.findings.some((f) => f.code === "AWARD_ABOVE_ESTIMATE"))
        .length,
      unreadable: this.problems.length,
    };
    for (const reason of this.problems) rows.push(problemRow(reason));
    this.problems.length = 0;
    return { summary, rows };
  }
}

/** The row of a part of the input that could not be read. */
export function problemRow(reason: string): AuditRow {
  return {
    ocid: null,
    title: "",
    buyer: "",
    publishedDate: null,
    status: "not-checkable",
    reason,
    findings: [],
    releases: 0,
  };
}

/** --buyer, --from and --to as a test of a row: true when the row is kept. */
export function rowFilter(filters: AuditFilters = {}): (row: AuditRow) => boolean {
  const buyer = filters.buyer?.trim().toLowerCase();
  return (row) => {
    const date = row.publishedDate;
    return !(
      (buyer !== undefined && buyer !== "" && !row.buyer.toLowerCase().includes(buyer)) ||
      (filters.from !== undefined && (date === null || date < filters.from)) ||
      (filters.to !== undefined && (date === null || date > filters.to))
    );
  };
}

/** Compile one process's releases (slim texts, in the order read) and check it. */
export function auditSlims(slims: readonly SlimText[], options: AuditCheckOptions = {}): AuditRow {
  return auditProcess(
    compileReleases(
      slims.map((s) => JSON.parse(s) as Json),
      { owned: true },
    ),
    options,
  );
}

/** The sort key of a row: the size of its difference, or -1 when it has none. */
export const differenceKey = (row: AuditRow): number =>
  row.difference === undefined ? -1 : Math.abs(row.difference);

/** The same order as String.prototype.localeCompare with no locale given, made once. */
const collator = new Intl.Collator();

/** Sort keys in audit order: the larger difference first, then by ocid. */
export function byKey(da: number, oa: string, db: number, ob: string): number {
  return da !== db ? db - da : collator.compare(oa, ob);
}

/** The largest difference (either way) first; then processes without one; ties by ocid. */
export function byDifference(a: AuditRow, b: AuditRow): number {
  return byKey(differenceKey(a), a.ocid ?? "", differenceKey(b), b.ocid ?? "");
}

type Money = number | null;

/** A row as the command line's --json gives it: money in pounds, absent values null. */
export interface AuditRowJson {
  ocid: string | null;
  title: string;
  buyer: string;
  publishedDate: IsoDate | null;
  statedTotal: Money;
  lotsTotal: Money;
  difference: Money;
  differencePercent: number | null;
  awardedTotal: Money;
  status: AuditStatus;
  reason: string | null;
  findings: Finding[];
  url: string | null;
}

const pounds = (p: number | undefined): Money => (p === undefined ? null : penceToPounds(p));

export function auditRowToJson(row: AuditRow): AuditRowJson {
  return {
    ocid: row.ocid,
    title: row.title,
    buyer: row.buyer,
    publishedDate: row.publishedDate,
    statedTotal: pounds(row.statedTotal),
    lotsTotal: pounds(row.lotsTotal),
    difference: pounds(row.difference),
    differencePercent: row.differencePercent ?? null,
    awardedTotal: pounds(row.awardedTotal),
    status: row.status,
    reason: row.reason ?? null,
    findings: row.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      path: f.path,
    })),
    url: row.url ?? null,
  };
}

/** The columns of the audit's CSV and Excel table, in order. */
export const AUDIT_COLUMNS = [
  "OCID",
  "Title",
  "Buyer",
  "Published",
  "Stated total",
  "Lots total",
  "Difference",
  "Difference %",
  "Awarded total",
  "Status",
  "Reason",
  "Findings",
  "Notice",
] as const;

/** The findings of a row as one cell: "AWARD_ABOVE_ESTIMATE (warning): Awarded …; …". */
export function findingsText(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.code} (${f.severity}): ${f.message}`).join("; ");
}

/** The row's cells in the order of AUDIT_COLUMNS: text, pence, a percentage or a date. */
export function auditRowCells(row: AuditRow): (string | number | undefined)[] {
  return [
    row.ocid ?? "",
    row.title,
    row.buyer,
    row.publishedDate ?? undefined,
    row.statedTotal,
    row.lotsTotal,
    row.difference,
    row.differencePercent,
    row.awardedTotal,
    row.status,
    row.reason ?? "",
    findingsText(row.findings),
    row.url ?? "",
  ];
}

const MONEY_COLUMNS = new Set([4, 5, 6, 8]);

/** The CSV header line (with the byte order mark Excel needs to read UTF-8). */
export function auditCsvHeader(): string {
  return CSV_BOM + AUDIT_COLUMNS.map(csvTextField).join(",") + "\r\n";
}

/** One row as a CSV line: pounds with two decimals, dates YYYY-MM-DD, text neutralised for spreadsheets. */
export function auditCsvLine(row: AuditRow): string {
  return (
    auditRowCells(row)
      .map((cell, i) =>
        cell === undefined
          ? ""
          : MONEY_COLUMNS.has(i)
            ? poundsField(cell as number)
            : typeof cell === "number"
              ? String(cell)
              : csvTextField(cell),
      )
      .join(",") + "\r\n"
  );
}
