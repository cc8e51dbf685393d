/**
 * The tender-level fields of a notice besides its amounts: closing, start and end dates (with the
 * reference for dates without a year), what the procurement rules need (a central buyer, the
 * procedure), the bank-holiday region and a word on VAT; and the one place a lone amount is for.
 */
import { isValidIsoDate } from "../core/calendar";
import type { ContractType, Procedure, Region } from "../core/types";
import type { DateRole, Reference } from "./dates";
import { findDateLine, findTenderDates, readFullDate } from "./dates";
import { quote, type Draft } from "./draft";
import { cleanName, isNameWord, nameKey } from "./places";
import type { NoticeOptions, NoticeTenderInput } from "./result";
import type { Sentence } from "./sentences";

const ROLE_WORDS: Record<DateRole, string> = {
  closingDate: "closing date",
  startDate: "start date",
  endDate: "end date",
};

/** The reference for dates without a year: the text's own date line, else the caller's date. */
export function reference(draft: Draft, text: string, options: NoticeOptions): Reference | null {
  const dateLine = findDateLine(text);
  if (dateLine !== null) {
    return { date: dateLine.date, source: `the date line “${dateLine.line}”`, fromDateLine: true };
  }
  if (options.referenceDate === undefined) return null;
  if (isValidIsoDate(options.referenceDate)) {
    return { date: options.referenceDate, source: "the reference date given", fromDateLine: false };
  }
  draft.notes.push(
    `The reference date ${String(options.referenceDate)} is not a YYYY-MM-DD date and was ignored.`,
  );
  return null;
}

/** Closing, start and end dates: the surest of each, with what was left out and why. */
export function fillDates(
  draft: Draft,
  input: NoticeTenderInput,
  sentences: readonly Sentence[],
  ref: Reference | null,
): void {
  const { dates, undated } = findTenderDates(sentences, ref);
  for (const role of ["closingDate", "startDate", "endDate"] as const) {
    // The surest of each (the first of equals), e.g. the bids' deadline over a report's.
    const found = dates.filter((d) => d.role === role);
    const first = found.reduce<(typeof found)[number] | undefined>(
      (best, d) => (best === undefined || d.confidence > best.confidence ? d : best),
      undefined,
    );
    const others = found.filter((d) => d !== first);
    if (first === undefined) {
      const without = undated.find((u) => u.role === role);
      draft.missing.push(
        without === undefined
          ? `no ${ROLE_WORDS[role]} found`
          : `no ${ROLE_WORDS[role]} found: “${without.written}” has no year and the text has no date line; give the year`,
      );
      continue;
    }
    input[role] = first.date;
    draft.fields[role] = { value: first.date, sentence: first.sentence, confidence: first.confidence };
    if (!first.yearStated && ref !== null) {
      draft.notes.push(
        `The ${ROLE_WORDS[role]} “${first.written}” has no year; ${first.date.slice(0, 4)} was taken from ${ref.source}.`,
      );
    }
    for (const other of others) {
      if (other.date !== first.date) {
        draft.notes.push(
          `Another ${ROLE_WORDS[role]}, ${other.date}, was left out; ${first.date} was kept (${quote(other.sentence, other.written)}).`,
        );
      }
    }
  }
}

/** A government department or ministry is central government (PCR Schedule 1; docs/rules.md). */
const CENTRAL_BUYER = /^(?:Department|Ministry)\s+(?:for|of)\s/;
const PROCEDURE_LABEL =
  /^(?:procurement\s+)?procedure(?:\s+type)?\s*[:–-]\s*(open|restricted|competitive\s+flexible|direct\s+award|call[\s-]off)\b/i;

/** "Contract type: Service contract", "Main procurement category: Works". */
const CONTRACT_TYPE_LABEL =
  /^(?:contract\s+type|main\s+procurement\s+category|type\s+of\s+contract)\s*[:–-]\s*(services?|supplies|supply|goods|works?)\b/i;
const CONTRACT_TYPES: Record<string, ContractType> = {
  service: "services",
  services: "services",
  supplies: "supplies",
  supply: "supplies",
  goods: "supplies",
  work: "works",
  works: "works",
};
/** "Published date: 20 October 2025" (a Contracts Finder page; Find a Tender's "Published …" line). */
const PUBLISHED_LABEL = /^published(?:\s+date)?\s*(?:[:–-]\s*)?(\S.*)$/i;

/**
 * What the notice says for the procurement rules: a central buyer, a "Procedure: open" line, the
 * contract type and the date it was published.
 */
export function rulesFields(
  draft: Draft,
  input: NoticeTenderInput,
  text: string,
  buyer: { value: string; sentence: string; confidence: number } | null,
): void {
  if (buyer !== null && CENTRAL_BUYER.test(buyer.value)) {
    input.buyerType = "central";
    draft.fields.buyerType = { value: "central", sentence: buyer.sentence, confidence: 0.8 };
  }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const match = PROCEDURE_LABEL.exec(line);
    if (match && input.procedure === undefined) {
      const procedure = match[1].toLowerCase().replace(/[\s-]+/g, "-") as Procedure;
      input.procedure = procedure;
      draft.fields.procedure = { value: procedure, sentence: line, confidence: 0.9 };
    }
    const type = CONTRACT_TYPE_LABEL.exec(line);
    if (type && input.contractType === undefined) {
      const contractType = CONTRACT_TYPES[type[1].toLowerCase()];
      input.contractType = contractType;
      draft.fields.contractType = { value: contractType, sentence: line, confidence: 0.9 };
    }
    const published = PUBLISHED_LABEL.exec(line);
    const date = published === null ? null : readFullDate(published[1]);
    if (date !== null && input.publishedDate === undefined) {
      input.publishedDate = date;
      draft.fields.publishedDate = { value: date, sentence: line, confidence: 0.9 };
    }
  }
}

const INC_VAT = /\binc(?:l(?:uding|usive)?)?\.?\s+(?:of\s+)?VAT\b/i;

/** Bank-holiday region named in the text (else England and Wales), and a word on VAT. */
export function regionAndVat(draft: Draft, input: NoticeTenderInput, sentences: readonly Sentence[]): void {
  const region = findRegion(sentences.map((s) => s.text));
  if (region !== null) {
    input.region = region.value;
    draft.fields.region = { value: region.value, sentence: region.sentence, confidence: 0.6 };
  } else {
    draft.notes.push("England and Wales bank holidays assumed (the text names no other region).");
  }
  const inclusive = sentences.find((s) => INC_VAT.test(s.text));
  if (inclusive !== undefined) {
    draft.notes.push(
      `The text gives amounts including VAT; the tender treats figures as ex-VAT. Check ${quote(inclusive.text, "VAT")}.`,
    );
  } else {
    draft.notes.push("Amounts read as ex-VAT with VAT at 20%.");
  }
}

const COUNCIL =
  /\b((?:[A-Z][A-Za-z'’-]*\s+){1,3})(?:Metropolitan\s+Borough\s+|Borough\s+|County\s+|City\s+|District\s+)?Council\b/g;
const FOR_PLACE =
  /\b(?:[Cc]ommissioners?|[Aa]dvis[eo]rs?|[Cc]onsultants?|[Cc]hair|[Ss]upport|[Rr]eview|[Ll]ot|[Ss]ervices|[Pp]artner)\s+(?:(?:sought|needed|wanted|required|appointed)\s+)?(?:for|in|at)\s+((?:[A-Z][A-Za-z'’-]*)(?:\s+(?:upon\s+|on\s+)?[A-Z][A-Za-z'’-]*)*)/g;

/** The one place a lone amount can belong to: a single council or place named for the work. */
export function singlePlace(sentences: readonly string[]): { name: string; sentence: string } | null {
  const found = new Map<string, { name: string; sentence: string }>();
  for (const s of sentences) {
    // The buyer's own line ("Buyer: Wigan Council", a Contracts Finder page's buyer in capitals)
    // says who buys, not where the work is.
    if (BUYER_LINE.test(s)) continue;
    for (const re of [COUNCIL, FOR_PLACE]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s)) !== null) {
        // "In Kirklees Council": words that open a sentence are not part of the name.
        const words = cleanName(re === COUNCIL ? m[0] : m[1]).split(/\s+/);
        while (words.length > 0 && !isNameWord(words[0])) words.shift();
        const name = words.join(" ");
        if (name.length === 0) continue;
        const key = nameKey(name);
        if (!found.has(key)) found.set(key, { name, sentence: s });
      }
    }
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

const BUYER_LINE = /^(?:buyer|contracting\s+authority|organisation)\s*:/i;

function findRegion(sentences: readonly string[]): { value: Region; sentence: string } | null {
  for (const s of sentences) {
    if (/\bNorthern Ireland\b/.test(s)) return { value: "GB-NIR", sentence: s };
  }
  for (const s of sentences) {
    if (/\b(?:Scotland|Scottish)\b/.test(s)) return { value: "GB-SCT", sentence: s };
  }
  return null;
}
