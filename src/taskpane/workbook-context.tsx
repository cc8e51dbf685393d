/**
 * The workbook the pane works on, passed through React context: Excel's (the Office.js host) inside
 * Excel, or one kept in memory in a plain browser. The pane never touches Office.js itself.
 */
import { createContext, useContext } from "react";
import type { InputError, Result } from "../domain/core/types";
import type { WorkbookError } from "../workbook/errors";
import type { WorkbookPort } from "../workbook/port";
import { listProblems } from "./problems";
import { type Done, PaneError, type Task } from "./use-task";

export type PaneWorkbook = WorkbookPort;

export const WorkbookContext = createContext<PaneWorkbook | null>(null);

/** The workbook from context. Rendering the pane without one is a programming error. */
export function useWorkbook(): PaneWorkbook {
  const workbook = useContext(WorkbookContext);
  if (!workbook) throw new Error("useWorkbook needs a WorkbookContext.Provider around the pane");
  return workbook;
}

/** Excel's workbook inside Excel, otherwise a new in-memory one. Each host is loaded only when used. */
export async function openWorkbook(inExcel: boolean): Promise<PaneWorkbook> {
  if (inExcel) {
    const { OfficeWorkbookPort } = await import(
      /* webpackChunkName: "office-host" */ "../workbook/office/office-host"
    );
    return new OfficeWorkbookPort();
  }
  const { MemoryWorkbookPort } = await import(
    /* webpackChunkName: "memory-host" */ "../workbook/memory/memory-host"
  );
  return new MemoryWorkbookPort();
}

/**
 * The value of a workbook Result, or a PaneError listing its problems with what to do next, and
 * Excel's own account of its errors (WorkbookError.details) for "Copy details".
 */
export function unwrap<T>(result: Result<T, InputError[]>, title: string, next: string): T {
  if (result.ok) return result.value;
  const details = result.errors.flatMap((e) => {
    const d = (e as WorkbookError).details;
    return typeof d === "string" && d !== "" ? [d] : [];
  });
  throw new PaneError(title, listProblems(result.errors), next, details.join("\n\n") || undefined);
}

/** What to do when Excel refuses a write: usually a cell is being edited. */
export const EXCEL_BUSY_NEXT = "Close any open cell editor in Excel and try again.";

/**
 * Run one workbook write as a pane task: `busy` while it runs; when Excel refuses it, or anything
 * else fails, the problem is titled `failTitle` and says what to do when Excel is busy. `write`
 * gives undefined when there is nothing to write; `done` words what was written.
 */
export function runWorkbookWrite<T>(
  task: Pick<Task, "run">,
  busy: string,
  failTitle: string,
  write: () => Promise<Result<T, InputError[]>> | undefined,
  done: (value: T) => string | Done,
): void {
  void task.run(busy, { title: failTitle, next: EXCEL_BUSY_NEXT }, async () => {
    const writing = write();
    if (writing === undefined) return;
    return done(unwrap(await writing, failTitle, EXCEL_BUSY_NEXT));
  });
}
