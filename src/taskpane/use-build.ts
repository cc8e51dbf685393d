/**
 * Building the allocation: write the Allocation and Phasing sheets (in Excel, or the in-memory
 * workbook in a browser), mark the cells behind the findings and keep the tender in the workbook.
 * A tender with input problems is not built: the problems are listed, follow the user's corrections
 * and go once the tender is right.
 */
import { useCallback, useEffect, useRef, type Dispatch } from "react";
import type { InputError } from "../domain/core/types";
import type { FindingLocation } from "../workbook/port";
import { choicesOf, OPTION_PATHS, type Checked } from "./engine";
import type { HostInfo } from "./host";
import { listProblems } from "./problems";
import type { PaneAction, PaneState } from "./state";
import { errorsCaveat, type PaneProblem, type Task } from "./use-task";
import { EXCEL_BUSY_NEXT, unwrap, useWorkbook } from "./workbook-context";

export interface BuildContext {
  host: HostInfo;
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  task: Task;
  checked: Checked | null;
  /** A build has been tried on this tender: from then on every problem shows in Review. */
  onTried: () => void;
  /** Sent back to Review by a build that found problems: focus the first box to correct. */
  focusFirstInvalid: () => void;
  onLocated: (locations: FindingLocation[]) => void;
}

export function useBuild({
  host,
  state,
  dispatch,
  task,
  checked,
  onTried,
  focusFirstInvalid,
  onLocated,
}: BuildContext): () => void {
  const workbook = useWorkbook();
  // The problems that stopped a build follow the boxes: each correction updates the list, and the
  // message goes once the tender is right, rather than staying on screen with figures already fixed.
  const inputProblem = useRef<PaneProblem | null>(null);
  const { report: reportProblem, dismiss, state: taskState } = task;
  const reportInputProblems = useCallback(
    (errors: readonly InputError[], lotNames: readonly string[]) => {
      const problem = {
        title: "The tender needs correcting before the allocation can be built",
        detail: listProblems(errors, lotNames),
        next: "Correct the boxes marked in red (in Review or in the options), then build again.",
      };
      inputProblem.current = problem;
      reportProblem(problem);
    },
    [reportProblem],
  );
  useEffect(() => {
    if (inputProblem.current === null || !checked || !state.draft) return;
    if (taskState.problem !== inputProblem.current) {
      // Dismissed, or replaced by another task's outcome.
      inputProblem.current = null;
      return;
    }
    if (checked.ok) {
      inputProblem.current = null;
      dismiss();
    } else {
      const lotNames = state.draft.lots.map((l) => l.name);
      if (listProblems(checked.errors, lotNames) !== inputProblem.current.detail) {
        reportInputProblems(checked.errors, lotNames);
      }
    }
  }, [checked, state.draft, taskState.problem, dismiss, reportInputProblems]);

  return () => {
    if (!checked || !state.draft) return;
    onTried();
    if (!checked.ok) {
      reportInputProblems(
        checked.errors,
        state.draft.lots.map((l) => l.name),
      );
      if (!checked.errors.some((e) => OPTION_PATHS.has(e.path))) {
        focusFirstInvalid();
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
