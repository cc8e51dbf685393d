/**
 * The notice reader on a thread of its own: a long notice pasted into the pane is read here, so the
 * pane keeps answering the user while it reads. It takes `{ text }` and answers with the engine's
 * reading (a TenderFileResult), or `{ crashed }` with what went wrong. See notice-reading.ts.
 */
import { readNoticeTender } from "../domain/formats/tender-file";
import { NOTICE_SOURCE, type NoticeAnswer } from "./notice-answer";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ text: string }>) => void) | null;
  postMessage: (answer: NoticeAnswer) => void;
};

scope.onmessage = (event) => {
  readNoticeTender(NOTICE_SOURCE, event.data.text).then(
    (result) => scope.postMessage({ result }),
    (error: unknown) =>
      scope.postMessage({ crashed: error instanceof Error ? error.message : String(error) }),
  );
};
