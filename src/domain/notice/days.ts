/**
 * Days of work in a sentence: a number of days ("for up to 60 days", "Barnet (112 days)", "forty
 * days") and a list given lot by lot ("112, 51, 99 and 99 days respectively").
 */
import { hasTenderWords, tiedNames, WINDOW } from "./cues";
import { sentenceHas } from "./sentences";

export interface DaysMention {
  days: number;
  start: number;
  end: number;
  names: string[];
  each: boolean;
  confidence: number;
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

const EACH = /\beach\b|\bper\s+(?:lot|council|commissioner|contract|authority)\b/i;

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
    const each = sentenceHas(EACH, s);
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
