/**
 * Notices as Contracts Finder, Find a Tender and the sites that re-publish them lay them out:
 * labelled lines ("Value: 6000000.0 GBP   Gross: 7200000.0 GBP", "Deadline: 20 Nov 2025, 12:00"),
 * a buyer in capitals on a line of its own, Find a Tender's blocks (a heading, then its value on the
 * next lines: "Total value (estimated)" / "£250,000 excluding VAT" / "£300,000 including VAT"), and
 * lots run together on one line ("Lot 1 Building Services Engineering Lot 2 …").
 *
 * `readLayout` rewrites such text into the plain labelled lines the rest of the reader understands
 * ("Buyer: Bolton Metropolitan Borough Council", "Value of contract: £6,000,000", "Lot 1 (£125,000):
 * North Sheffield", "Closing: 6 March 2026"), and returns what the lines alone say: the lots listed
 * without a value (kept as lots that need one), and the amounts including VAT beside the ex-VAT
 * ones, checked against each other. Text in other shapes passes through unchanged.
 */
import { formatMoney, vatOn } from "../core/money";

export interface ListedLot {
  name: string;
  /** The line it was listed on, as published. */
  line: string;
}

export interface Layout {
  /** The text with published layouts rewritten as plain labelled lines. */
  text: string;
  /** Lots the notice lists without a value, in order. */
  listedLots: ListedLot[];
  /** What the rewriting found worth telling the user (gross amounts and whether they agree). */
  notes: string[];
  /** Each rewritten line and the published line(s) it came from, for quoting the notice as written. */
  origins: Map<string, string>;
}

/** Words that make a line in capitals an organisation's name. */
const ORGANISATION_WORD =
  /\b(?:COUNCIL|DEPARTMENT|MINISTRY|NHS|BOARD|AUTHORITY|TRUST|AGENCY|OFFICE|UNIVERSITY|COLLEGE|POLICE|COMMISSIONER|BOROUGH|GOVERNMENT|EXECUTIVE|PARTNERSHIP|LIMITED|LTD|PLC|ACADEMY|ACADEMIES|CORPORATION|FOUNDATION|SERVICE|COMMISSION)\b/;
const SMALL_WORDS = new Set(["of", "and", "the", "for", "in", "on", "at", "to", "upon", "under", "by"]);
/** Initialisms kept in capitals when a name in capitals is put in the usual case. */
const INITIALISMS = new Set([
  "NHS",
  "ICB",
  "UK",
  "HM",
  "GLA",
  "BBC",
  "CIC",
  "LLP",
  "PLC",
  "TFL",
  "II",
  "III",
]);

/** "LONDON BOROUGH OF BARKING AND DAGENHAM" → "London Borough of Barking and Dagenham". */
export function nameFromCapitals(capitals: string): string {
  const word = (w: string, first: boolean): string => {
    if (INITIALISMS.has(w.replace(/[^A-Z]/g, ""))) return w === "TFL" ? "TfL" : w;
    const lower = w.toLowerCase();
    if (!first && SMALL_WORDS.has(lower)) return lower;
    // "STOCKTON-ON-TEES" → "Stockton-on-Tees"; "KING'S" → "King's".
    return lower
      .split("-")
      .map((part, i) =>
        i > 0 && SMALL_WORDS.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1),
      )
      .join("-");
  };
  return capitals
    .trim()
    .split(/\s+/)
    .map((w, i) => word(w, i === 0))
    .join(" ");
}

/** A line that is an organisation's name in capitals: "BOLTON METROPOLITAN BOROUGH COUNCIL". */
function isBuyerInCapitals(line: string): boolean {
  return (
    /^[A-Z][A-Z0-9&'’(),.\- ]+$/.test(line) &&
    line.trim().split(/\s+/).length >= 2 &&
    ORGANISATION_WORD.test(line)
  );
}

/** "6000000.0 GBP", "GBP 6,000,000", "£6000000.00" → pence; null when not an amount. */
function pence(written: string): number | null {
  const m = /^(?:£|GBP\s*)?(\d[\d,]*)(?:\.(\d{1,2}))?(?:\s*GBP)?$/i.exec(written.trim());
  if (m === null) return null;
  const pounds = Number(m[1].replace(/,/g, ""));
  if (!Number.isSafeInteger(pounds)) return null;
  const fraction = m[2] === undefined ? 0 : Number(m[2].padEnd(2, "0"));
  return pounds * 100 + fraction;
}

const money = (p: number): string => formatMoney(p, { omitZeroPence: true });

/** An amount written with the currency code after or before it: "6000000.0 GBP", "GBP 250,000". */
// A figure starts only where a run of digits and commas starts (the look-behind), so each run is
// tried once: linear in the length of the line, whatever it holds ("1,1,1,…" × 40,000).
const CODE_AMOUNT =
  /(?:\bGBP\s*(\d[\d,]*(?:\.\d{1,2})?)(?![\d,])|(?<![\d,.])(\d[\d,]*(?:\.\d{1,2})?)\s*GBP\b)/g;

/** "6000000.0 GBP" → "£6,000,000" wherever it stands. */
function poundsForCodes(line: string): string {
  if (!line.includes("GBP")) return line;
  return line.replace(CODE_AMOUNT, (whole, before?: string, after?: string) => {
    const p = pence(before ?? after ?? "");
    return p === null ? whole : money(p);
  });
}

/** "Gross: £7,200,000" against "Value: £6,000,000": does it add VAT at the usual 20%? */
function grossNote(net: number, gross: number, where: string): string {
  const expected = net + vatOn(net, 20);
  return gross === expected
    ? `${where}: ${money(gross)} including VAT is ${money(net)} plus VAT at 20%; the tender uses ${money(net)} (ex VAT).`
    : `${where}: ${money(gross)} including VAT is not ${money(net)} plus VAT at 20% (${money(expected)}); the tender uses ${money(net)} (ex VAT). Check the VAT rate.`;
}

const EX_VAT_LINE = /^(£[\d,]+(?:\.\d{1,2})?)\s+excluding\s+VAT$/i;
const INC_VAT_LINE = /^(£[\d,]+(?:\.\d{1,2})?)\s+including\s+VAT$/i;
/** Find a Tender's page furniture: headings and identifiers that are not part of the tender. */
const FURNITURE =
  /^(?:tender notice|scope|submission|procedure|lots?|contracting authority|lot value \(estimated\)|UK\d+:.*|notice identifier:.*|procurement identifier.*|view information about notice types)$/i;
/** "Lot 1 Name", "Lot 1. Name", "Lot 1 - Name" at the start of a piece of a line. */
const LOT_START = /\bLot\s+(\d+)\b/g;

/**
 * One listed lot: "Lot 2 Scarborough: £30,000", "Lot 1 Schools Audit (£120,000)" or "Lot 1
 * Building Services Engineering"; null when the piece is not of that shape.
 */
function lotPiece(piece: string): { n: string; name: string; value: string | null } | null {
  // In steps, each a single pass: a lazy name followed by optional spaces and value, as one
  // pattern, tried every split of a run of spaces against every other (cubic: 4,000 spaces ran a
  // minute).
  const m = /^Lot\s+(\d+)(?:\s*[.:–-])?\s+(\S.*)$/.exec(piece.trim());
  if (m === null) return null;
  const rest = m[2].replace(/[.;]$/, "").trimEnd();
  const v = /(?::\s*(£[\d,.]+)|\((£[\d,.]+)\))$/.exec(rest);
  const name = (v === null ? rest : rest.slice(0, v.index)).trim();
  if (!/^[A-Za-z][^:£()]*$/.test(name)) return null;
  const value = v === null ? null : (v[1] ?? v[2]);
  // Without a value only a name is a lot: "Lot 2 Tree Surgery", not "Lot 1 covers the north".
  if (value === null && !isNameLike(name)) return null;
  return { n: m[1], name, value };
}

/** Words of a name: each capitalised ("Building Services Engineering") or a small word between. */
function isNameLike(name: string): boolean {
  const words = name.split(/\s+/);
  return words.every((w, i) => /^[A-Z0-9&]/.test(w) || (i > 0 && SMALL_WORDS.has(w)));
}

/** Rewrites the published layouts in `text`; see the module's comment. */
export function readLayout(text: string): Layout {
  const lines = text.split(/\r?\n/).map((l) => l.trimEnd());
  const out: string[] = [];
  const listedLots: ListedLot[] = [];
  const notes: string[] = [];
  const origins = new Map<string, string>();
  let afterTenderNotice = false;
  /** A rewritten line, remembering what was published. */
  const emit = (rewritten: string, published: string): void => {
    out.push(rewritten);
    if (rewritten !== published) origins.set(rewritten, published);
  };

  /** The ex-VAT amount on the lines after a value heading (and the including-VAT one, noted). */
  const blockValue = (from: number, where: string): { value: string | null; next: number } => {
    let i = from;
    while (i < lines.length && lines[i].trim() === "") i++;
    const ex = EX_VAT_LINE.exec(lines[i]?.trim() ?? "");
    if (ex === null) return { value: null, next: from };
    const inc = INC_VAT_LINE.exec(lines[i + 1]?.trim() ?? "");
    const net = pence(ex[1]);
    if (inc !== null) {
      const gross = pence(inc[1]);
      if (net !== null && gross !== null) notes.push(grossNote(net, gross, where));
      return { value: ex[1], next: i + 2 };
    }
    return { value: ex[1], next: i + 1 };
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();

    // Find a Tender: the buyer is the line after the "Tender notice" heading.
    if (/^tender notice$/i.test(line)) {
      afterTenderNotice = true;
      continue;
    }
    if (afterTenderNotice && line !== "") {
      afterTenderNotice = false;
      if (!/[:£]/.test(line) && !FURNITURE.test(line)) {
        emit(`Buyer: ${isBuyerInCapitals(line) ? nameFromCapitals(line) : line}`, line);
        continue;
      }
    }
    if (FURNITURE.test(line)) continue;

    // A buyer in capitals, alone on its line or after a "Buyer:" label.
    const labelled = /^(buyer|contracting authority|organisation)\s*:\s*(\S.*)$/i.exec(line);
    if (labelled !== null && isBuyerInCapitals(labelled[2])) {
      emit(`Buyer: ${nameFromCapitals(labelled[2])}`, line);
      continue;
    }
    if (isBuyerInCapitals(line) && !/[:£]/.test(line)) {
      emit(`Buyer: ${nameFromCapitals(line)}`, line);
      continue;
    }

    // "Tender: Coastal flood modelling" is the title, as "Title:" is.
    const tender = /^tender\s*:\s*(\S.*)$/i.exec(line);
    if (tender !== null) {
      emit(`Title: ${tender[1]}`, line);
      continue;
    }

    // "Value: 6000000.0 GBP   Gross: 7200000.0 GBP".
    const valueGross = /^(?:estimated\s+)?value\s*:\s*(\S.*?)(?<=\S)\s+gross\s*:\s*(\S.*)$/i.exec(line);
    if (valueGross !== null) {
      const net = pence(valueGross[1]);
      const gross = pence(valueGross[2]);
      if (net !== null && gross !== null) {
        notes.push(grossNote(net, gross, "Gross value"));
        emit(`Value of contract: ${money(net)}`, line);
        continue;
      }
    }

    // Find a Tender's blocks: a heading with its value or dates on the next lines.
    if (/^total value(?: \(estimated\))?$/i.test(line)) {
      const { value, next } = blockValue(i + 1, "Total value");
      if (value !== null) {
        emit(
          `Value of contract: ${value}`,
          lines
            .slice(i, next)
            .map((l) => l.trim())
            .filter(Boolean)
            .join(" "),
        );
        i = next - 1;
        continue;
      }
    }
    if (/^(?:tender\s+)?submission deadline$/i.test(line) && lines[i + 1]?.trim()) {
      emit(`Closing: ${lines[i + 1].trim()}`, `${line} ${lines[i + 1].trim()}`);
      i += 1;
      continue;
    }
    if (/^contract dates(?: \(estimated\))?$/i.test(line)) {
      const span = /^(\S.*?)(?<=\S)\s+to\s+(\S.*)$/i.exec(lines[i + 1]?.trim() ?? "");
      if (span !== null) {
        const published = `${line} ${lines[i + 1].trim()}`;
        emit(`Contract start: ${span[1]}`, published);
        emit(`Contract end: ${span[2]}`, published);
        i += 1;
        continue;
      }
    }
    if (/^main procurement category$/i.test(line) && /^\w+$/.test(lines[i + 1]?.trim() ?? "")) {
      emit(`Main procurement category: ${lines[i + 1].trim()}`, `${line} ${lines[i + 1].trim()}`);
      i += 1;
      continue;
    }
    const published = /^published\s+(\d{1,2}\s+\w+\s+\d{4})(?:,.*)?$/i.exec(line);
    if (published !== null) {
      emit(`Published date: ${published[1]}`, line);
      continue;
    }

    // Lots: one a line, or run together; a Find a Tender lot heading takes the value under it.
    const starts = [...line.matchAll(LOT_START)].map((m) => m.index ?? 0);
    if (starts.length > 0 && starts[0] === 0) {
      const pieces = starts.map((s, k) => line.slice(s, starts[k + 1] ?? line.length));
      const lots = pieces.map((p) => lotPiece(poundsForCodes(p)));
      if (lots.every((l) => l !== null)) {
        for (const lot of lots as NonNullable<(typeof lots)[number]>[]) {
          let value = lot.value;
          let published = line;
          if (value === null && pieces.length === 1) {
            // Find a Tender: "Lot 1. North Sheffield" / "Lot value (estimated)" / "£125,000 excluding VAT".
            let j = i + 1;
            while (j < lines.length && lines[j].trim() === "") j++;
            if (/^lot value(?: \(estimated\))?$/i.test(lines[j]?.trim() ?? "")) {
              const found = blockValue(j + 1, `Lot ${lot.n} value`);
              if (found.value !== null) {
                value = found.value;
                published = lines
                  .slice(i, found.next)
                  .map((l) => l.trim())
                  .filter(Boolean)
                  .join(" ");
                i = found.next - 1;
              }
            }
          }
          if (value === null) listedLots.push({ name: lot.name, line });
          emit(
            value === null ? `Lot ${lot.n}: ${lot.name}` : `Lot ${lot.n} (${value}): ${lot.name}`,
            published,
          );
        }
        continue;
      }
    }

    emit(poundsForCodes(raw), raw);
  }
  return { text: out.join("\n"), listedLots, notes, origins };
}
