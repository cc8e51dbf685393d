/**
 * Reading a tender from the text of a notice, an email or a news report.
 *
 * ```ts
 * const reading = parseNotice(text, { referenceDate: "2017-07-26" });
 * if (!reading.ok) show(reading.error, reading.notes); // "No tender amounts found in the text."
 * else {
 *   const tender = parseTender(reading.input); // the tender file shape, unchanged
 *   // reading.fields.closingDate → { value: "2017-07-31", sentence: "The closing date …", confidence: 0.8 }
 *   // reading.lots[i].statedValue, reading.missing ("no end date found"), reading.notes
 * }
 * ```
 *
 * Nothing is guessed silently: each value carries the sentence it was read from and how sure the
 * reading is; `missing` says what the text does not give and `notes` what was left out and why.
 * A lot can come back with neither days nor a stated value (only a day rate): `parseTender` then
 * asks for them, and `missing` already names the lot.
 *
 * Files: sentences (splitting), amounts (money, rates, days and what each figure is for), places
 * (lot names), dates (chrono-node en-GB, the article's date line), buyer (buyer and title),
 * assemble (putting it together), result (the types).
 */
export { NO_TENDER_AMOUNTS, parseNotice } from "./assemble";
export type {
  FieldSource,
  NoticeFailure,
  NoticeField,
  NoticeLotInput,
  NoticeLotSources,
  NoticeOptions,
  NoticeReading,
  NoticeResult,
  NoticeTenderInput,
} from "./result";
