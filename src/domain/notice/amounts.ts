/**
 * Money and days in a sentence, and what each amount is for.
 *
 * Every "£" figure is found; each is then read from its neighbours: a day rate ("a day rate of
 * £720", "£850 a day"), some other rate ("£15 / month": never a tender amount), the stated total
 * ("A total of £346,000 has been set aside", "worth £212,400 in total", "the £1.2m contract"), a
 * lot's value ("£107,520 in Barnet", "Croydon (£402,500)"), spending that is not a tender amount
 * ("an extra £5.1m into improving children's social care"), or an amount with no cue.
 */
import { parseMoney } from "../core/money";
import type { StatedAmount } from "../core/types";
import { nameBefore, namesAfter, readName } from "./places";

export type AmountRole = "dayRate" | "otherRate" | "range" | "total" | "lot" | "spending" | "uncued";

export interface MoneyMention {
  /** The figure as written, e.g. "£107,520" or "£1.2m". */
  written: string;
  /** The figure in the form the tender file takes ("£1.2m", "£107,520"). */
  normalised: string;
  amount: StatedAmount;
  start: number;
  end: number;
}

export interface ClassifiedAmount extends MoneyMention {
  role: AmountRole;
  /** Lot names the amount is tied to (role "lot", or a day rate tied to a lot). */
  names: string[];
  /** One amount for each named lot ("in both Reading and Worcestershire"). */
  each: boolean;
  /** How sure the reading is, 0–1. */
  confidence: number;
  /** Why: the cue that decided the role, in plain words. */
  cue: string;
}

export interface DaysMention {
  days: number;
  start: number;
  end: number;
  names: string[];
  each: boolean;
  confidence: number;
}

/** Characters either side of a figure that are read for its cues. */
const WINDOW = 160;

const MONEY =
  /(?:£|\bGBP\s?)\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(million|billion|thousand|mn|bn|m|k)\b)?|\b(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(million|thousand|m|k))?\s+(?:pounds|GBP)\b/gi;

/** Every money figure in the sentence that the engine's money reader accepts. */
export function findMoney(s: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  MONEY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONEY.exec(s)) !== null) {
    const whole = m[1] ?? m[4];
    const frac = m[2] ?? m[5] ?? "";
    const suffixRaw = m[3] ?? m[6];
    const suffix =
      suffixRaw === undefined
        ? ""
        : /^(million|mn|m)$/i.test(suffixRaw)
          ? "m"
          : /^(billion|bn)$/i.test(suffixRaw)
            ? "bn"
            : "k";
    const normalised = `£${whole}${frac}${suffix}`;
    const parsed = parseMoney(normalised);
    if (!parsed.ok || parsed.value.pence <= 0) continue;
    out.push({ written: m[0], normalised, amount: parsed.value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const DAY_RATE_AFTER =
  /^\s*(?:\(?ex(?:cluding|\.)?\s+VAT\)?\s*)?(?:a|per|\/|each)\s*(?:day|diem)\b|^\s*daily\b/i;
const DAY_RATE_BEFORE =
  /\b(?:day|daily)\s+rates?\s*(?:of|is|was|will\s+be|at|:|=|set\s+at)?\s*(?:up\s+to|around|about|approximately|of)?\s*$/i;
const OTHER_RATE_AFTER =
  /^\s*(?:a|an|per|\/|each)\s*(?:hour|hr|week|month|year|annum|head|person|pupil|child|user|seat|session|visit)\b|^\s*(?:hourly|weekly|monthly|annually|a\s+year)\b|^\s*p\.?a\.?\b/i;
const TOTAL_BEFORE =
  /\b(?:total(?:ling)?|combined|overall|aggregate|in\s+all|budget|envelope|worth|(?:contract|estimated|total|maximum|overall|indicative)\s+value|value\s+of\s+(?:the\s+)?(?:contract|tender|framework|work)s?|valued\s+at|set\s+aside|capped\s+at|cap\s+of|ceiling\s+of|(?:must\s+)?not\s+exceed)\b[^£.;,]{0,30}$|^\s*(?:value|budget|total)\s*[:=–—-]?\s*$/i;
const TOTAL_AFTER =
  /^\s*(?:in\s+total|in\s+all|overall|altogether|all\s+told|total|has\s+\S+\s+set\s+aside|(?:has|have)\s+been\s+(?:set\s+aside|allocated|budgeted|earmarked)|is\s+(?:available|set\s+aside|budgeted))\b|^\s*(?:contract|contracts|tender|framework|programme|commission|budget|deal|opportunity)\b/i;
const TOTAL_PLAIN =
  /\btotal|\bin\s+all\b|set\s+aside|(?:estimated|contract|maximum|overall|indicative)\s+value|value\s+of\s+(?:the\s+)?contract|combined/i;
/** A sentence about a contract that has been, not the one being tendered. */
const PAST =
  /\b(?:previous|former|existing|incumbent|expired|expiring|was\s+worth|were\s+worth|last\s+(?:year|contract|time))\b/i;
const SPENDING =
  /\b(?:extra|additional|invest(?:ed|ing|ment)?|spen[dt]|spending|funding|grant|overspen[dt]|deficit|savings?|cuts?|salary|salaries|paid\s+to|cost\s+the|into\s+improving|allocated\s+an?)\b/i;
const TENDER_WORDS =
  /\b(?:tenders?|contracts?|lots?|bids?|bidders?|suppliers?|procure(?:ment|d)?|commissioners?|consultan(?:t|ts|cy)|framework|invitation|applications?|applicants?|day\s+rate|set\s+aside|worth|value|budget|appoint(?:ed|ment)?|opportunit(?:y|ies)|advisers?|services)\b/i;

/** Words that make a whole text a tender notice, not just a report that mentions money. */
const NOTICE_WORDS =
  /\b(?:tenders?|tendering|contracts?|lot\s+\d|bids?|bidders?|procure(?:ment|d)?|invitation\s+to|day\s+rate|closing\s+date|framework|suppliers?|set\s+aside)\b/i;

/** True when the sentence speaks of a tender or contract at all. */
export function hasTenderWords(s: string): boolean {
  return TENDER_WORDS.test(s);
}

/** True when the text as a whole reads as a tender notice. */
export function isNoticeText(text: string): boolean {
  return NOTICE_WORDS.test(text);
}

/**
 * Reads what an amount is for from the words around it. `inNotice`: the text as a whole is a tender
 * notice, so an amount tied to a place counts even where its own sentence names no contract
 * ("The work is split as £481,000 for Lancashire, …").
 */
export function classifyAmount(s: string, m: MoneyMention, inNotice = false): ClassifiedAmount {
  // The words that decide a role lie close to the figure; a window keeps long texts fast.
  const before = s.slice(Math.max(0, m.start - WINDOW), m.start);
  const after = s.slice(m.end, m.end + WINDOW);
  const base = { ...m, names: [] as string[], each: false };
  if (OTHER_RATE_AFTER.test(after)) {
    return { ...base, role: "otherRate", confidence: 0.9, cue: "a rate that is not per day" };
  }
  const near = s.slice(Math.max(0, m.start - 40), Math.min(s.length, m.end + 40));
  const tenderish = hasTenderWords(s);
  if (SPENDING.test(near) && !/\btotal\b/i.test(near)) {
    return { ...base, role: "spending", confidence: 0.6, cue: "spending, not a tender amount" };
  }
  // A sentence that names no contract still counts inside a text that is a tender notice
  // ("The work is split as £481,000 for Lancashire, …"), less surely.
  if (!tenderish && !inNotice) {
    return { ...base, role: "spending", confidence: 0.6, cue: "no tender or contract in the sentence" };
  }
  // "between £50,000 and £60,000", "£50,000 to £60,000", "£50k–£60k": a range is not one figure.
  if (
    (/\bbetween\s*$/i.test(before) && /^\s*(?:and|to|-|–)\s*(?:£|GBP)/i.test(after)) ||
    /^\s*(?:to|-|–)\s*(?:£|GBP)/i.test(after) ||
    /(?:£|GBP\s?)[\d,.]+\s?(?:m|k|million|thousand)?\s*(?:and|to|-|–)\s*$/i.test(before)
  ) {
    return { ...base, role: "range", confidence: 0.9, cue: "one end of a range of values" };
  }
  const cap = tenderish ? 1 : 0.7;
  if (DAY_RATE_AFTER.test(after) || DAY_RATE_BEFORE.test(before)) {
    const tied = tiedNames(s, m.start, m.end, true);
    return {
      ...base,
      role: "dayRate",
      names: tied?.names ?? [],
      each: tied?.each ?? false,
      confidence: Math.min(0.9, cap),
      cue: "a day rate",
    };
  }
  const tied = tiedNames(s, m.start, m.end, false);
  if (tied !== null && tied.after) {
    const confidence = Math.min(tied.confidence, cap);
    return { ...base, role: "lot", names: tied.names, each: tied.each, confidence, cue: tied.cue };
  }
  if (TOTAL_AFTER.test(after) || TOTAL_BEFORE.test(before)) {
    // "A total of", "in total", "set aside", "estimated value" say so plainly; "worth", "budget"
    // or "the £1.2m contract" less so; a previous contract's value hardly at all.
    const plain = TOTAL_PLAIN.test(near) ? 0.9 : 0.75;
    const past = PAST.test(s) ? 0.5 : 1;
    return { ...base, role: "total", confidence: Math.min(plain * past, cap), cue: "a stated total" };
  }
  if (tied !== null) {
    const confidence = Math.min(tied.confidence, cap);
    return { ...base, role: "lot", names: tied.names, each: tied.each, confidence, cue: tied.cue };
  }
  if (!tenderish) {
    return { ...base, role: "spending", confidence: 0.6, cue: "no tender or contract in the sentence" };
  }
  return { ...base, role: "uncued", confidence: 0.5, cue: "no cue around the amount" };
}

interface Tie {
  names: string[];
  /** Tied by a preposition after the figure ("in Barnet") rather than a name before it. */
  after: boolean;
  each: boolean;
  confidence: number;
  cue: string;
}

/** The lot names an amount or number of days (from `start` to `end`) is tied to, if any. */
function tiedNames(s: string, start: number, end: number, rate: boolean): Tie | null {
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
    const bracketed = /\(\s*$/.test(s.slice(0, start));
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

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

function wordsToNumber(w: string): number | null {
  const parts = w.toLowerCase().split(/[-\s]+/);
  let total = 0;
  for (const p of parts) {
    if (!Object.prototype.hasOwnProperty.call(NUMBER_WORDS, p)) return null;
    const v = NUMBER_WORDS[p];
    total += v;
  }
  return total;
}

const DAYS =
  /\b(\d{1,4}(?:\.5)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+(?:working\s+|consultancy\s+|commissioner\s+)?days?\b/gi;
/** Days that count time rather than work: "within 10 days", "30 days' notice". */
const NOT_WORK_BEFORE = /\b(?:within|after|before|every|in|last|next|past|than|by)\s+(?:the\s+)?$/i;
const NOT_WORK_AFTER =
  /^(?:['’]s?)?\s*(?:notice|of\s+(?:receipt|the\s+date|award|notification|publication)|from|after|before|later|earlier|ago|prior|following|in\s+advance)\b/i;
const WORK_BEFORE =
  /\b(?:for|up\s+to|upto|of|estimated|approximately|approx\.?|around|about|maximum(?:\s+of)?|max\.?|totalling|requires?|needs?|involves?|over)\s+$|[(:–—-]\s*$/i;

/** The words and marks a list of days is made of, one token at a time (each alternative is linear). */
const LIST_TOKEN = /(\d+(?:\.\d+)?)|(,)|([A-Za-z_]+)|([.;])|(\s+)|[^]/y;

type ListToken =
  | { kind: "number"; value: number; start: number; end: number }
  | {
      kind: "comma" | "and" | "working" | "days" | "respectively" | "stop" | "other";
      start: number;
      end: number;
    };

/** The sentence as list tokens, spaces dropped. */
function listTokens(s: string, counter?: { steps: number }): ListToken[] {
  const out: ListToken[] = [];
  LIST_TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (LIST_TOKEN.lastIndex < s.length && (m = LIST_TOKEN.exec(s)) !== null) {
    if (counter) counter.steps++;
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      // Up to four digits and an optional half, not glued to a word before it ("a1", "12345").
      const glued = start > 0 && /[A-Za-z_]/.test(s[start - 1]);
      const ok = !glued && /^\d{1,4}(?:\.5)?$/.test(m[1]);
      out.push(ok ? { kind: "number", value: Number(m[1]), start, end } : { kind: "other", start, end });
    } else if (m[2] !== undefined) out.push({ kind: "comma", start, end });
    else if (m[3] !== undefined) {
      const w = m[3].toLowerCase();
      const kind = w === "and" || w === "working" || w === "days" || w === "respectively" ? w : "other";
      out.push({ kind, start, end });
    } else if (m[4] !== undefined) out.push({ kind: "stop", start, end });
    else if (m[5] === undefined) out.push({ kind: "other", start, end });
  }
  return out;
}

/**
 * A list of days given lot by lot: "an estimated 112, 51, 99 and 99 days respectively". Returns the
 * numbers in order and where the list lies in the sentence, or null.
 *
 * "N, N, … N[,] and N [working] days", with "respectively" after it before the sentence's next
 * full stop or semicolon. Read in one pass over the sentence's tokens, never going back: a list
 * that breaks off starts again at the token where it broke, and the search for "respectively"
 * is remembered, so the work grows with the sentence, not its square (a regular expression with
 * a repeated group and a look-ahead took 23 s on 195 KB of numbers). `counter` counts the steps.
 */
export function findDaysList(
  s: string,
  counter?: { steps: number },
): { days: number[]; start: number; end: number } | null {
  if (!/respectively/i.test(s)) return null;
  const t = listTokens(s, counter);
  // Where the last search for "respectively" stopped, and whether it found it.
  let searchedTo = -1;
  let found = false;
  const respectivelyAfter = (from: number): boolean => {
    if (from < searchedTo) return found;
    let i = from;
    while (i < t.length && t[i].kind !== "stop" && t[i].kind !== "respectively") {
      if (counter) counter.steps++;
      i++;
    }
    searchedTo = i;
    found = i < t.length && t[i].kind === "respectively";
    return found;
  };
  let i = 0;
  while (i < t.length) {
    if (counter) counter.steps++;
    const first = t[i];
    if (first.kind !== "number") {
      i++;
      continue;
    }
    const days = [first.value];
    let j = i + 1;
    while (j + 1 < t.length && t[j].kind === "comma" && t[j + 1].kind === "number") {
      if (counter) counter.steps++;
      days.push((t[j + 1] as { value: number }).value);
      j += 2;
    }
    let k = j;
    if (days.length >= 2 && t[k]?.kind === "comma") k++;
    const last = t[k + 1];
    if (days.length >= 2 && t[k]?.kind === "and" && last?.kind === "number") {
      let d = k + 2;
      if (t[d]?.kind === "working") d++;
      if (t[d]?.kind === "days" && respectivelyAfter(d + 1)) {
        days.push(last.value);
        if (days.some((n) => !(n > 0))) return null;
        return { days, start: first.start, end: t[d].end };
      }
    }
    // The list broke off at token j (or later): start again there, not one token on.
    i = Math.max(i + 1, j);
  }
  return null;
}

/** Numbers of days of work in the sentence ("for up to 60 days", "Barnet (112 days)", "40 days"). */
export function findDays(s: string): DaysMention[] {
  const out: DaysMention[] = [];
  DAYS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DAYS.exec(s)) !== null) {
    const before = s.slice(Math.max(0, m.index - WINDOW), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + WINDOW);
    if (NOT_WORK_BEFORE.test(before) || NOT_WORK_AFTER.test(after)) continue;
    // "a three-month review", "5 days a week": not days of work.
    if (/^\s*(?:a|per)\s+week\b/i.test(after)) continue;
    const n = /^\d/.test(m[1]) ? Number(m[1]) : wordsToNumber(m[1]);
    if (n === null || !(n > 0)) continue;
    const strong = WORK_BEFORE.test(before);
    if (!strong && !hasTenderWords(s)) continue;
    const tie = tiedNames(s, m.index, m.index + m[0].length, false);
    const each = /\beach\b|\bper\s+(?:lot|council|commissioner|contract|authority)\b/i.test(s);
    out.push({
      days: n,
      start: m.index,
      end: m.index + m[0].length,
      names: tie?.names ?? [],
      each: tie?.each ?? each,
      confidence: strong ? 0.85 : 0.6,
    });
  }
  return out;
}
