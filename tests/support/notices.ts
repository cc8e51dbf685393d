/** Notices in the tests: the fixtures in tests/fixtures/notices, and a reading that must be a tender. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { NoticeReading, NoticeResult, NoticeTenderInput } from "../../src/domain/notice";

/** tests/fixtures/notices: notices in other wordings, and in `published/` as they are published. */
export const NOTICES_DIR = resolve(__dirname, "../fixtures/notices");

/** The text of a notice fixture, `name` relative to tests/fixtures/notices. */
export function noticeText(name: string): string {
  return readFileSync(join(NOTICES_DIR, name), "utf8");
}

/** The reading of a notice that must give a tender; throws with the reader's error when it did not. */
export function reading(r: NoticeResult): NoticeReading {
  if (!r.ok) throw new Error(`expected a tender, got: ${r.error}`);
  return r;
}

/** What every notice reading in the fixtures gives besides its own fields. */
export const NOTICE_DEFAULTS = { currency: "GBP", region: "GB-ENG", vatRate: 20 } as const;

/**
 * What each notice in `folder` (relative to tests/fixtures/notices) must give, field for field:
 * the folder's readings.json, one entry a notice file, each with NOTICE_DEFAULTS besides its own
 * fields. An entry's "why" says what the notice shows and is not part of the reading.
 */
export function expectedReadings(folder = ""): Record<string, NoticeTenderInput> {
  const table = JSON.parse(noticeText(join(folder, "readings.json"))) as Record<
    string,
    Omit<NoticeTenderInput, keyof typeof NOTICE_DEFAULTS> & { why?: string }
  >;
  const readings: Record<string, NoticeTenderInput> = {};
  for (const [file, { why: _why, ...fields }] of Object.entries(table)) {
    readings[file] = { ...NOTICE_DEFAULTS, ...fields };
  }
  return readings;
}
