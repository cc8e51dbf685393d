/**
 * Splitting the text of a notice into lines and sentences, remembering where each came from.
 *
 * A notice arrives as pasted prose, an email, or a label-per-line form ("Closing date: 31 July").
 * Blank lines always end a sentence. A single line break ends one when the line before closes a
 * sentence, is short (a heading, a date line, a form field) or the next line is a bullet or a label;
 * otherwise it is a hard wrap inside a paragraph and reads as a space.
 */
import { MONTH_ABBREVIATIONS } from "../core/calendar";

export interface Sentence {
  /** The sentence with its internal whitespace collapsed to single spaces. */
  text: string;
  /** Index of the sentence in reading order. */
  index: number;
}

const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "no",
  "nos",
  "e.g",
  "i.e",
  "etc",
  "approx",
  "inc",
  "incl",
  "ltd",
  "co",
  "vs",
  "cllr",
  "prof",
  "est",
  ...MONTH_ABBREVIATIONS,
]);

const BULLET = /^\s*(?:[-•*–·▪]|\d{1,2}[.)]\s|\(?[a-z]\)\s)/;
const LABEL = /^\s*[A-Z][A-Za-z/&() '-]{0,40}:\s*\S/;
/** Lines shorter than this are taken as headings or fields, never as hard-wrapped prose. */
const SHORT_LINE = 60;

/** The non-empty lines of the text, trimmed, in order. */
export function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Groups lines into blocks that may hold several sentences but never share one across blocks. */
function blocks(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) out.push(current.join(" "));
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.length === 0) {
      flush();
      continue;
    }
    if (current.length > 0) {
      const prev = current[current.length - 1];
      const prevCloses = /[.!?:;"'”’)]$/.test(prev);
      if (prevCloses || prev.length < SHORT_LINE || BULLET.test(line) || LABEL.test(line)) flush();
    }
    current.push(line);
  }
  flush();
  return out;
}

/** True when the period at `dot` in `block` ends an abbreviation rather than a sentence. */
function isAbbreviation(block: string, dot: number): boolean {
  const before = block.slice(Math.max(0, dot - 8), dot);
  const word = /([A-Za-z.]+)$/.exec(before);
  if (word === null) return false;
  const w = word[1].toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  // A single capital letter: an initial ("J. Smith").
  return /^[A-Z]$/.test(word[1]);
}

function splitBlock(block: string): string[] {
  const text = block.replace(/\s+/g, " ").trim();
  const out: string[] = [];
  let start = 0;
  // A sentence ends at . ! or ? (perhaps followed by closing quotes or brackets), then a space,
  // then something that can open a sentence.
  const end = /[.!?]["'”’)\]]*\s+(?=["'“‘(£[A-Z0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = end.exec(text)) !== null) {
    if (text[m.index] === "." && isAbbreviation(text, m.index)) continue;
    const stop = m.index + m[0].trimEnd().length;
    const piece = text.slice(start, stop).trim();
    if (piece.length > 0) out.push(piece);
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) out.push(rest);
  return out;
}

/** The sentences of the text in reading order. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const block of blocks(text)) {
    for (const s of splitBlock(block)) out.push({ text: s, index: out.length });
  }
  return out;
}

/** Per pattern, the last sentence it was asked about and the answer. */
const answers = new WeakMap<RegExp, { s: string; has: boolean }>();

/**
 * True when the pattern occurs in the sentence. Asked for each figure or date of a sentence, it
 * searches the sentence once: searching it again per figure makes a long run of figures quadratic.
 */
export function sentenceHas(re: RegExp, s: string): boolean {
  const last = answers.get(re);
  if (last?.s === s) return last.has;
  re.lastIndex = 0;
  const has = re.test(s);
  answers.set(re, { s, has });
  return has;
}
