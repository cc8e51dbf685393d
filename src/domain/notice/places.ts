/**
 * Names of lots in prose: the councils, places or numbered lots an amount or a number of days is
 * tied to ("£107,520 in Barnet", "£95,040 in both Reading and Worcestershire", "Croydon (£402,500)",
 * "Lot 2: £40,000").
 *
 * A name is a run of capitalised words, perhaps joined by the small words place names use ("Newcastle
 * upon Tyne", "Stockton-on-Tees"). "and" separates two names ("Reading and Worcestershire") except
 * in authorities whose own name holds it ("Brighton and Hove").
 */
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from "../core/calendar";

/** Authorities whose names contain "and" or "with": never split them into two lots. */
const COMPOUND_NAMES = [
  "Barking and Dagenham",
  "Bath and North East Somerset",
  "Blackburn with Darwen",
  "Brighton and Hove",
  "Cheshire West and Chester",
  "Hammersmith and Fulham",
  "Kensington and Chelsea",
  "Redcar and Cleveland",
  "Telford and Wrekin",
  "Windsor and Maidenhead",
  "Dumfries and Galloway",
  "Perth and Kinross",
  "Argyll and Bute",
  "Neath Port Talbot",
  "Armagh City, Banbridge and Craigavon",
  "Newry, Mourne and Down",
  "Ards and North Down",
  "Causeway Coast and Glens",
  "Fermanagh and Omagh",
  "Mid and East Antrim",
  "Antrim and Newtownabbey",
  "Lisburn and Castlereagh",
];

/** Capitalised words that begin sentences or name things other than a lot. */
const NOT_NAMES = new Set(
  [
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "their",
    "our",
    "we",
    "he",
    "she",
    "they",
    "each",
    "both",
    "all",
    "total",
    "value",
    "budget",
    "contract",
    "contracts",
    "tender",
    "in",
    "for",
    "at",
    "and",
    "or",
    "but",
    "with",
    "from",
    "by",
    "of",
    "to",
    "on",
    ...MONTH_NAMES,
    ...MONTH_ABBREVIATIONS,
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "vat",
    "gbp",
    "year",
    "phase",
    "addition",
  ].map((w) => w.toLowerCase()),
);

/** Small words allowed inside a name when a capitalised word follows. */
const CONNECTORS = new Set(["upon", "on", "under", "in", "of", "le", "de", "by", "the"]);

const COUNCIL_SUFFIX =
  /\s+(?:(?:Metropolitan\s+Borough|Metropolitan\s+District|Borough|County|City|District|Town|Unitary|County\s+Borough)\s*)?Council$/;
const COUNCIL_PREFIX = /^(?:the\s+)?(?:London\s+Borough\s+of|Royal\s+Borough\s+of|Council\s+of\s+the)\s+/i;

/** A capitalised word, a numbered lot ("Lot 2", "Lot 3a") or an initial-cap hyphenated place. */
const WORD = /^(?:Lot\s+\d+[A-Za-z]?|St\.(?=\s+[A-Z])|[A-Z][A-Za-z'’.-]*[A-Za-z]|[A-Z])/;
/** Longest stretch read for one name: names are short, and a bound keeps long texts fast. */
const NAME_SPAN = 200;

export interface NamesFound {
  names: string[];
  /** "in both Reading and Worcestershire", "each in", "for each of": one amount per name. */
  each: boolean;
  /** Position in the sentence just after the last name. */
  end: number;
}

/** Tidies a raw name: drops council suffixes and prefixes and a trailing possessive. */
export function cleanName(raw: string): string {
  let name = raw.trim().replace(/['’]s$/, "");
  name = name.replace(COUNCIL_PREFIX, "");
  const stripped = name.replace(COUNCIL_SUFFIX, "");
  if (stripped.length > 0) name = stripped;
  return name.trim();
}

export function isNameWord(word: string): boolean {
  return !NOT_NAMES.has(word.toLowerCase().replace(/['’]s$/, ""));
}

/** Reads one name starting exactly at `pos`; returns it and where it ends, or null. */
export function readName(s: string, pos: number): { name: string; end: number } | null {
  const rest = s.slice(pos, pos + NAME_SPAN);
  for (const compound of COMPOUND_NAMES) {
    if (rest.startsWith(compound) && !/^[A-Za-z]/.test(rest.slice(compound.length))) {
      const tail = /^(?:\s+(?:(?:Metropolitan\s+Borough|Borough|County|City|District)\s*)?Council)?/.exec(
        rest.slice(compound.length),
      );
      const len = compound.length + (tail === null ? 0 : tail[0].length);
      return { name: cleanName(rest.slice(0, len)), end: pos + len };
    }
  }
  const prefix = COUNCIL_PREFIX.exec(rest);
  let i = prefix === null ? 0 : prefix[0].length;
  const first = WORD.exec(rest.slice(i));
  if (first === null || !isNameWord(first[0])) return null;
  i += first[0].length;
  for (;;) {
    const gap = /^(\s+|-)/.exec(rest.slice(i));
    if (gap === null) break;
    const after = rest.slice(i + gap[0].length);
    const connector = /^([a-z]+)(\s+|-)/.exec(after);
    if (connector !== null && CONNECTORS.has(connector[1])) {
      const next = WORD.exec(after.slice(connector[0].length));
      if (next === null || !isNameWord(next[0])) break;
      i += gap[0].length + connector[0].length + next[0].length;
      continue;
    }
    const next = WORD.exec(after);
    if (next === null || !isNameWord(next[0])) break;
    i += gap[0].length + next[0].length;
  }
  const raw = rest.slice(0, i).replace(/[.'’]+$/, (m) => (m.startsWith(".") ? "" : m));
  const name = cleanName(raw);
  if (name.length === 0 || !/[A-Za-z]/.test(name)) return null;
  return { name, end: pos + raw.length };
}

/**
 * Reads the names tied to an amount by a preposition right after it: "in Barnet", "for Sandwell
 * Council", "in both Reading and Worcestershire", "each for Sutton, Merton and Kingston".
 */
export function namesAfter(s: string, pos: number): NamesFound | null {
  const lead = /^\s*(each\s+)?(?:in|for|at|to)\s+(both\s+|each\s+of\s+|each\s+|the\s+)?/i.exec(
    s.slice(pos, pos + NAME_SPAN),
  );
  if (lead === null) return null;
  const each = lead[1] !== undefined || (lead[2] !== undefined && !/^the/i.test(lead[2]));
  const names: string[] = [];
  let at = pos + lead[0].length;
  let end = at;
  for (;;) {
    const found = readName(s, at);
    if (found === null) break;
    names.push(found.name);
    end = found.end;
    const joiner = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)/.exec(s.slice(end, end + NAME_SPAN));
    if (joiner === null) break;
    const next = readName(s, end + joiner[0].length);
    if (next === null) break;
    at = end + joiner[0].length;
  }
  if (names.length === 0) return null;
  return { names, each: each || names.length === 1, end };
}

/**
 * Reads the name just before `pos` that an amount or a number of days is tied to by a bracket, a
 * colon or a dash: "Croydon (£402,500)", "Barnet: £107,520", "Lot 2 – £40,000".
 * `pos` is the position of the amount itself.
 */
export function nameBefore(s: string, pos: number): { name: string; start: number } | null {
  // A name sits right before its figure; reading a window keeps long texts fast.
  const offset = Math.max(0, pos - 160);
  const head = s.slice(offset, pos);
  const sep = /(\s*(?:\(|:|–|—|-|=)\s*|\s+at\s+|\s+)$/.exec(head);
  if (sep === null) return null;
  const bare = /^\s+$/.test(sep[0]);
  const beforeSep = head.slice(0, head.length - sep[0].length);
  // Walk back over capitalised words, connectors and a lot number ("Lot 2").
  const tokens: { text: string; at: number }[] = [];
  const word = /\S+/g;
  let w: RegExpExecArray | null;
  while ((w = word.exec(beforeSep)) !== null) tokens.push({ text: w[0], at: w.index });
  let start = beforeSep.length;
  let taken = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i].text;
    const lead = /^[("“‘]*/.exec(t)?.[0].length ?? 0;
    const clean = t.slice(lead);
    // A word that ends a clause ("contracts," "Kirklees.") is not part of the name.
    if (/[,;.)]$/.test(t)) break;
    const lotNumber = /^\d+[A-Za-z]?$/.test(clean) && i > 0 && /^lot$/i.test(tokens[i - 1].text);
    if ((/^[A-Z]/.test(clean) && isNameWord(clean)) || lotNumber) {
      start = tokens[i].at + lead;
      taken++;
      if (lead > 0) break;
      continue;
    }
    if (taken > 0 && CONNECTORS.has(t) && i > 0) {
      start = tokens[i].at;
      continue;
    }
    break;
  }
  if (taken === 0) return null;
  let raw = beforeSep.slice(start).trim();
  // A leading connector left over from the walk is not part of the name.
  raw = raw.replace(/^(?:upon|on|under|in|of|le|de|by|the)\s+/, "");
  // A bare number cannot be a name on its own ("2 (£40,000)").
  if (/^\d+[A-Za-z]?$/.test(raw)) return null;
  // Only "Lot 2 £40,000" style may go without a separator, and only at the start of a sentence.
  if (bare && !(start + offset === 0 && raw.split(/\s+/).length <= 6)) return null;
  const name = cleanName(raw);
  if (name.length === 0) return null;
  return { name, start: start + offset };
}

/** The name as a key for matching the same lot across sentences. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}
