/**
 * What the Audit view shows of an audit, in words: the summary line, each tender's status and
 * figures, and the rows in the order and with the filter the user chose. Pure: tested without React.
 */
import { byDifference, differenceKey, type AuditRow, type AuditSummary } from "../../domain/audit";
import { formatMoney } from "../../domain/core/money";

export type AuditOrder = "largest" | "smallest" | "title";

export const AUDIT_ORDERS: readonly { id: AuditOrder; label: string }[] = [
  { id: "largest", label: "Largest difference first" },
  { id: "smallest", label: "Smallest difference first" },
  { id: "title", label: "Title (A to Z)" },
];

export const STATUS_LABELS: Record<AuditRow["status"], string> = {
  mismatch: "Mismatch",
  "within-tolerance": "Within tolerance",
  rounded: "Rounded",
  reconciles: "Reconciles",
  "not-checkable": "Not checkable",
};

export const STATUS_COLOURS: Record<AuditRow["status"], "danger" | "warning" | "success" | "informative"> = {
  mismatch: "danger",
  "within-tolerance": "warning",
  rounded: "success",
  reconciles: "success",
  "not-checkable": "informative",
};

const collator = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });

/** A part of the file that could not be read: no process behind it. */
export const isProblemRow = (row: AuditRow): boolean => row.ocid === null;

/** The rows to list: only mismatches when asked, in the chosen order; unreadable parts always last. */
export function visibleRows(
  rows: readonly AuditRow[],
  options: { order: AuditOrder; onlyMismatches: boolean },
): AuditRow[] {
  const kept = options.onlyMismatches ? rows.filter((r) => r.status === "mismatch") : [...rows];
  const tenders = kept.filter((r) => !isProblemRow(r));
  const problems = kept.filter(isProblemRow);
  if (options.order === "largest") tenders.sort(byDifference);
  else if (options.order === "smallest") {
    tenders.sort((a, b) => {
      const da = differenceKey(a);
      const db = differenceKey(b);
      // Tenders without a difference stay after those with one.
      if (da < 0 !== db < 0) return da < 0 ? 1 : -1;
      return da !== db ? da - db : collator.compare(a.ocid ?? "", b.ocid ?? "");
    });
  } else {
    tenders.sort((a, b) => collator.compare(a.title || a.ocid || "", b.title || b.ocid || ""));
  }
  return [...tenders, ...problems];
}

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** "12 tenders from 15 releases: 2 mismatches, 1 within tolerance, … ." and what else to know. */
export function summarySentence(summary: AuditSummary): string {
  const s = summary.statuses;
  const parts = [
    count(s.mismatch, "mismatch", "mismatches"),
    `${s["within-tolerance"].toLocaleString("en-GB")} within tolerance`,
    `${s.rounded.toLocaleString("en-GB")} rounded`,
    count(s.reconciles, "reconciles", "reconcile"),
    `${s["not-checkable"].toLocaleString("en-GB")} not checkable`,
  ];
  let text = `${count(summary.tenders, "tender", "tenders")} from ${count(summary.releases, "release", "releases")}: ${parts.join(", ")}.`;
  if (summary.awardAboveEstimate > 0)
    text += ` ${count(summary.awardAboveEstimate, "tender was", "tenders were")} awarded above the advertised value.`;
  if (summary.unreadable > 0)
    text += ` ${count(summary.unreadable, "part", "parts")} of the file could not be read.`;
  return text;
}

const money = (p: number | undefined) => (p === undefined ? "not given" : formatMoney(p));

/** A tender's figures on one line: "Stated £346,000.00 · Lots £346,560.00". */
export function statedAndLots(row: AuditRow): string {
  return `Stated ${money(row.statedTotal)} · Lots ${money(row.lotsTotal)}`;
}

/** "Difference +£560.00 (0.16%)", or undefined when the lots could not be added up. */
export function differenceText(row: AuditRow): string | undefined {
  if (row.difference === undefined) return undefined;
  const percent = row.differencePercent === undefined ? "" : ` (${row.differencePercent.toFixed(2)}%)`;
  return `Difference ${formatMoney(row.difference, { signed: true })}${percent}`;
}
