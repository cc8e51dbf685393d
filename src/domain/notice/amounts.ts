/**
 * Money in a sentence, and what each amount is for.
 *
 * Every "£" figure is found; each is then read from its neighbours: a day rate ("a day rate of
 * £720", "£850 a day"), some other rate ("£15 / month": never a tender amount), the stated total
 * ("A total of £346,000 has been set aside", "worth £212,400 in total", "the £1.2m contract"), a
 * lot's value ("£107,520 in Barnet", "Croydon (£402,500)"), spending that is not a tender amount
 * ("an extra £5.1m into improving children's social care"), or an amount with no cue.
 */
import { parseMoney } from "../core/money";
import type { StatedAmount } from "../core/types";
import { hasTenderWords, tiedNames, WINDOW } from "./cues";
import { sentenceHas } from "./sentences";

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
  /\b(?:day|daily)\s+rates?\s*(?:(?:of|is|was|will\s+be|at|:|=|set\s+at)\s*)?(?:(?:up\s+to|around|about|approximately|of)\s*)?$/i;
const OTHER_RATE_AFTER =
  /^\s*(?:a|an|per|\/|each)\s*(?:hour|hr|week|month|year|annum|head|person|pupil|child|user|seat|session|visit)\b|^\s*(?:hourly|weekly|monthly|annually|a\s+year)\b|^\s*p\.?a\.?\b/i;
const TOTAL_BEFORE =
  /\b(?:total(?:ling)?|combined|overall|aggregate|in\s+all|budget|envelope|worth|(?:contract|estimated|total|maximum|overall|indicative)\s+value|value\s+of\s+(?:the\s+)?(?:contract|tender|framework|work)s?|valued\s+at|set\s+aside|capped\s+at|cap\s+of|ceiling\s+of|(?:must\s+)?not\s+exceed)\b[^£.;,]{0,30}$|^\s*(?:value|budget|total)\s*(?:[:=–—-]\s*)?$/i;
const TOTAL_AFTER =
  /^\s*(?:in\s+total|in\s+all|overall|altogether|all\s+told|total|has\s+\S+\s+set\s+aside|(?:has|have)\s+been\s+(?:set\s+aside|allocated|budgeted|earmarked)|is\s+(?:available|set\s+aside|budgeted))\b|^\s*(?:contract|contracts|tender|framework|programme|commission|budget|deal|opportunity)\b/i;
const TOTAL_PLAIN =
  /\btotal|\bin\s+all\b|set\s+aside|(?:estimated|contract|maximum|overall|indicative)\s+value|value\s+of\s+(?:the\s+)?contract|combined/i;
/** A sentence about a contract that has been, not the one being tendered. */
const PAST =
  /\b(?:previous|former|existing|incumbent|expired|expiring|was\s+worth|were\s+worth|last\s+(?:year|contract|time))\b/i;
const SPENDING =
  /\b(?:extra|additional|invest(?:ed|ing|ment)?|spen[dt]|spending|funding|grant|overspen[dt]|deficit|savings?|cuts?|salary|salaries|paid\s+to|cost\s+the|into\s+improving|allocated\s+an?)\b/i;

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
    const past = sentenceHas(PAST, s) ? 0.5 : 1;
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
