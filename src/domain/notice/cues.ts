/**
 * What the words around a figure say: whether a sentence (or a whole text) speaks of a tender, and
 * which lot names an amount or a number of days is tied to ("£107,520 in Barnet", "Croydon
 * (£402,500)", "Barnet (112 days)").
 */
import { nameBefore, namesAfter, readName } from "./places";
import { sentenceHas } from "./sentences";

/** Characters either side of a figure that are read for its cues. */
export const WINDOW = 160;

const TENDER_WORDS =
  /\b(?:tenders?|contracts?|lots?|bids?|bidders?|suppliers?|procure(?:ment|d)?|commissioners?|consultan(?:t|ts|cy)|framework|invitation|applications?|applicants?|day\s+rate|set\s+aside|worth|value|budget|appoint(?:ed|ment)?|opportunit(?:y|ies)|advisers?|services)\b/i;

/** Words that make a whole text a tender notice, not just a report that mentions money. */
const NOTICE_WORDS =
  /\b(?:tenders?|tendering|contracts?|lot\s+\d|bids?|bidders?|procure(?:ment|d)?|invitation\s+to|day\s+rate|closing\s+date|framework|suppliers?|set\s+aside)\b/i;

/** True when the sentence speaks of a tender or contract at all. */
export function hasTenderWords(s: string): boolean {
  // Asked for each figure of a sentence: searched once per sentence (see sentenceHas).
  return sentenceHas(TENDER_WORDS, s);
}

/** True when the text as a whole reads as a tender notice. */
export function isNoticeText(text: string): boolean {
  return NOTICE_WORDS.test(text);
}

export interface Tie {
  names: string[];
  /** Tied by a preposition after the figure ("in Barnet") rather than a name before it. */
  after: boolean;
  each: boolean;
  confidence: number;
  cue: string;
}

/** The lot names an amount or number of days (from `start` to `end`) is tied to, if any. */
export function tiedNames(s: string, start: number, end: number, rate: boolean): Tie | null {
  // "£95,040 in both Reading and Worcestershire", "£86,400 for Sandwell"; for a rate, skip "a day".
  let afterPos = end;
  if (rate) {
    const unit = /^\s*(?:a|per|\/|each)\s*(?:day|diem)\b/i.exec(s.slice(end));
    if (unit !== null) afterPos = end + unit[0].length;
  }
  const after = namesAfter(s, afterPos);
  if (after !== null) {
    const both = after.names.length > 1;
    return {
      names: after.names,
      after: true,
      each: after.each,
      confidence: both && !after.each ? 0.5 : 0.9,
      cue: both && !after.each ? "one amount for several places, read as each" : "an amount for a place",
    };
  }
  // "£107,520 (Barnet)".
  const bracket = /^\s*\(\s*/.exec(s.slice(afterPos));
  if (bracket !== null) {
    const inside = readName(s, afterPos + bracket[0].length);
    if (inside !== null && /^\s*\)/.test(s.slice(inside.end))) {
      return {
        names: [inside.name],
        after: true,
        each: true,
        confidence: 0.85,
        cue: "an amount with its place in brackets",
      };
    }
  }
  // "Croydon (£402,500)", "Barnet: £107,520", "Lot 2 – £40,000".
  const before = nameBefore(s, start);
  if (before !== null) {
    const bracketed = /\(\s*$/.test(s.slice(Math.max(0, start - WINDOW), start));
    const close = /^\s*(?:[a-z/ ]{0,25})?\)/i.exec(s.slice(end));
    if (bracketed && close === null) return null;
    // "Lot 1 (£107,520): Barnet": the place named after a numbered lot names it.
    let name = before.name;
    if (/^Lot\s+\d+[A-Za-z]?$/.test(name)) {
      const tail = /^\s*[:–—-]\s*/.exec(s.slice(end + (close?.[0].length ?? 0)));
      const place = tail === null ? null : readName(s, end + (close?.[0].length ?? 0) + tail[0].length);
      if (place !== null) name = place.name;
    }
    return {
      names: [name],
      after: false,
      each: true,
      confidence: 0.85,
      cue: "an amount beside a place",
    };
  }
  return null;
}
