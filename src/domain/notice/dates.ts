/**
 * Dates in a notice: the article's own date line, the closing date, the start and the end.
 *
 * chrono-node's en.GB parser reads the dates (day before month: "3/4/2018" is 3 April). Only dates
 * with a stated day and month count; the day, month and year are read from the parsed components,
 * never from a `Date`, so no time zone can move the day. A year left out is taken from the article's
 * date line (or the caller's reference date) and rolled on a year when the date would otherwise
 * fall before it: a tender's closing date and start lie after the notice is written, and a start
 * without a year is not put before the closing date, nor an end before the start.
 */
import * as chrono from "chrono-node";
import { daysInMonth } from "../core/calendar";
import type { IsoDate } from "../core/types";
import type { Sentence } from "./sentences";
import { nonEmptyLines, sentenceHas } from "./sentences";

export type DateRole = "closingDate" | "startDate" | "endDate";

export interface Reference {
  date: IsoDate;
  /** Where the reference came from, in words ("the article's date line …"). */
  source: string;
  fromDateLine: boolean;
}

export interface DateMention {
  role: DateRole;
  date: IsoDate;
  /** The date as written in the text. */
  written: string;
  sentence: string;
  confidence: number;
  /** True when the text gave the year. */
  yearStated: boolean;
}

export interface UndatedMention {
  role: DateRole;
  written: string;
  sentence: string;
}

const CLOSING =
  /closing\s+date|\bclos(?:e|es|ing)\b|deadline|submit(?:ted)?\b|submissions?|returned\s+(?:by|before|no\s+later)|received\s+(?:by|before|no\s+later)|responses?\s+(?:by|are\s+due|must)|no\s+later\s+than|(?:tenders?|bids?|quotes?|quotations?)\s+(?:are\s+)?due|apply\s+by|applications?\s+(?:by|must|are\s+due)|expressions?\s+of\s+interest/gi;
const START =
  /commenc\w*|\bstart\w*|\bbegin\w*|\bruns?\s+from|running\s+from|take\s+up\s+(?:(?:their|the|his|her|its)\s*)?posts?|in\s+post\s+(?:from|by)|\bfrom\b|effective|go(?:es)?\s+live/gi;
const END =
  /\buntil\b|\btill\b|\bend(?:s|ing)?\b|finish\w*|expir\w*|conclud\w*|complet\w*|\bthrough\b|\bto\s*$/gi;

/**
 * chrono reads "from 11 June" as eleven o'clock in June; blanking the "from" (same length, so
 * positions still match the sentence) leaves "11 June" to be read as a date.
 */
function maskForChrono(text: string): string {
  return text.replace(/\bfrom(?=\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z])/gi, "    ");
}

/** Words that make a deadline the closing date for bids. */
const BID_WORDS =
  /\b(?:bids?|tenders?|applications?|applicants?|responses?|proposals?|quotes?|quotations?|expressions?\s+of\s+interest|EOIs?|submissions?|closing|closes?)\b/i;

const NOT_WORK_FROM =
  /\b(?:available|published|obtain(?:ed|able)?|download(?:ed|able)?|open(?:s|ed)?|accessible|issued|accepted|invited|welcome|received|clarification\s+questions?)\b[^.]*$/i;

/** The role the last cue in `segment` gives a date that follows it, with its position. */
function lastCue(segment: string): { role: DateRole; at: number } | null {
  let best: { role: DateRole; at: number } | null = null;
  const pairs: [RegExp, DateRole][] = [
    [CLOSING, "closingDate"],
    [START, "startDate"],
    [END, "endDate"],
  ];
  for (const [re, role] of pairs) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(segment)) !== null) {
      // "Documents are available from 1 July", "bids accepted from": a bare "from" that opens
      // something other than the work is no start date.
      const bare = role === "startDate" && /^from$/i.test(m[0]);
      const skip = bare && NOT_WORK_FROM.test(segment.slice(Math.max(0, m.index - 40), m.index));
      if (!skip && (best === null || m.index > best.at)) best = { role, at: m.index };
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return best;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function iso(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function referenceInstant(ref: Reference | null): Date {
  // Midday UTC, so that the reference is the same calendar day in every time zone.
  const [y, m, d] = (ref?.date ?? "2000-01-01").split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

interface CalendarParts {
  day: number;
  month: number;
  year: number | null;
}

function parts(c: chrono.ParsedComponents): CalendarParts | null {
  if (!c.isCertain("day") || !c.isCertain("month")) return null;
  const day = c.get("day");
  const month = c.get("month");
  if (day === null || month === null) return null;
  const year = c.isCertain("year") ? c.get("year") : null;
  return { day, month, year };
}

/** The date, taking a missing year from the reference and rolling it on past the reference. */
function resolve(p: CalendarParts, ref: Reference | null, notBefore: IsoDate | null): IsoDate | null {
  if (p.year !== null) return iso(p.year, p.month, p.day);
  if (ref === null) return null;
  const refYear = Number(ref.date.slice(0, 4));
  const floor = notBefore !== null && notBefore > ref.date ? notBefore : ref.date;
  for (let year = refYear; year <= refYear + 4; year++) {
    const candidate = iso(year, p.month, p.day);
    if (candidate !== null && candidate >= floor) return candidate;
  }
  return null;
}

/** A date chrono-node found, at its place in the whole text. */
interface FoundDate {
  index: number;
  text: string;
  start: chrono.ParsedComponents;
  end: chrono.ParsedComponents | null;
}

/** The most text chrono-node reads at once; see `readDates`. */
const CHRONO_PIECE = 1_000;

/**
 * The dates chrono-node finds in the text, at their places in it. chrono looks back from each date
 * it finds to the start of the text it was given (its end-of-period refiner), so a long sentence
 * full of dates cost the square of its length: a text longer than CHRONO_PIECE is read in pieces cut
 * after a comma or semicolon, or else a space, near that length.
 */
function readDates(text: string, instant: Date): FoundDate[] {
  const masked = maskForChrono(text);
  const out: FoundDate[] = [];
  for (let from = 0; from < masked.length;) {
    let to = Math.min(masked.length, from + CHRONO_PIECE);
    if (to < masked.length) {
      const cut = Math.max(masked.lastIndexOf(", ", to), masked.lastIndexOf("; ", to));
      const space = masked.lastIndexOf(" ", to);
      if (cut > from + CHRONO_PIECE / 2) to = cut + 2;
      else if (space > from) to = space + 1;
    }
    for (const r of chrono.en.GB.parse(masked.slice(from, to), instant)) {
      out.push({ index: r.index + from, text: r.text, start: r.start, end: r.end ?? null });
    }
    from = to;
  }
  return out;
}

const CUE_WORDS = new RegExp(`${CLOSING.source}|${START.source}|${END.source}`, "i");

/**
 * The article's own date line near the top ("| 26 July 2017", "Tuesday, September 19, 2017"): a
 * short line, not a sentence, holding a full date and no closing or start wording.
 */
export function findDateLine(text: string): { date: IsoDate; line: string } | null {
  const lines = nonEmptyLines(text).slice(0, 12);
  for (const line of lines) {
    if (line.length > 80 || /[.!?]$/.test(line) || CUE_WORDS.test(line)) continue;
    for (const r of readDates(line, referenceInstant(null))) {
      const p = parts(r.start);
      if (p === null || p.year === null) continue;
      const date = iso(p.year, p.month, p.day);
      if (date !== null) return { date, line };
    }
  }
  return null;
}

/** A whole date written in words or figures ("20 October 2025", "2025-10-20"), with its year; else null. */
export function readFullDate(written: string): IsoDate | null {
  for (const r of readDates(written, referenceInstant(null))) {
    const p = parts(r.start);
    if (p === null || p.year === null) continue;
    return iso(p.year, p.month, p.day);
  }
  return null;
}

/** Closing, start and end dates in the sentences, in reading order. */
export function findTenderDates(
  sentences: readonly Sentence[],
  ref: Reference | null,
): { dates: DateMention[]; undated: UndatedMention[] } {
  const dates: DateMention[] = [];
  const undated: UndatedMention[] = [];
  const instant = referenceInstant(ref);
  /** The last date read of each role (a date without its year follows the one before it). */
  const lastOfRole = new Map<DateRole, IsoDate>();
  for (const s of sentences) {
    const results = readDates(s.text, instant);
    let segmentStart = 0;
    for (const r of results) {
      const segment = s.text.slice(segmentStart, r.index);
      segmentStart = r.index + r.text.length;
      const p = parts(r.start);
      if (p === null) continue;
      const e = r.end !== undefined && r.end !== null ? parts(r.end) : null;
      // "1 September to 30 November 2017": the year written once, at the end of the range.
      if (p.year === null && e !== null && e.year !== null) {
        p.year = p.month > e.month || (p.month === e.month && p.day > e.day) ? e.year - 1 : e.year;
      }
      let cue = lastCue(segment);
      if (cue === null) {
        // "31 July is the closing date", "(deadline)".
        const tail = s.text.slice(r.index + r.text.length, r.index + r.text.length + 30);
        if (/^\s*(?:\(|is\s+the\s+|,\s*the\s+)?(?:closing\s+date|deadline)/i.test(tail)) {
          cue = { role: "closingDate", at: 0 };
        }
      }
      if (cue === null) continue;
      const role = cue.role;
      // A year left out follows the order of a tender: closing, then start, then end.
      const before: DateRole | null =
        role === "endDate" ? "startDate" : role === "startDate" ? "closingDate" : null;
      const previous = before === null ? null : (lastOfRole.get(before) ?? null);
      const date = resolve(p, ref, previous);
      const yearStated = p.year !== null;
      if (date === null) {
        undated.push({ role, written: r.text, sentence: s.text });
      } else {
        // "submit a report by 31 March" is a deadline, but not for bids: less sure.
        const forBids = role !== "closingDate" || sentenceHas(BID_WORDS, s.text) ? 1 : 0.6;
        const confidence = (yearStated ? 0.9 : ref?.fromDateLine ? 0.8 : 0.65) * forBids;
        dates.push({ role, date, written: r.text, sentence: s.text, confidence, yearStated });
        lastOfRole.set(role, date);
      }
      // "runs from 1 September to 30 November 2017": the end of a range.
      if (e !== null && role === "startDate") {
        const endDate = resolve(e, ref, date);
        if (endDate === null) {
          undated.push({ role: "endDate", written: r.text, sentence: s.text });
        } else {
          const endYearStated = e.year !== null;
          const confidence = endYearStated ? 0.9 : ref?.fromDateLine ? 0.8 : 0.65;
          dates.push({
            role: "endDate",
            date: endDate,
            written: r.text,
            sentence: s.text,
            confidence,
            yearStated: endYearStated,
          });
          lastOfRole.set("endDate", endDate);
        }
      }
    }
  }
  return { dates, undated };
}
