/**
 * Who is buying and what the tender is called: the buyer ("Department for Education", "DfE",
 * "Sandwell Council") and the title (a "Title:" field, an email's subject, else the headline: the
 * first non-empty line that is not an email header or web-page furniture).
 */
import type { Sentence } from "./sentences";
import { nonEmptyLines } from "./sentences";

export interface Found {
  value: string;
  sentence: string;
  confidence: number;
}

/** Short names of central government buyers, as the press and notices write them. */
const ACRONYMS: Record<string, string> = {
  DfE: "Department for Education",
  DHSC: "Department of Health and Social Care",
  DWP: "Department for Work and Pensions",
  DfT: "Department for Transport",
  DCMS: "Department for Culture, Media and Sport",
  Defra: "Department for Environment, Food and Rural Affairs",
  DEFRA: "Department for Environment, Food and Rural Affairs",
  MoJ: "Ministry of Justice",
  MoD: "Ministry of Defence",
  MOD: "Ministry of Defence",
  MHCLG: "Ministry of Housing, Communities and Local Government",
  DLUHC: "Department for Levelling Up, Housing and Communities",
  HMRC: "HM Revenue and Customs",
  FCDO: "Foreign, Commonwealth and Development Office",
  BEIS: "Department for Business, Energy and Industrial Strategy",
  DESNZ: "Department for Energy Security and Net Zero",
  DSIT: "Department for Science, Innovation and Technology",
  DBT: "Department for Business and Trade",
  DCLG: "Department for Communities and Local Government",
};

const ORG_WORD = "[A-Z][A-Za-z'’-]*";
const ORG_TAIL = `(?:(?:,\\s*|\\s+and\\s+|\\s+&\\s+|\\s+)${ORG_WORD})*`;
const ORGANISATION = new RegExp(
  [
    `\\b(?:Department|Ministry)\\s+(?:for|of)\\s+(?:the\\s+)?${ORG_WORD}${ORG_TAIL}`,
    `\\b(?:Home|Cabinet|Foreign,\\s+Commonwealth\\s+and\\s+Development|Scotland|Wales|Northern\\s+Ireland)\\s+Office\\b`,
    `\\bHM\\s+(?:Treasury|Revenue\\s+(?:and|&)\\s+Customs|Prison\\s+and\\s+Probation\\s+Service|Land\\s+Registry)`,
    `\\b(?:Scottish|Welsh)\\s+Government\\b`,
    `\\b(?:London|Royal)\\s+Borough\\s+of\\s+${ORG_WORD}(?:\\s+(?:upon\\s+)?${ORG_WORD})*`,
    `\\bNHS\\s+${ORG_WORD}(?:\\s+(?:and\\s+)?${ORG_WORD})*`,
    `\\b(?:${ORG_WORD}\\s+){1,4}(?:Metropolitan\\s+Borough\\s+|Borough\\s+|County\\s+|City\\s+|District\\s+)?Council\\b`,
    `\\b(?:${Object.keys(ACRONYMS).join("|")})\\b`,
  ].join("|"),
  "g",
);

/** Wording that makes the organisation in a sentence the buyer. */
const BUYING =
  /\b(?:will\s+appoint|is\s+(?:seeking|looking|inviting|procuring|tendering|commissioning)|seeks|invites|wishes\s+to|intends\s+to|plans\s+to|has\s+(?:issued|published|launched)|on\s+behalf\s+of|tender(?:s|ing)?\s+(?:from|by|for)|wants\s+to)\b/i;
const BUYER_LABEL =
  /^(?:buyer|contracting\s+authority|authority|organisation|organization|purchaser|commissioning\s+body|client|awarding\s+body)\s*[:–-]\s*(\S.*)$/i;
const TITLE_LABEL =
  /^(?:title|tender\s+title|contract\s+title|notice\s+title|opportunity)\s*[:–-]\s*(\S.*)$/i;
const SUBJECT_LABEL = /^(?:subject|re)\s*:\s*(?:(?:re|fw|fwd)\s*:\s*)*(\S.*)$/i;
/** Lines at the top of an email or web page that are not its headline. */
const NOT_HEADLINE =
  /^(?:from|to|cc|bcc|sent|date)\s*:|^your browser|cookies|^(?:dear|hi|hello)\b|^(?:skip to|menu|home\s*[|>])|^(?:buyer|contracting\s+authority|authority|organisation|(?:estimated\s+|contract\s+)?value(?:\s+of\s+contract)?|closing(?:\s+date)?|deadline|published(?:\s+date)?|ref(?:erence)?|contract\s+(?:start|end|type)|day\s+rate|lot\s+\d+)\s*:/i;

/** The full name an organisation mention stands for ("DfE" → "Department for Education"). */
function fullName(mention: string): string {
  const trimmed = mention.replace(/^The\s+/, "").trim();
  return Object.prototype.hasOwnProperty.call(ACRONYMS, trimmed) ? ACRONYMS[trimmed] : trimmed;
}

function organisations(s: string): string[] {
  ORGANISATION.lastIndex = 0;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = ORGANISATION.exec(s)) !== null) {
    // "Department for Education will": the tail must not swallow the next sentence's capitals.
    const name = m[0].replace(/(?:\s+(?:The|This|It|A|An|In|On|At|As))+$/, "");
    out.push(fullName(name));
  }
  return out;
}

/** The buyer: a labelled field, else the organisation doing the buying, else the one most named. */
export function findBuyer(sentences: readonly Sentence[]): Found | null {
  for (const s of sentences) {
    const label = BUYER_LABEL.exec(s.text);
    if (label !== null) {
      const value = fullName(label[1].replace(/[.;]$/, ""));
      if (value.length > 0) return { value, sentence: s.text, confidence: 0.95 };
    }
  }
  for (const s of sentences) {
    if (!BUYING.test(s.text)) continue;
    const orgs = organisations(s.text);
    if (orgs.length > 0) return { value: orgs[0], sentence: s.text, confidence: 0.85 };
  }
  const counts = new Map<string, { n: number; sentence: string }>();
  for (const s of sentences) {
    for (const org of organisations(s.text)) {
      const seen = counts.get(org);
      counts.set(org, { n: (seen?.n ?? 0) + 1, sentence: seen?.sentence ?? s.text });
    }
  }
  let best: { value: string; n: number; sentence: string } | null = null;
  for (const [value, { n, sentence }] of counts) {
    if (best === null || n > best.n) best = { value, n, sentence };
  }
  return best === null ? null : { value: best.value, sentence: best.sentence, confidence: 0.5 };
}

/** The words of what is bought, up to "for 120 days", "at £…", "from …" or the end of the clause. */
const WORK_WORDS = String.raw`((?=[^\s.;,:(])(?:(?!\s(?:for|at|from|by|over|worth|costing|valued|with\sa|starting|beginning|until)\s)[^.;,:(])+)`;
/**
 * What the work is, in a sentence that says what is bought: after "to provide", "for the provision
 * of" or "seeking" (not "seeking a consultant"), or a verb of the work itself with it ("to review
 * its children's services").
 */
const WORK_SUBJECT = new RegExp(
  String.raw`\b(?:(?:to\s+(?:provide|deliver|carry\s+out|undertake)|for\s+the\s+(?:provision|delivery)\s+of|(?:seeking|procuring|tendering\s+for|commissioning|invites\s+bids\s+for)(?!\s+(?:an?|the|one|two|three|\d+)\s+(?:consultant|supplier|provider|contractor|commissioner|adviser|advisor|partner|chair)s?\b))\s+${WORK_WORDS}|to\s+((?:review|lead|support|chair|improve|audit|evaluate|assess|act\s+as)\s+${WORK_WORDS.slice(1, -1)}))`,
  "i",
);

/** A title from what the work is, capitalised and cut to a headline's length; null when no sentence says. */
function titleFromWork(sentences: readonly Sentence[]): string | null {
  for (const s of sentences) {
    const work = WORK_SUBJECT.exec(s.text);
    if (work === null) continue;
    const words = (work[1] ?? work[2]).trim().replace(/\s+/g, " ");
    if (words.split(" ").length < 2) continue;
    const cut = words.length > 90 ? `${words.slice(0, 89).replace(/\s+\S*$/, "")}…` : words;
    return cut.charAt(0).toUpperCase() + cut.slice(1);
  }
  return null;
}

/** The title: a "Title:" field, else an email's subject, else the headline, else what the work is. */
export function findTitle(text: string, sentences: readonly Sentence[]): Found | null {
  for (const s of sentences) {
    const label = TITLE_LABEL.exec(s.text);
    if (label !== null && label[1].trim().length > 0) {
      return { value: label[1].trim(), sentence: s.text, confidence: 0.95 };
    }
  }
  for (const s of sentences) {
    const subject = SUBJECT_LABEL.exec(s.text);
    if (subject !== null && subject[1].trim().length > 0) {
      return { value: subject[1].trim().replace(/\.$/, ""), sentence: s.text, confidence: 0.8 };
    }
  }
  const lines = nonEmptyLines(text);
  const first = lines.find((l) => !NOT_HEADLINE.test(l)) ?? lines[0];
  if (first === undefined) return null;
  const headline = first.replace(/\s+/g, " ");
  // A first line that is a whole paragraph is not a headline: the title is what the work is, else
  // the start of the paragraph, and either is for the user to confirm.
  if (headline.length > 150 || /[a-z0-9)][.!?]\s+[A-Z]/.test(headline)) {
    const work = titleFromWork(sentences);
    if (work !== null) return { value: work, sentence: first, confidence: 0.5 };
    if (headline.length <= 150) return { value: headline, sentence: first, confidence: 0.3 };
    return { value: `${headline.slice(0, 120).replace(/\s+\S*$/, "")}…`, sentence: first, confidence: 0.3 };
  }
  return { value: headline, sentence: first, confidence: 0.7 };
}
