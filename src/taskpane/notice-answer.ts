/** What the notice reader's worker answers (notice.worker.ts), and the name it reads the text as. */
import type { TenderFileResult } from "../domain/formats/tender-file";

export const NOTICE_SOURCE = "the tender notice";

export type NoticeAnswer = { result: TenderFileResult } | { crashed: string };
