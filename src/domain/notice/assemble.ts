/**
 * Reading a tender from the text of a notice or news report: put the amounts, days, dates, buyer
 * and title found in the sentences together into the tender file input, with provenance.
 */
import { formatMoney } from "../money";
import type { IsoDate, Region } from "../types";
import type { ClassifiedAmount, DaysMention } from "./amounts";
import { classifyAmount, findDays, findDaysList, findMoney, isNoticeText } from "./amounts";
import { findBuyer, findTitle } from "./buyer";
import type { DateMention, DateRole, Reference } from "./dates";
import { findDateLine, findTenderDates } from "./dates";
import { cleanName, nameKey } from "./places";
import type {
  FieldSource,
  NoticeField,
  NoticeLotInput,
  NoticeLotSources,
  NoticeOptions,
  NoticeResult,
  NoticeTenderInput,
} from "./result";
import { splitSentences } from "./sentences";

export const NO_TENDER_AMOUNTS = "No tender amounts found in the text.";

/** Quotes a sentence in a note, shortened around the point of interest. */
function quote(sentence: string, around?: string): string {
  const max = 110;
  if (sentence.length <= max) return `“${sentence}”`;
  const at = around === undefined ? 0 : Math.max(0, sentence.indexOf(around));
  const from = Math.max(0, at - 45);
  const piece = sentence.slice(from, from + max).trim();
  return `“${from > 0 ? "…" : ""}${piece}${from + max < sentence.length ? "…" : ""}”`;
}

function daysWord(days: number): string {
  return `${days} day${days === 1 ? "" : "s"}`;
}

interface LotDraft {
  input: NoticeLotInput;
  sources: NoticeLotSources;
  pence?: number;
}

interface Sourced<T> {
  item: T;
  sentence: string;
}

const ROLE_WORDS: Record<DateRole, string> = {
  closingDate: "closing date",
  startDate: "start date",
  endDate: "end date",
};

function validReference(date: IsoDate | undefined): boolean {
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split("-").map(Number);
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= dim;
}

/** Reads a tender from the text of a notice. Never throws; see `NoticeResult`. */
export function parseNotice(text: string, options: NoticeOptions = {}): NoticeResult {
  if (typeof text !== "string") {
    return { ok: false, error: "The notice must be text.", notes: [] };
  }
  const notes: string[] = [];
  const missing: string[] = [];
  const sentences = splitSentences(text);

  // ---- amounts and days -------------------------------------------------------------------
  const amounts: Sourced<ClassifiedAmount>[] = [];
  const days: Sourced<DaysMention>[] = [];
  const dayLists: Sourced<number[]>[] = [];
  const inNotice = isNoticeText(text);
  for (const s of sentences) {
    for (const m of findMoney(s.text))
      amounts.push({ item: classifyAmount(s.text, m, inNotice), sentence: s.text });
    const list = findDaysList(s.text);
    if (list !== null) dayLists.push({ item: list.days, sentence: s.text });
    for (const d of findDays(s.text)) {
      if (list !== null && d.start >= list.start && d.end <= list.end) continue;
      days.push({ item: d, sentence: s.text });
    }
  }
  for (const { item, sentence } of amounts) {
    if (item.role === "otherRate" || item.role === "spending" || item.role === "range") {
      notes.push(
        `${item.written} was not read as a tender amount (${item.cue}): ${quote(sentence, item.written)}.`,
      );
    }
  }
  const tenderAmounts = amounts.filter(
    (a) => a.item.role !== "otherRate" && a.item.role !== "spending" && a.item.role !== "range",
  );
  if (tenderAmounts.length === 0) return { ok: false, error: NO_TENDER_AMOUNTS, notes };

  const fields: Partial<Record<NoticeField, FieldSource>> = {};
  const lots = new Map<string, LotDraft>();
  const lotFor = (name: string, sentence: string, confidence: number): LotDraft => {
    const key = nameKey(name);
    let lot = lots.get(key);
    if (lot === undefined) {
      lot = { input: { name }, sources: { name: { value: name, sentence, confidence } } };
      lots.set(key, lot);
    }
    return lot;
  };

  // Lot values.
  for (const { item, sentence } of tenderAmounts) {
    if (item.role !== "lot") continue;
    if (item.names.length > 1 && !item.each) {
      notes.push(
        `${item.written} is given for ${item.names.join(" and ")} together; it was read as ${item.written} for each. ` +
          `Check ${quote(sentence, item.written)}.`,
      );
    }
    for (const name of item.names) {
      const lot = lotFor(name, sentence, item.confidence);
      if (lot.pence !== undefined) {
        if (lot.pence !== item.amount.pence) {
          notes.push(
            `${name} is given two values: ${lot.input.statedValue} was kept and ${item.written} left out (${quote(sentence, item.written)}).`,
          );
        }
        continue;
      }
      lot.pence = item.amount.pence;
      lot.input.statedValue = item.normalised;
      lot.sources.statedValue = { value: item.normalised, sentence, confidence: item.confidence };
    }
  }

  // The stated total.
  const totals = tenderAmounts.filter((a) => a.item.role === "total");
  const uncued = tenderAmounts.filter((a) => a.item.role === "uncued");
  // The most plainly stated total; the first of equals.
  let total: Sourced<ClassifiedAmount> | undefined = totals.reduce<Sourced<ClassifiedAmount> | undefined>(
    (best, t) => (best === undefined || t.item.confidence > best.item.confidence ? t : best),
    undefined,
  );
  if (total === undefined && uncued.length === 1 && lots.size === 0) {
    total = { item: { ...uncued[0].item, confidence: 0.5 }, sentence: uncued[0].sentence };
    notes.push(
      `${total.item.written} is the only tender amount without a cue; it was read as the stated total (${quote(total.sentence, total.item.written)}).`,
    );
  } else {
    for (const { item, sentence } of uncued) {
      notes.push(
        `${item.written} was left out: nothing says what it is for (${quote(sentence, item.written)}).`,
      );
    }
  }
  for (const other of totals) {
    if (total !== undefined && other !== total && other.item.amount.pence !== total.item.amount.pence) {
      notes.push(
        `Another total, ${other.item.written}, was left out; ${total.item.written} was kept (${quote(other.sentence, other.item.written)}).`,
      );
    }
  }

  // Day rates: tied to lots, else the tender's default.
  let tenderRate: Sourced<ClassifiedAmount> | undefined;
  for (const entry of tenderAmounts) {
    const { item, sentence } = entry;
    if (item.role !== "dayRate") continue;
    if (item.names.length > 0) {
      for (const name of item.names) {
        const lot = lotFor(name, sentence, item.confidence);
        if (lot.input.dayRate === undefined) {
          lot.input.dayRate = item.normalised;
          lot.sources.dayRate = { value: item.normalised, sentence, confidence: item.confidence };
        }
      }
    } else if (tenderRate === undefined) {
      tenderRate = entry;
    } else if (tenderRate.item.amount.pence !== item.amount.pence) {
      notes.push(
        `Another day rate, ${item.written}, was left out; ${tenderRate.item.written} was kept (${quote(sentence, item.written)}).`,
      );
    }
  }

  // Days: tied to lots, else for each lot when the text says so or there is only one.
  const loose: Sourced<DaysMention>[] = [];
  for (const entry of days) {
    const { item, sentence } = entry;
    if (item.names.length === 0) {
      loose.push(entry);
      continue;
    }
    for (const name of item.names) {
      const lot = lotFor(name, sentence, item.confidence);
      if (lot.input.days === undefined) {
        lot.input.days = item.days;
        lot.sources.days = { value: item.days, sentence, confidence: item.confidence };
      }
    }
  }

  // ---- no lot named: the whole contract is one lot ------------------------------------------
  if (lots.size === 0) {
    const amount = total ?? tenderRate;
    if (amount === undefined) return { ok: false, error: NO_TENDER_AMOUNTS, notes };
    const place = singlePlace(sentences.map((s) => s.text));
    const name = place?.name ?? "Whole contract";
    const lot = lotFor(name, place?.sentence ?? amount.sentence, place === null ? 0.4 : 0.6);
    notes.push(
      place === null
        ? "The text ties no amount to a place or lot, so the tender was read as one lot, “Whole contract”; rename or split it."
        : `The text names one place, ${place.name}, and ties no amount to it, so the tender was read as one lot for ${place.name}.`,
    );
    if (total !== undefined) {
      lot.pence = total.item.amount.pence;
      lot.input.statedValue = total.item.normalised;
      lot.sources.statedValue = {
        value: total.item.normalised,
        sentence: total.sentence,
        confidence: Math.min(total.item.confidence, 0.6),
      };
    }
  }

  const lotList = [...lots.values()];
  // "112, 51, 99 and 99 days respectively": one number for each lot, in the lots' order.
  for (const { item, sentence } of dayLists) {
    if (item.length !== lotList.length) {
      notes.push(
        `The days ${item.join(", ")} are given “respectively” but there are ${lotList.length} lots; they were left out (${quote(sentence)}).`,
      );
      continue;
    }
    lotList.forEach((lot, i) => {
      if (lot.input.days !== undefined) return;
      lot.input.days = item[i];
      lot.sources.days = { value: item[i], sentence, confidence: 0.75 };
    });
  }
  for (const entry of loose) {
    const { item, sentence } = entry;
    const targets =
      lotList.length === 1 || item.each ? lotList.filter((l) => l.input.days === undefined) : [];
    if (targets.length === 0) {
      notes.push(`${daysWord(item.days)} is not tied to a lot and was left out (${quote(sentence)}).`);
      continue;
    }
    for (const lot of targets) {
      lot.input.days = item.days;
      lot.sources.days = {
        value: item.days,
        sentence,
        confidence: lotList.length === 1 ? item.confidence : item.confidence * 0.9,
      };
    }
  }

  // ---- tender-level fields ----------------------------------------------------------------
  const input: NoticeTenderInput = {
    title: "",
    buyer: "",
    currency: "GBP",
    region: "GB-ENG",
    vatRate: 20,
    lots: lotList.map((l) => l.input),
  };

  const title = findTitle(text, sentences);
  if (title === null) {
    missing.push("no title found");
  } else {
    input.title = title.value;
    fields.title = { value: title.value, sentence: title.sentence, confidence: title.confidence };
  }
  const buyer = findBuyer(sentences);
  if (buyer === null) {
    missing.push("no buyer found");
  } else {
    input.buyer = buyer.value;
    fields.buyer = { value: buyer.value, sentence: buyer.sentence, confidence: buyer.confidence };
  }

  if (total === undefined) {
    missing.push("no stated total found");
  } else {
    input.statedTotal = total.item.normalised;
    fields.statedTotal = {
      value: total.item.normalised,
      sentence: total.sentence,
      confidence: total.item.confidence,
    };
  }
  if (tenderRate !== undefined) {
    input.dayRate = tenderRate.item.normalised;
    fields.dayRate = {
      value: tenderRate.item.normalised,
      sentence: tenderRate.sentence,
      confidence: tenderRate.item.confidence,
    };
  } else if (lotList.some((l) => l.input.dayRate === undefined)) {
    missing.push("no day rate found");
  }
  const withoutDays = lotList.filter((l) => l.input.days === undefined).map((l) => l.input.name);
  if (withoutDays.length > 0) {
    missing.push(`no days found for ${withoutDays.join(", ")}`);
  }

  // Dates.
  const dateLine = findDateLine(text);
  let ref: Reference | null = null;
  if (dateLine !== null) {
    ref = { date: dateLine.date, source: `the date line “${dateLine.line}”`, fromDateLine: true };
  } else if (options.referenceDate !== undefined) {
    if (validReference(options.referenceDate)) {
      ref = { date: options.referenceDate, source: "the reference date given", fromDateLine: false };
    } else {
      notes.push(
        `The reference date ${String(options.referenceDate)} is not a YYYY-MM-DD date and was ignored.`,
      );
    }
  }
  const { dates, undated } = findTenderDates(sentences, ref);
  const roles: DateRole[] = ["closingDate", "startDate", "endDate"];
  for (const role of roles) {
    const found = dates.filter((d) => d.role === role);
    const first: DateMention | undefined = found[0];
    if (first === undefined) {
      const without = undated.find((u) => u.role === role);
      missing.push(
        without === undefined
          ? `no ${ROLE_WORDS[role]} found`
          : `no ${ROLE_WORDS[role]} found: “${without.written}” has no year and the text has no date line; give the year`,
      );
      continue;
    }
    input[role] = first.date;
    fields[role] = { value: first.date, sentence: first.sentence, confidence: first.confidence };
    if (!first.yearStated && ref !== null) {
      notes.push(
        `The ${ROLE_WORDS[role]} “${first.written}” has no year; ${first.date.slice(0, 4)} was taken from ${ref.source}.`,
      );
    }
    for (const other of found.slice(1)) {
      if (other.date !== first.date) {
        notes.push(
          `Another ${ROLE_WORDS[role]}, ${other.date}, was left out; ${first.date} was kept (${quote(other.sentence, other.written)}).`,
        );
      }
    }
  }

  // Region and VAT.
  const region = findRegion(sentences.map((s) => s.text));
  if (region !== null) {
    input.region = region.value;
    fields.region = { value: region.value, sentence: region.sentence, confidence: 0.6 };
  } else {
    notes.push("England and Wales bank holidays assumed (the text names no other region).");
  }
  const vatSentence = sentences.find((s) =>
    /\b(?:inc(?:l(?:uding|usive)?)?\.?|plus|exc(?:l(?:uding|usive)?)?\.?)\s+(?:of\s+)?VAT\b/i.test(s.text),
  );
  if (
    vatSentence !== undefined &&
    /\binc(?:l(?:uding|usive)?)?\.?\s+(?:of\s+)?VAT\b/i.test(vatSentence.text)
  ) {
    notes.push(
      `The text gives amounts including VAT; the tender treats figures as ex-VAT. Check ${quote(vatSentence.text, "VAT")}.`,
    );
  } else {
    notes.push("Amounts read as ex-VAT with VAT at 20%.");
  }

  const sources = lotList.map((l) => l.sources);
  if (total !== undefined && lotList.length > 1 && lotList.every((l) => l.pence !== undefined)) {
    const sum = lotList.reduce((acc, l) => acc + (l.pence ?? 0), 0);
    if (sum !== total.item.amount.pence) {
      notes.push(
        `The lots add up to ${formatMoney(sum, { omitZeroPence: true })}, not the stated ${total.item.written}; the check reports the difference.`,
      );
    }
  }

  return { ok: true, input, fields, lots: sources, missing, notes };
}

/** The one place a lone amount can belong to: a single council or place named for the work. */
function singlePlace(sentences: readonly string[]): { name: string; sentence: string } | null {
  const found = new Map<string, { name: string; sentence: string }>();
  const council =
    /\b((?:[A-Z][A-Za-z'’-]*\s+){1,3})(?:Metropolitan\s+Borough\s+|Borough\s+|County\s+|City\s+|District\s+)?Council\b/g;
  const forPlace =
    /\b(?:commissioners?|advisers?|advisors?|consultants?|support|review|lot)\s+(?:for|in|at)\s+((?:[A-Z][A-Za-z'’-]*)(?:\s+(?:upon\s+|on\s+)?[A-Z][A-Za-z'’-]*)*)/g;
  for (const s of sentences) {
    for (const re of [council, forPlace]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s)) !== null) {
        const name = cleanName(re === council ? m[0] : m[1]).replace(/^The\s+/, "");
        if (name.length === 0 || /^(?:The|This|A|An|Each|Every)$/.test(name)) continue;
        const key = nameKey(name);
        if (!found.has(key)) found.set(key, { name, sentence: s });
      }
    }
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

function findRegion(sentences: readonly string[]): { value: Region; sentence: string } | null {
  for (const s of sentences) {
    if (/\bNorthern Ireland\b/.test(s)) return { value: "GB-NIR", sentence: s };
  }
  for (const s of sentences) {
    if (/\b(?:Scotland|Scottish)\b/.test(s)) return { value: "GB-SCT", sentence: s };
  }
  return null;
}
