/**
 * What reading a notice gives back: the tender file input for the engine (`parseTender`), and for
 * every field the sentence it came from and how sure the reading is, so the user can confirm it.
 */
import type { BuyerType, ContractType, IsoDate, Procedure, Region } from "../core/types";

/** A lot in the tender file shape: money as written ("£107,520"), dates `YYYY-MM-DD`. */
export interface NoticeLotInput {
  name: string;
  dayRate?: string;
  days?: number;
  statedValue?: string;
  startDate?: IsoDate;
  endDate?: IsoDate;
}

/** The tender file shape that `parseTender` reads. */
export interface NoticeTenderInput {
  title: string;
  buyer: string;
  currency: "GBP";
  statedTotal?: string;
  /** The words around the total make it a ceiling: a budget, allocation, cap or "up to" amount. */
  statedTotalIsCeiling?: true;
  dayRate?: string;
  closingDate?: IsoDate;
  startDate?: IsoDate;
  endDate?: IsoDate;
  region: Region;
  vatRate: number;
  lots: NoticeLotInput[];
  buyerType?: BuyerType;
  contractType?: ContractType;
  procedure?: Procedure;
  /** When the procurement started: the notice's "Published date". */
  publishedDate?: IsoDate;
}

/** Where a value came from. */
export interface FieldSource {
  /** The value as it went into the input ("£346,000", "2017-07-31", 60, "Barnet"). */
  value: unknown;
  /** The sentence of the notice it was read from. */
  sentence: string;
  /** How sure the reading is, from 0 (a guess) to 1 (stated plainly). */
  confidence: number;
}

export type NoticeField =
  | "title"
  | "buyer"
  | "statedTotal"
  | "dayRate"
  | "closingDate"
  | "startDate"
  | "endDate"
  | "region"
  | "buyerType"
  | "contractType"
  | "procedure"
  | "publishedDate";

export interface NoticeLotSources {
  name: FieldSource;
  statedValue?: FieldSource;
  dayRate?: FieldSource;
  days?: FieldSource;
}

export interface NoticeReading {
  ok: true;
  input: NoticeTenderInput;
  /** Provenance of each tender-level field that was read from the text. */
  fields: Partial<Record<NoticeField, FieldSource>>;
  /** Provenance of each lot, in the order of `input.lots`. */
  lots: NoticeLotSources[];
  /** What could not be found, in words: "no closing date found". */
  missing: string[];
  /** Everything else the user should know: amounts left out and why, defaults applied, conflicts. */
  notes: string[];
}

export interface NoticeFailure {
  ok: false;
  /** "No tender amounts found in the text." */
  error: string;
  /** Amounts seen but not taken as tender amounts, and why. */
  notes: string[];
}

export type NoticeResult = NoticeReading | NoticeFailure;

export interface NoticeOptions {
  /**
   * The date the notice was written, used for dates given without a year when the text has no
   * date line of its own. The text's date line wins over this.
   */
  referenceDate?: IsoDate;
}
