/**
 * Reading a tender from the text of a notice or news report: put the amounts, days, dates, buyer
 * and title found in the sentences together into the tender file input, with provenance.
 */
import { formatMoney } from "../core/money";
import type { ClassifiedAmount } from "./amounts";
import { classifyAmount, findMoney } from "./amounts";
import { isNoticeText } from "./cues";
import type { DaysMention } from "./days";
import { findDays, findDaysList } from "./days";
import { findBuyer, findTitle } from "./buyer";
import type { FieldSource, NoticeOptions, NoticeResult, NoticeTenderInput } from "./result";
import type { Sentence } from "./sentences";
import { splitSentences } from "./sentences";
import { daysWord, Draft, type LotDraft, quote, type Sourced } from "./draft";
import { readLayout } from "./layout";
import { fillDates, reference, regionAndVat, rulesFields, singlePlace } from "./tender-fields";

export const NO_TENDER_AMOUNTS = "No tender amounts found in the text.";

interface Scan {
  amounts: Sourced<ClassifiedAmount>[];
  days: Sourced<DaysMention>[];
  dayLists: Sourced<number[]>[];
}

/** Every money figure, number of days and "respectively" list of days, sentence by sentence. */
function scan(sentences: readonly Sentence[], inNotice: boolean): Scan {
  const out: Scan = { amounts: [], days: [], dayLists: [] };
  for (const s of sentences) {
    for (const m of findMoney(s.text)) {
      out.amounts.push({ item: classifyAmount(s.text, m, inNotice), sentence: s.text });
    }
    const list = findDaysList(s.text);
    if (list !== null) out.dayLists.push({ item: list.days, sentence: s.text });
    for (const d of findDays(s.text)) {
      if (list !== null && d.start >= list.start && d.end <= list.end) continue;
      out.days.push({ item: d, sentence: s.text });
    }
  }
  return out;
}

function isTenderAmount(a: ClassifiedAmount): boolean {
  return a.role !== "otherRate" && a.role !== "spending" && a.role !== "range";
}

/** "£107,520 in Barnet", "£95,040 in both Reading and Worcestershire", "Croydon (£402,500)". */
function placeLotValues(draft: Draft, amounts: readonly Sourced<ClassifiedAmount>[]): void {
  for (const { item, sentence } of amounts) {
    if (item.role !== "lot") continue;
    if (item.names.length > 1 && !item.each) {
      draft.notes.push(
        `${item.written} is given for ${item.names.join(" and ")} together; it was read as ${item.written} for each. ` +
          `Check ${quote(sentence, item.written)}.`,
      );
    }
    for (const name of item.names) {
      const lot = draft.lot(name, sentence, item.confidence);
      if (lot.pence !== undefined) {
        if (lot.pence !== item.amount.pence) {
          draft.notes.push(
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
}

/**
 * The stated total: the most plainly stated one (the first of equals); failing that, a lone amount
 * with no cue when nothing else gives a value.
 */
function chooseTotal(
  draft: Draft,
  amounts: readonly Sourced<ClassifiedAmount>[],
): Sourced<ClassifiedAmount> | undefined {
  const totals = amounts.filter((a) => a.item.role === "total");
  const uncued = amounts.filter((a) => a.item.role === "uncued");
  let total = totals.reduce<Sourced<ClassifiedAmount> | undefined>(
    (best, t) => (best === undefined || t.item.confidence > best.item.confidence ? t : best),
    undefined,
  );
  if (total === undefined && uncued.length === 1 && draft.lots.size === 0) {
    total = { item: { ...uncued[0].item, confidence: 0.5 }, sentence: uncued[0].sentence };
    draft.notes.push(
      `${total.item.written} is the only tender amount without a cue; it was read as the stated total (${quote(total.sentence, total.item.written)}).`,
    );
  } else {
    for (const { item, sentence } of uncued) {
      draft.notes.push(
        `${item.written} was left out: nothing says what it is for (${quote(sentence, item.written)}).`,
      );
    }
  }
  for (const other of totals) {
    if (total !== undefined && other !== total && other.item.amount.pence !== total.item.amount.pence) {
      draft.notes.push(
        `Another total, ${other.item.written}, was left out; ${total.item.written} was kept (${quote(other.sentence, other.item.written)}).`,
      );
    }
  }
  return total;
}

/** Day rates tied to a lot go to that lot; the first other one is the tender's default. */
function placeDayRates(
  draft: Draft,
  amounts: readonly Sourced<ClassifiedAmount>[],
): Sourced<ClassifiedAmount> | undefined {
  let tenderRate: Sourced<ClassifiedAmount> | undefined;
  for (const entry of amounts) {
    const { item, sentence } = entry;
    if (item.role !== "dayRate") continue;
    if (item.names.length > 0) {
      for (const name of item.names) {
        const lot = draft.lot(name, sentence, item.confidence);
        if (lot.input.dayRate === undefined) {
          lot.input.dayRate = item.normalised;
          lot.sources.dayRate = { value: item.normalised, sentence, confidence: item.confidence };
        }
      }
    } else if (tenderRate === undefined) {
      tenderRate = entry;
    } else if (tenderRate.item.amount.pence !== item.amount.pence) {
      draft.notes.push(
        `Another day rate, ${item.written}, was left out; ${tenderRate.item.written} was kept (${quote(sentence, item.written)}).`,
      );
    }
  }
  return tenderRate;
}

/** Days tied to a lot ("Slough (40 days)"); returns the days tied to none. */
function placeTiedDays(draft: Draft, days: readonly Sourced<DaysMention>[]): Sourced<DaysMention>[] {
  const loose: Sourced<DaysMention>[] = [];
  for (const entry of days) {
    const { item, sentence } = entry;
    if (item.names.length === 0) {
      loose.push(entry);
      continue;
    }
    for (const name of item.names) {
      const lot = draft.lot(name, sentence, item.confidence);
      if (lot.input.days === undefined) {
        lot.input.days = item.days;
        lot.sources.days = { value: item.days, sentence, confidence: item.confidence };
      }
    }
  }
  return loose;
}

/**
 * When no amount is tied to a place, the tender is one lot: the one place the text names for the
 * work ("a commissioner for Sandwell"), else "Whole contract". Its value comes from its days at the
 * day rate; the stated total stays the tender's (see `carryTotal`).
 */
function oneLot(
  draft: Draft,
  sentences: readonly Sentence[],
  total: Sourced<ClassifiedAmount> | undefined,
): LotDraft {
  const place = singlePlace(sentences.map((s) => s.text));
  const name = place?.name ?? "Whole contract";
  const lot = draft.lot(name, place?.sentence ?? total?.sentence ?? "", place === null ? 0.4 : 0.6);
  draft.notes.push(
    place === null
      ? "The text ties no amount to a place or lot, so the tender was read as one lot, “Whole contract”; rename or split it."
      : `The text names one place, ${place.name}, and ties no amount to it, so the tender was read as one lot for ${place.name}.`,
  );
  return lot;
}

/**
 * The one lot of a tender read as one lot carries the stated total as its value only when nothing
 * else can value it (no days): with days at a day rate, copying the total in would make a lot
 * value "stated" that the notice never gave, and report a difference the user never made.
 */
function carryTotal(lot: LotDraft, total: Sourced<ClassifiedAmount> | undefined): void {
  if (total === undefined || lot.input.days !== undefined) return;
  lot.pence = total.item.amount.pence;
  lot.input.statedValue = total.item.normalised;
  lot.sources.statedValue = {
    value: total.item.normalised,
    sentence: total.sentence,
    confidence: Math.min(total.item.confidence, 0.6),
  };
}

/** Words before a total that make it a ceiling: "up to £130,000", "a budget of", "capped at". */
const CEILING_BEFORE =
  /\b(?:up\s+to|budget(?:ed)?(?:\s+of)?|allocat(?:ed|ion)(?:\s+of)?|maximum(?:\s+(?:value|budget))?(?:\s+of)?|max\.?|capped\s+at|cap(?:\s+of)?|ceiling(?:\s+of)?|(?:must\s+)?not\s+(?:to\s+)?exceed(?:ing)?|no\s+more\s+than|at\s+most)\b[^£.;]{0,20}$/i;
/** Words after a total that make it a ceiling: "£130,000 has been allocated", "£130,000 maximum". */
const CEILING_AFTER =
  /^[^.;£]{0,25}?\b(?:(?:has|have)\s+been\s+(?:allocated|budgeted)|is\s+(?:allocated|budgeted|the\s+maximum|the\s+budget)|budget|maximum|cap)\b/i;

/** The total is a ceiling when the words around it say so; the cue, else undefined. */
function ceilingCue(total: Sourced<ClassifiedAmount>): string | undefined {
  const sentence = total.sentence;
  const before = CEILING_BEFORE.exec(sentence.slice(Math.max(0, total.item.start - 60), total.item.start));
  if (before !== null) return before[0].trim();
  const after = CEILING_AFTER.exec(sentence.slice(total.item.end, total.item.end + 60));
  return after === null ? undefined : after[0].trim();
}

/**
 * Days not tied to a lot: a "respectively" list gives one number per lot in order; a single
 * number goes to the only lot, or to every lot when the text says "each".
 */
function placeLooseDays(
  draft: Draft,
  lots: readonly LotDraft[],
  lists: readonly Sourced<number[]>[],
  loose: readonly Sourced<DaysMention>[],
): void {
  for (const { item, sentence } of lists) {
    if (item.length !== lots.length) {
      draft.notes.push(
        `The days ${item.join(", ")} are given “respectively” but there are ${lots.length} lots; they were left out (${quote(sentence)}).`,
      );
      continue;
    }
    lots.forEach((lot, i) => {
      if (lot.input.days !== undefined) return;
      lot.input.days = item[i];
      lot.sources.days = { value: item[i], sentence, confidence: 0.75 };
    });
  }
  for (const { item, sentence } of loose) {
    const targets = lots.length === 1 || item.each ? lots.filter((l) => l.input.days === undefined) : [];
    if (targets.length === 0) {
      draft.notes.push(`${daysWord(item.days)} is not tied to a lot and was left out (${quote(sentence)}).`);
      continue;
    }
    for (const lot of targets) {
      lot.input.days = item.days;
      lot.sources.days = {
        value: item.days,
        sentence,
        confidence: lots.length === 1 ? item.confidence : item.confidence * 0.9,
      };
    }
  }
}

/** Reads a tender from the text of a notice. Never throws; see `NoticeResult`. */
export function parseNotice(published: string, options: NoticeOptions = {}): NoticeResult {
  if (typeof published !== "string") {
    return { ok: false, error: "The notice must be text.", notes: [] };
  }
  const draft = new Draft();
  // Published layouts (labelled lines, a buyer in capitals, Find a Tender's blocks, lots run
  // together) as the plain lines the rest reads; lots listed without a value stay lots.
  const layout = readLayout(published);
  const text = layout.text;
  draft.notes.push(...layout.notes);
  const sentences = splitSentences(text);
  const found = scan(sentences, isNoticeText(text));
  for (const { item, sentence } of found.amounts) {
    if (!isTenderAmount(item)) {
      draft.notes.push(
        `${item.written} was not read as a tender amount (${item.cue}): ${quote(sentence, item.written)}.`,
      );
    }
  }
  const amounts = found.amounts.filter((a) => isTenderAmount(a.item));
  if (amounts.length === 0) return { ok: false, error: NO_TENDER_AMOUNTS, notes: draft.notes };

  for (const listed of layout.listedLots) draft.lot(listed.name, listed.line, 0.8);
  placeLotValues(draft, amounts);
  const total = chooseTotal(draft, amounts);
  const tenderRate = placeDayRates(draft, amounts);
  const loose = placeTiedDays(draft, found.days);
  const readAsOne = draft.lots.size === 0;
  if (readAsOne) {
    if (total === undefined && tenderRate === undefined) {
      return { ok: false, error: NO_TENDER_AMOUNTS, notes: draft.notes };
    }
    const only = oneLot(draft, sentences, total);
    placeLooseDays(draft, [only], found.dayLists, loose);
    carryTotal(only, total);
  }
  const lots = [...draft.lots.values()];
  if (!readAsOne) placeLooseDays(draft, lots, found.dayLists, loose);

  const input: NoticeTenderInput = {
    title: "",
    buyer: "",
    currency: "GBP",
    region: "GB-ENG",
    vatRate: 20,
    lots: lots.map((l) => l.input),
  };
  const title = findTitle(text, sentences);
  if (title === null) draft.missing.push("no title found");
  else {
    input.title = title.value;
    draft.fields.title = { value: title.value, sentence: title.sentence, confidence: title.confidence };
  }
  const buyer = findBuyer(sentences);
  if (buyer === null) draft.missing.push("no buyer found");
  else {
    input.buyer = buyer.value;
    draft.fields.buyer = { value: buyer.value, sentence: buyer.sentence, confidence: buyer.confidence };
  }
  rulesFields(draft, input, text, buyer);
  const unvalued = lots.filter((l) => l.pence === undefined && l.input.days === undefined);
  if (layout.listedLots.length > 0 && unvalued.length > 0) {
    draft.notes.push(
      `The notice lists ${unvalued.map((l) => l.input.name).join(", ")} without a value or days; they are kept as lots: give each its value or days.`,
    );
  }
  if (total === undefined) draft.missing.push("no stated total found");
  else {
    input.statedTotal = total.item.normalised;
    const cue = ceilingCue(total);
    if (cue !== undefined) {
      input.statedTotalIsCeiling = true;
      draft.notes.push(
        `The stated total ${total.item.written} is read as a ceiling (“${cue}”): lots that go over it are an error, whatever its rounding. Untick “The stated total is a ceiling” on Review if it is only an estimate.`,
      );
    }
    draft.fields.statedTotal = {
      value: total.item.normalised,
      sentence: total.sentence,
      confidence: total.item.confidence,
    };
  }
  if (tenderRate !== undefined) {
    input.dayRate = tenderRate.item.normalised;
    draft.fields.dayRate = {
      value: tenderRate.item.normalised,
      sentence: tenderRate.sentence,
      confidence: tenderRate.item.confidence,
    };
  } else if (lots.some((l) => l.input.dayRate === undefined)) {
    draft.missing.push("no day rate found");
  }
  const withoutDays = lots.filter((l) => l.input.days === undefined).map((l) => l.input.name);
  if (withoutDays.length > 0) draft.missing.push(`no days found for ${withoutDays.join(", ")}`);

  fillDates(draft, input, sentences, reference(draft, text, options));
  regionAndVat(draft, input, sentences);

  if (total !== undefined && lots.length > 1 && lots.every((l) => l.pence !== undefined)) {
    const sum = lots.reduce((acc, l) => acc + (l.pence ?? 0), 0);
    if (sum !== total.item.amount.pence) {
      draft.notes.push(
        `The lots add up to ${formatMoney(sum, { omitZeroPence: true })}, not the stated ${total.item.written}; the check reports the difference.`,
      );
    }
  }
  // Quote the notice as published, not as its layout was rewritten for reading.
  const asPublished = (source: FieldSource | undefined): void => {
    const published = source === undefined ? undefined : layout.origins.get(source.sentence);
    if (source !== undefined && published !== undefined) source.sentence = published;
  };
  Object.values(draft.fields).forEach(asPublished);
  for (const lot of lots) Object.values(lot.sources).forEach(asPublished);
  return {
    ok: true,
    input,
    fields: draft.fields,
    lots: lots.map((l) => l.sources),
    missing: draft.missing,
    notes: draft.notes,
  };
}
