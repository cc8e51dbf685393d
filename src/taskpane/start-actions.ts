/**
 * Start's ways in that read a tender (a file, a pasted notice, the workbook's Tender sheet or
 * selection, a new Tender sheet), each run as a task that loads what it read into the pane.
 */
import { useRef } from "react";
import type { Tender } from "../domain/core/types";
import { DFE_2017_TENDER } from "../domain/core/examples";
import { lazyModule } from "./lazy-module";
import type { LoadedTender } from "./sources";
import type { PaneState } from "./state";
import type { Task } from "./use-task";
import { runWorkbookWrite, unwrap, type PaneWorkbook } from "./workbook-context";

/**
 * The readers of files and pasted text (the engine's tender-file, CSV and notice readers): fetched
 * when the browser is idle after the first screen, or when the user first opens or pastes something.
 */
export const tenderReaders = lazyModule(() => import(/* webpackChunkName: "readers" */ "./sources"));
/** What the pane says while it reads a notice (and how Start knows a notice read is running). */
export const NOTICE_BUSY = "Reading the tender notice…";

const engine = () => import(/* webpackChunkName: "steps" */ "./engine");

/** A tender's own fields without its lots. */
function tenderLevel(tender: Tender): Partial<Tender> {
  const { lots: _lots, ...rest } = tender;
  return rest;
}

export interface StartActionsOptions {
  task: Task;
  workbook: PaneWorkbook;
  /** Put a tender read into the pane; returns the success message. */
  load: (loaded: LoadedTender) => string;
  state: Pick<PaneState, "draft" | "options">;
  /** Open a file that holds several contracting processes in the Audit view. */
  onAudit: (file: File) => void;
}

/** The readers behind Start's buttons (App asks before any of them replaces edited work). */
export function useStartActions({ task, workbook, load, state, onAudit }: StartActionsOptions) {
  const readFile = (file: File) =>
    void task.run(
      `Reading ${file.name}…`,
      {
        title: `Could not read ${file.name}`,
        next: "Check that it is an .xlsx workbook, a .csv lots table or a tender .json file, then open it again.",
      },
      async () => {
        const read = await (await tenderReaders.load()).readTenderFile(file);
        if ("tender" in read) return load(read);
        onAudit(file); // several contracting processes: audit them all
      },
    );

  /** The notice read still running: reading again (the text changed) supersedes it. */
  const noticeRead = useRef<Promise<boolean> | null>(null);
  const readNotice = async (text: string) => {
    const readers = await tenderReaders.load();
    const previous = noticeRead.current;
    if (previous !== null) {
      readers.supersedeNoticeRead();
      await previous;
    }
    const read = task.run(
      NOTICE_BUSY,
      {
        title: "Could not read the tender notice",
        next: "Check the text you pasted, or start a blank tender and type the figures in.",
      },
      async () => load(await readers.readPastedText(text)),
    );
    noticeRead.current = read;
    await read;
    if (noticeRead.current === read) noticeRead.current = null;
  };

  const createSheet = (example: boolean) =>
    runWorkbookWrite(
      task,
      "Creating the Tender sheet…",
      "Could not create the Tender sheet",
      () => workbook.createTenderSheet(example ? DFE_2017_TENDER : undefined),
      (sheet) => {
        if (example) {
          load({ tender: DFE_2017_TENDER, source: `the sheet "${sheet.name}"`, notes: [] });
          return `Created the sheet "${sheet.name}" with the DfE 2017 example.`;
        }
        return `Created the sheet "${sheet.name}". Fill in the tender and its lots, then read it.`;
      },
    );

  const readWorkbook = (from: "tender-sheet" | "selection") =>
    void task.run(
      from === "selection" ? "Reading the selected lots table…" : "Reading the Tender sheet…",
      {
        title: "Could not read the tender from the workbook",
        next: "Select the lots table (with its header row) or use the Tender sheet, then try again.",
      },
      async () => {
        // A selected table holds only lots: keep the tender-level fields already in the pane.
        const checked =
          from === "selection" && state.draft
            ? (await engine()).checkDraft(state.draft, state.options)
            : undefined;
        const base = checked?.ok ? tenderLevel(checked.tender) : undefined;
        const tender = unwrap(
          await workbook.readTender({ from, base }),
          "The tender in the workbook has problems",
          "Correct the cells named above in Excel, then read the tender again.",
        );
        return load({
          tender,
          source: from === "selection" ? "the selected table" : "the Tender sheet",
          notes: [],
        });
      },
    );

  return { readFile, readNotice, createSheet, readWorkbook };
}
