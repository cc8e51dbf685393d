/**
 * Building the allocation: write the Allocation and Phasing sheets (in Excel, or the in-memory
 * workbook in a browser), mark the cells behind the findings and keep the tender in the workbook.
 * A tender with input problems is not built: the step shows them (ErrorSummary), and they follow
 * the user's corrections and go once the tender is right.
 */
import type { Dispatch } from "react";
import type { FindingLocation } from "../workbook/port";
import { choicesOf, OPTION_PATHS, type Checked } from "./engine";
import type { HostInfo } from "./host";
import { ERROR_SUMMARY_ID } from "./ErrorSummary";
import type { PaneAction, PaneState } from "./state";
import { errorsCaveat, type Task } from "./use-task";
import { EXCEL_BUSY_NEXT, unwrap, useWorkbook } from "./workbook-context";

export interface BuildContext {
  host: HostInfo;
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  task: Task;
  checked: Checked | null;
  /** A build has been tried on this tender: from then on every problem shows in Review. */
  onTried: () => void;
  /** Move the focus to the element with this id once the step has changed. */
  focusOnArrival: (id: string) => void;
  /** A build was tried with input problems left: the list of them takes the focus. */
  onBlocked: () => void;
  onLocated: (locations: FindingLocation[]) => void;
}

export function useBuild({
  host,
  state,
  dispatch,
  task,
  checked,
  onTried,
  focusOnArrival,
  onBlocked,
  onLocated,
}: BuildContext): () => void {
  const workbook = useWorkbook();
  return () => {
    if (!checked || !state.draft) return;
    onTried();
    if (!checked.ok) {
      // The problems are listed at the top of the step, from the tender as it is now (see
      // ErrorSummary): a message from an earlier build would only contradict them.
      task.dismiss();
      onBlocked();
      // Problems in Review's boxes: back to Review, with the focus on the list of them.
      if (checked.errors.some((e) => !OPTION_PATHS.has(e.path))) {
        focusOnArrival(ERROR_SUMMARY_ID);
        dispatch({ type: "goTo", step: "review" });
      }
      return;
    }
    const { report, tolerance } = checked;
    // The same path in Excel and in a browser: the in-memory workbook stands in for Excel there.
    const title = host.inExcel ? "Could not write the allocation to Excel" : "Could not build the allocation";
    const next = host.inExcel
      ? EXCEL_BUSY_NEXT
      : "Build the allocation again; if it still fails, reload the pane.";
    void task
      .run(
        host.inExcel ? "Writing the Allocation and Phasing sheets…" : "Building the allocation…",
        { title, next },
        async () => {
          const sheet = unwrap(await workbook.writeAllocation(report, { tolerance }), title, next);
          unwrap(await workbook.writePhasing(report, { activate: false }), title, next);
          const located = unwrap(await workbook.showFindings(report.findings), title, next);
          onLocated(located);
          unwrap(
            await workbook.saveState({ tender: report.tender, choices: choicesOf(state.options) }),
            "Could not keep the tender in the workbook",
            next,
          );
          const n = report.allocation.lines.length;
          const message = host.inExcel
            ? `Wrote the allocation to the sheet "${sheet.name}".`
            : `Built the allocation of ${n} ${n === 1 ? "lot" : "lots"}.`;
          return { message, caveat: errorsCaveat(report.findings, "see Check totals") };
        },
      )
      .then((ok) => {
        if (ok) dispatch({ type: "built" });
      });
  };
}
