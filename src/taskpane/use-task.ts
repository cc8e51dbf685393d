/**
 * Runs one piece of slow work at a time (reading a file, writing to Excel, making an .xlsx) and keeps
 * what the pane shows about it: what is in progress, what went wrong and what to do next, or what
 * was done. Failures are shown to the user, never swallowed.
 */
import { useCallback, useRef, useState } from "react";
import type { Finding } from "../domain/core/types";

export interface PaneProblem {
  /** Short title, e.g. "Could not read budget.xlsx". */
  title: string;
  /** What went wrong, in plain words. */
  detail: string;
  /** What to do next. */
  next: string;
  /** Excel's own account of a workbook error (code, message, where it failed), for "Copy details". */
  details?: string;
}

export interface TaskState {
  /** What is in progress ("Reading budget.xlsx…"), or null when idle. */
  busy: string | null;
  problem: PaneProblem | null;
  /** What the last piece of work did, for a success message. */
  done: string | null;
  /**
   * What is wrong with what it made, when something is ("1 error to fix: see Check totals."): the
   * message is then a warning, not a success, so no green bar stands over a bad result.
   */
  caveat: string | null;
}

/** What a piece of work did, and what is wrong with the result, if anything. */
export interface Done {
  message: string;
  caveat?: string;
}

/** An expected failure with its own advice; anything else thrown is reported with the task's advice. */
export class PaneError extends Error {
  constructor(
    readonly title: string,
    readonly detail: string,
    readonly next: string,
    readonly details?: string,
  ) {
    super(`${title}: ${detail}`);
    this.name = "PaneError";
  }
}

/** Work that newer work replaced (a notice read again): it ends without a problem to show. */
export class Superseded extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Superseded";
  }
}

export interface TaskFailure {
  title: string;
  next: string;
}

export interface Task {
  state: TaskState;
  /**
   * Run `work` unless something else is running. `work` returns the success message (or nothing).
   * Resolves true when it finished without a problem.
   */
  run: (
    busyLabel: string,
    failure: TaskFailure,
    work: () => Promise<string | Done | void>,
  ) => Promise<boolean>;
  dismiss: () => void;
  /** Forget the last success message (e.g. when the user moves to another step). */
  clearDone: () => void;
  /** Show a problem found without running anything (e.g. the tender has input errors). */
  report: (problem: PaneProblem) => void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "An unexpected error happened.";
}

export function useTask(): Task {
  const [state, setState] = useState<TaskState>({ busy: null, problem: null, done: null, caveat: null });
  const running = useRef(false);

  const run = useCallback(
    async (
      busyLabel: string,
      failure: TaskFailure,
      work: () => Promise<string | Done | void>,
    ): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setState({ busy: busyLabel, problem: null, done: null, caveat: null });
      try {
        const done = await work();
        const message = typeof done === "object" ? done.message : (done ?? null);
        const caveat = typeof done === "object" ? (done.caveat ?? null) : null;
        setState({ busy: null, problem: null, done: message, caveat });
        return true;
      } catch (error) {
        if (error instanceof Superseded) {
          setState({ busy: null, problem: null, done: null, caveat: null });
          return false;
        }
        const problem: PaneProblem =
          error instanceof PaneError
            ? {
                title: error.title,
                detail: error.detail,
                next: error.next,
                ...(error.details ? { details: error.details } : {}),
              }
            : { title: failure.title, detail: describe(error), next: failure.next };
        setState({ busy: null, problem, done: null, caveat: null });
        return false;
      } finally {
        running.current = false;
      }
    },
    [],
  );

  const dismiss = useCallback(() => setState((s) => ({ ...s, problem: null, done: null, caveat: null })), []);
  const clearDone = useCallback(
    () => setState((s) => (s.done === null ? s : { ...s, done: null, caveat: null })),
    [],
  );
  const report = useCallback(
    (problem: PaneProblem) => setState({ busy: null, problem, done: null, caveat: null }),
    [],
  );

  return { state, run, dismiss, clearDone, report };
}

/** "1 error to fix: see Check totals." when findings hold errors, else undefined (the result is good). */
export function errorsCaveat(findings: readonly Finding[], where: string): string | undefined {
  const errors = findings.filter((f) => f.severity === "error").length;
  return errors === 0 ? undefined : `${errors} ${errors === 1 ? "error" : "errors"} to fix: ${where}.`;
}
