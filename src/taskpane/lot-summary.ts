/**
 * One line that stands for a lot in Review while its boxes are folded away: "Barnet · 112 days ×
 * £960 = £107,520", from the allocation when the tender checks, else from what is typed; and the
 * mark it carries when something about the lot needs looking at ("1 warning").
 */
import type { Finding } from "../domain/core/types";
import { parseMoney } from "../domain/core/money";
import type { LotDraft } from "./draft";
import { formatNumber } from "./en-gb";
import { money, type AllocationLine } from "./view";

/** The lot's name, or "Lot 3" while it has none. */
export function lotTitle(lot: LotDraft, index: number): string {
  return lot.name.trim() || `Lot ${index + 1}`;
}

const days = (n: number) => `${formatNumber(n)} ${n === 1 ? "day" : "days"}`;

/** A typed amount as money, or undefined while it is not one. */
function typedMoney(text: string): string | undefined {
  if (text.trim() === "") return undefined;
  const read = parseMoney(text);
  return read.ok ? money(read.value.pence) : undefined;
}

/**
 * The lot in one line: its days, rate and value as the allocation has them (the rate used may be
 * the tender's default or the one inferred), or, before the tender checks, the figures typed.
 *
 * @example
 * lotSummary(barnet, 0, { lot: "Barnet", dayRate: 96000, days: 112, value: 10752000, share: 0.31 });
 * // → "Barnet · 112 days × £960 = £107,520"
 */
export function lotSummary(lot: LotDraft, index: number, line?: AllocationLine): string {
  const title = lotTitle(lot, index);
  if (line) {
    const { days: n, dayRate, value } = line;
    if (n !== undefined && dayRate !== undefined && value !== undefined)
      return `${title} · ${days(n)} × ${money(dayRate)} = ${money(value)}`;
    const parts = [n === undefined ? undefined : days(n), value === undefined ? undefined : money(value)];
    const known = parts.filter((p) => p !== undefined);
    return known.length > 0 ? `${title} · ${known.join(" · ")}` : `${title} · no days or value`;
  }
  const typedDays = Number(lot.days.trim().replace(/,/g, ""));
  const parts = [
    lot.days.trim() !== "" && Number.isFinite(typedDays) ? days(typedDays) : undefined,
    typedMoney(lot.dayRate) && `${typedMoney(lot.dayRate)} a day`,
    typedMoney(lot.statedValue) && `${typedMoney(lot.statedValue)} stated`,
  ].filter((p) => p !== undefined);
  if (parts.length > 0) return `${title} · ${parts.join(" · ")}`;
  const typed = [lot.days, lot.dayRate, lot.statedValue].some((v) => v.trim() !== "");
  return `${title} · ${typed ? "figures to correct" : "nothing entered yet"}`;
}

export interface LotMark {
  severity: "error" | "warning";
  /** "1 error", "2 warnings". */
  text: string;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/**
 * The marks of the lots that need looking at, by lot index: their problems in the boxes and the
 * check's errors and warnings about them (a stated value that is not days × rate).
 */
export function lotMarks(
  errors: ReadonlyMap<string, readonly string[]>,
  findings: readonly Finding[],
): Map<number, LotMark> {
  const tally = new Map<number, { errors: number; warnings: number }>();
  const add = (path: string, severity: "error" | "warning", n: number) => {
    const lot = /^lots\[(\d+)\]/.exec(path);
    if (!lot) return;
    const index = Number(lot[1]);
    const t = tally.get(index) ?? { errors: 0, warnings: 0 };
    if (severity === "error") t.errors += n;
    else t.warnings += n;
    tally.set(index, t);
  };
  for (const [path, messages] of errors) add(path, "error", messages.length);
  for (const f of findings) if (f.severity !== "info") add(f.path, f.severity, 1);
  const marks = new Map<number, LotMark>();
  for (const [index, t] of tally) {
    const words = [
      t.errors > 0 ? count(t.errors, "error") : undefined,
      t.warnings > 0 ? count(t.warnings, "warning") : undefined,
    ].filter((w) => w !== undefined);
    marks.set(index, { severity: t.errors > 0 ? "error" : "warning", text: words.join(", ") });
  }
  return marks;
}
