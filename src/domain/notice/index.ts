/** Reading a tender from the text of a notice or news report. */
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
