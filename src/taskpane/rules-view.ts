/**
 * What the Check step's Rules panel shows, from the engine's rules assessment and findings: the
 * regime, the threshold line, the notices, what is missing to tell, and the timetable with each gap
 * against its minimum. An error colour only where the engine raised the error finding
 * (TENDERING_PERIOD_SHORT, STANDSTILL_NOT_OVER), so the panel never contradicts the findings.
 * Pure: tested without React.
 */
import { formatLongDate, toDayNumber } from "../domain/core/calendar";
import { NOT_LEGAL_ADVICE, rulesMessages } from "../domain/core/messages";
import type { Finding, IsoDate, Tender } from "../domain/core/types";
import type { RulesAssessment } from "../domain/rules/assess";
import { givesRuleFields } from "../domain/rules/fields";
import { thresholdCategoryWords } from "../domain/rules/thresholds";
import { money } from "./view";

export { NOT_LEGAL_ADVICE };

export type TimetableKey =
  "published" | "closing" | "awardNotice" | "latestAwardNotice" | "standstillEnd" | "start";

export interface TimetableRow {
  key: TimetableKey;
  date: IsoDate;
  label: string;
  /** The gap to the date before it, against its minimum, in words. */
  gap?: string;
  /** True only where the engine raised the matching error finding. */
  error: boolean;
}

/** The dates and minimums the timeline draws. */
export interface TimelineInput {
  published?: IsoDate;
  closing?: IsoDate;
  awardNotice?: IsoDate;
  latestAwardNotice?: IsoDate;
  standstillEnd?: IsoDate;
  start?: IsoDate;
  minimumTenderingDays?: number;
  tenderingShort: boolean;
  standstillNotOver: boolean;
}

export interface RulesView {
  /** False until the tender gives a rule field: the panel then says what to give. */
  given: boolean;
  regime?: { name: string; note: string };
  threshold?: { value: string; note: string };
  estimate?: { value: string; note: string };
  /** What to give (or why it cannot be told), in the pane's words. */
  missing: string[];
  duties: { notice: string; where: string; when: string }[];
  timetable: TimetableRow[];
  timeline: TimelineInput;
  /** Assumptions and checks left out, in the engine's words. */
  notes: string[];
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

const days = (n: number) => `${n} ${Math.abs(n) === 1 ? "day" : "days"}`;

/** The engine's "give …" messages name the command-line option; the pane names the box. */
const GIVE_IN_REVIEW: readonly [string, string][] = [
  [
    rulesMessages.missingPublished(),
    "Give the Published date in Review: it decides the regime and the threshold.",
  ],
  [rulesMessages.missingBuyerType(), "Give the buyer type in Review: the threshold depends on it."],
  [rulesMessages.missingContractType(), "Give the contract type in Review: the threshold depends on it."],
];

function missingWords(message: string): string {
  const known = GIVE_IN_REVIEW.find(([engine]) => engine === message);
  if (known) return known[1];
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

const ORDER: readonly TimetableKey[] = [
  "published",
  "closing",
  "awardNotice",
  "latestAwardNotice",
  "standstillEnd",
  "start",
];

function standstillWords(regime: string, n: number): string {
  return regime === "PCR 2015"
    ? `${days(n)} after the award notice: the standstill, 10 days moved to a working day (PCR 2015 reg 87)`
    : `${days(n)} after the award notice: the standstill, 8 working days (Procurement Act 2023 s.51)`;
}

/** The panel's content for a checked tender. */
export function rulesView(tender: Tender, rules: RulesAssessment, findings: readonly Finding[]): RulesView {
  const has = (code: Finding["code"]) => findings.some((f) => f.code === code && f.severity === "error");
  const tenderingShort = has("TENDERING_PERIOD_SHORT");
  const standstillNotOver = has("STANDSTILL_NOT_OVER");
  const published = tender.publishedDate;
  const timeline: TimelineInput = { tenderingShort, standstillNotOver };
  const view: RulesView = {
    given: givesRuleFields(tender),
    missing: rules.missing.map((m) => missingWords(m.message)),
    duties: rules.noticeDuties.map((d) => ({ notice: d.notice, where: d.where, when: d.when })),
    timetable: [],
    timeline,
    notes: rules.notes.map((n) => `${n.charAt(0).toUpperCase()}${n.slice(1)}.`),
  };

  if (rules.regime !== undefined && published !== undefined) {
    view.regime = {
      name: rules.regime,
      note: `Started ${formatLongDate(published)}; the Procurement Act 2023 applies to procurements started from 24 February 2025.`,
    };
  }
  if (rules.threshold !== undefined && rules.thresholdCategory !== undefined && rules.thresholdPeriod) {
    const period = rules.thresholdPeriod;
    view.threshold = {
      value: `${money(rules.threshold)} ${rules.comparedWith}`,
      note: `For ${thresholdCategoryWords(rules.thresholdCategory)}, ${formatLongDate(period.from)} to ${
        period.to === undefined ? "now" : formatLongDate(period.to)
      }.`,
    };
  }
  if (rules.estimatedValue !== undefined) {
    view.estimate = {
      value: `${money(rules.estimatedValue)} ${rules.comparedWith}`,
      note:
        rules.aboveThreshold === true
          ? "At or above the threshold: the full regime may apply."
          : rules.aboveThreshold === false
            ? "Below the threshold."
            : "Not compared: see what to give below.",
    };
  }

  const rows: TimetableRow[] = [];
  if (published !== undefined) {
    timeline.published = published;
    rows.push({ key: "published", date: published, label: "Published (tender notice)", error: false });
  }
  if (rules.minimumTenderingDays !== undefined) timeline.minimumTenderingDays = rules.minimumTenderingDays;
  const closing = tender.closingDate;
  if (closing !== undefined) {
    timeline.closing = closing;
    let gap: string | undefined;
    if (published !== undefined && rules.tenderingDays !== undefined) {
      const n = rules.tenderingDays;
      const min = rules.minimumTenderingDays;
      gap =
        min === undefined
          ? `${days(n)} after publication; ${
              tender.procedure === undefined
                ? "give the procedure to compare it with a minimum"
                : "no confirmed minimum is checked for this procedure"
            }`
          : `${days(n)}, minimum ${min}${
              n < min && !tenderingShort ? " (the minimum is checked above the threshold)" : ""
            }`;
    } else if (published !== undefined) {
      gap = "before publication: check both dates";
    }
    rows.push({ key: "closing", date: closing, label: "Closing", gap, error: tenderingShort });
  }
  const notice = tender.awardNoticeDate;
  const latest = rules.latestAwardNoticeForStart;
  const start = tender.startDate;
  if (notice !== undefined) {
    timeline.awardNotice = notice;
    const late = latest !== undefined && daysBetween(latest, notice) > 0;
    rows.push({
      key: "awardNotice",
      date: notice,
      label: "Award notice",
      gap:
        latest === undefined
          ? undefined
          : late
            ? `${days(daysBetween(latest, notice))} after the latest for the start`
            : `${days(daysBetween(notice, latest))} before the latest for the start`,
      error: late && standstillNotOver,
    });
  }
  if (latest !== undefined && start !== undefined) {
    timeline.latestAwardNotice = latest;
    rows.push({
      key: "latestAwardNotice",
      date: latest,
      label: "Latest award notice",
      gap: `the last day for the standstill to end before the start on ${formatLongDate(start)}`,
      error: false,
    });
  }
  if (rules.standstillEnd !== undefined && notice !== undefined && rules.regime !== undefined) {
    timeline.standstillEnd = rules.standstillEnd;
    rows.push({
      key: "standstillEnd",
      date: rules.standstillEnd,
      label: "Standstill ends",
      gap: standstillWords(rules.regime, daysBetween(notice, rules.standstillEnd)),
      error: false,
    });
  }
  if (start !== undefined) {
    timeline.start = start;
    let gap: string | undefined;
    const end = rules.standstillEnd;
    if (end !== undefined && notice !== undefined) {
      const n = daysBetween(end, start);
      gap =
        n > 0
          ? `${days(n)} after the standstill ends`
          : `${n === 0 ? "on the standstill's last day" : `${days(-n)} before the standstill ends`}: the contract may be entered into only after it${
              standstillNotOver ? "" : " (checked above the threshold)"
            }`;
    } else if (closing !== undefined && daysBetween(closing, start) >= 0) {
      gap = `${days(daysBetween(closing, start))} after closing`;
    }
    rows.push({ key: "start", date: start, label: "Start", gap, error: standstillNotOver });
  }
  view.timetable = rows.sort(
    (a, b) => daysBetween(b.date, a.date) || ORDER.indexOf(a.key) - ORDER.indexOf(b.key),
  );
  return view;
}
