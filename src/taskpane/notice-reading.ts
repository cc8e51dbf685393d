/**
 * Reading a pasted notice off the pane's thread. A long notice (hundreds of kilobytes of text) takes
 * the reader seconds; read in the page, it would freeze the pane for as long. Each read runs in a
 * worker of its own (notice.worker.ts), ended when it answers; a newer read supersedes one still
 * running, whose worker is stopped and whose promise rejects with `SupersededRead`. Where the page
 * has no Worker (an old webview, the tests in jsdom) the notice is read in the page instead.
 */
import type { TenderFileResult } from "../domain/formats/tender-file";
import { NOTICE_SOURCE, type NoticeAnswer } from "./notice-answer";
import { Superseded } from "./use-task";

/** A read that a newer one replaced: nothing to show for it. */
export class SupersededRead extends Superseded {
  constructor() {
    super("A newer reading of the tender notice replaced this one.");
  }
}

let running: { worker: Worker; reject: (error: Error) => void } | null = null;

/** Stops the read still running, if any (its promise rejects with SupersededRead); true when one was. */
export function supersedeNoticeRead(): boolean {
  if (running === null) return false;
  const { worker, reject } = running;
  running = null;
  worker.terminate();
  reject(new SupersededRead());
  return true;
}

/** Reads the notice in a worker where the page has one, else in the page. */
export async function readNoticeOffThread(text: string): Promise<TenderFileResult> {
  supersedeNoticeRead();
  if (typeof Worker === "undefined") {
    const { readNoticeTender } = await import("../domain/formats/tender-file");
    return readNoticeTender(NOTICE_SOURCE, text);
  }
  const { startNoticeWorker } = await import("./notice-worker-start");
  const worker = startNoticeWorker();
  return new Promise<TenderFileResult>((resolve, reject) => {
    const me = { worker, reject };
    running = me;
    const finish = (): boolean => {
      worker.terminate();
      if (running !== me) return false; // superseded: already rejected
      running = null;
      return true;
    };
    worker.onmessage = (event: MessageEvent<NoticeAnswer>) => {
      if (!finish()) return;
      const answer = event.data;
      if ("result" in answer) resolve(answer.result);
      else reject(new Error(`The notice reader failed: ${answer.crashed}`));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (finish()) reject(new Error(`The notice reader stopped: ${event.message || "it could not start"}`));
    };
    worker.postMessage({ text });
  });
}
