/** The reading of a notice so far (lots by name, fields with their sentences, notes), and how notes quote the text. */
import { nameKey } from "./places";
import type { FieldSource, NoticeField, NoticeLotInput, NoticeLotSources } from "./result";

/** Quotes a sentence in a note, shortened around the point of interest. */
export function quote(sentence: string, around?: string): string {
  const max = 110;
  if (sentence.length <= max) return `“${sentence}”`;
  const at = around === undefined ? 0 : Math.max(0, sentence.indexOf(around));
  let from = Math.max(0, at - 45);
  let to = Math.min(sentence.length, from + max);
  // Cut at spaces, never inside a word.
  if (from > 0) from = sentence.indexOf(" ", from) + 1 || from;
  if (to < sentence.length) to = Math.max(sentence.lastIndexOf(" ", to), from + 1);
  const piece = sentence.slice(from, to).trim();
  return `“${from > 0 ? "…" : ""}${piece}${to < sentence.length ? "…" : ""}”`;
}

export function daysWord(days: number): string {
  return `${days} day${days === 1 ? "" : "s"}`;
}

export interface Sourced<T> {
  item: T;
  sentence: string;
}

export interface LotDraft {
  input: NoticeLotInput;
  sources: NoticeLotSources;
  /** The stated value in pence, for comparing. */
  pence?: number;
}

/** The reading so far: lots by name, and what to tell the user. */
export class Draft {
  readonly lots = new Map<string, LotDraft>();
  readonly fields: Partial<Record<NoticeField, FieldSource>> = {};
  readonly missing: string[] = [];
  readonly notes: string[] = [];

  /** The lot of that name (matched ignoring case), created on first mention. */
  lot(name: string, sentence: string, confidence: number): LotDraft {
    const key = nameKey(name);
    let lot = this.lots.get(key);
    if (lot === undefined) {
      lot = { input: { name }, sources: { name: { value: name, sentence, confidence } } };
      this.lots.set(key, lot);
    }
    return lot;
  }
}
