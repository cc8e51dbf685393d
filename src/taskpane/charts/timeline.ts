/**
 * The rules timeline's layout, worked out before it is drawn (./Timeline.tsx) so that its words and
 * its height are known without the drawing code: one lane each for the tendering period (against
 * its minimum), the award notice and standstill (or the latest award notice for the start), and the
 * start. Dates are placed in proportion between the first and the last. Pure: tested without React.
 */
import { addDays, formatLongDate, toDayNumber } from "../../domain/core/calendar";
import type { IsoDate } from "../../domain/core/types";
import type { TimelineInput } from "../rules-view";

export type SpanKind = "tendering" | "minimum" | "standstill" | "latest";

export interface Span {
  from: IsoDate;
  to: IsoDate;
  kind: SpanKind;
}

export interface Tick {
  at: IsoDate;
  kind: "latest" | "start";
}

export interface Lane {
  /** What the lane shows, drawn above its bar: "Tendering: 5 days, minimum 30". */
  label: string;
  /** The same in full sentences, for the summary. */
  words: string;
  /** Drawn in the error colour: the engine raised the matching error finding. */
  error: boolean;
  spans: Span[];
  ticks: Tick[];
}

export interface TimelineLayout {
  first: IsoDate;
  last: IsoDate;
  lanes: Lane[];
}

/** Height of one lane (its label and its bar), of the date axis and of the key, in CSS pixels. */
export const TIMELINE_LANE = 40;
export const TIMELINE_AXIS = 18;
export const TIMELINE_KEY = 18;

/** The timeline's whole height: the slot holds it while the drawing code is fetched. */
export function timelineHeight(lanes: number): number {
  return lanes * TIMELINE_LANE + TIMELINE_AXIS + TIMELINE_KEY;
}

/** "31 August 2017" → "31 Aug 2017". */
export function shortDate(date: IsoDate): string {
  return formatLongDate(date).replace(/ ([A-Z][a-z]{2})[a-z]* /, " $1 ");
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/**
 * The lanes for the dates given, or undefined when fewer than two different dates are given (a
 * single date makes no timeline; the table beside it still lists it).
 */
export function timelineLayout(t: TimelineInput): TimelineLayout | undefined {
  const lanes: Lane[] = [];
  if (t.published !== undefined && t.closing !== undefined && t.closing >= t.published) {
    const n = toDayNumber(t.closing) - toDayNumber(t.published);
    const min = t.minimumTenderingDays;
    const spans: Span[] = [];
    if (min !== undefined) {
      spans.push({ from: t.published, to: addDays(t.published, min), kind: "minimum" });
    }
    spans.push({ from: t.published, to: t.closing, kind: "tendering" });
    const against = min === undefined ? "" : `, minimum ${min}`;
    lanes.push({
      label: `Tendering: ${days(n)}${against}`,
      words: `tendering from ${formatLongDate(t.published)} to ${formatLongDate(t.closing)}, ${days(n)}${against}${
        t.tenderingShort ? " (too short)" : ""
      }`,
      error: t.tenderingShort,
      spans,
      ticks: [],
    });
  }
  if (t.awardNotice !== undefined && t.standstillEnd !== undefined) {
    const latest = t.latestAwardNotice;
    lanes.push({
      label: `Standstill: ${shortDate(t.awardNotice)} to ${shortDate(t.standstillEnd)}`,
      words: `award notice ${formatLongDate(t.awardNotice)}, standstill to ${formatLongDate(t.standstillEnd)}${
        latest === undefined ? "" : `; latest award notice for the start ${formatLongDate(latest)}`
      }`,
      error: false,
      spans: [{ from: t.awardNotice, to: t.standstillEnd, kind: "standstill" }],
      ticks: latest === undefined ? [] : [{ at: latest, kind: "latest" }],
    });
  } else if (t.latestAwardNotice !== undefined && t.start !== undefined) {
    lanes.push({
      label: `Award notice by ${shortDate(t.latestAwardNotice)}`,
      words: `award notice by ${formatLongDate(t.latestAwardNotice)} for the standstill to end before the start`,
      error: false,
      spans: [{ from: t.latestAwardNotice, to: t.start, kind: "latest" }],
      ticks: [],
    });
  }
  if (t.start !== undefined) {
    lanes.push({
      label: `Start: ${shortDate(t.start)}`,
      words: `start ${formatLongDate(t.start)}${t.standstillNotOver ? ", before the standstill ends" : ""}`,
      error: t.standstillNotOver,
      spans: [],
      ticks: [{ at: t.start, kind: "start" }],
    });
  }
  const dates = lanes.flatMap((l) => [
    ...l.spans.flatMap((s) => [s.from, s.to]),
    ...l.ticks.map((k) => k.at),
  ]);
  if (new Set(dates).size < 2) return undefined;
  const sorted = [...dates].sort();
  return { first: sorted[0], last: sorted[sorted.length - 1], lanes };
}

/** Where a date stands across the timeline, in percent of its width (2 to 98, clear of the edges). */
export function position(layout: TimelineLayout, date: IsoDate): number {
  const span = toDayNumber(layout.last) - toDayNumber(layout.first);
  return 2 + (96 * (toDayNumber(date) - toDayNumber(layout.first))) / span;
}

/** The words a screen reader gives for the timeline. */
export function timelineSummary(layout: TimelineLayout): string {
  const what = layout.lanes.map((l) => l.words).join("; ");
  return `Timeline from ${formatLongDate(layout.first)} to ${formatLongDate(layout.last)}: ${what}.`;
}
