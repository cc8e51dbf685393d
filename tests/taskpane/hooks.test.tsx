/** @jest-environment jsdom */
import { act, render, renderHook } from "@testing-library/react";
import { PaneError, useTask } from "../../src/taskpane/use-task";
import { openWorkbook, unwrap } from "../../src/taskpane/workbook-context";
import { Root } from "../../src/taskpane/Root";
import { MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import "./render";

jest.setTimeout(60_000);

const FAILURE = { title: "Could not do it", next: "Try again." };

describe("useTask", () => {
  it("shows progress while working, then what was done", async () => {
    const { result } = renderHook(() => useTask());
    let finish: (v: string) => void = () => undefined;
    let done: Promise<boolean> = Promise.resolve(false);
    act(() => {
      done = result.current.run("Working…", FAILURE, () => new Promise<string>((r) => (finish = r)));
    });
    expect(result.current.state.busy).toBe("Working…");
    await act(async () => {
      finish("Saved budget.xlsx.");
      await done;
    });
    await expect(done).resolves.toBe(true);
    expect(result.current.state).toEqual({
      busy: null,
      problem: null,
      done: "Saved budget.xlsx.",
      caveat: null,
    });
  });

  it("refuses a second piece of work while one is running", async () => {
    const { result } = renderHook(() => useTask());
    let finish: () => void = () => undefined;
    let first: Promise<boolean> = Promise.resolve(false);
    act(() => {
      first = result.current.run("One…", FAILURE, () => new Promise<void>((r) => (finish = r)));
    });
    const second = jest.fn(async () => "two");
    await act(async () => {
      await expect(result.current.run("Two…", FAILURE, second)).resolves.toBe(false);
    });
    expect(second).not.toHaveBeenCalled();
    await act(async () => {
      finish();
      await first;
    });
  });

  it("shows a PaneError's own advice, and the task's advice for anything else", async () => {
    const { result } = renderHook(() => useTask());
    await act(async () => {
      await result.current.run("…", FAILURE, async () => {
        throw new PaneError("Could not read x.csv", "Row 2 is short.", "Fill in row 2.");
      });
    });
    expect(result.current.state.problem).toEqual({
      title: "Could not read x.csv",
      detail: "Row 2 is short.",
      next: "Fill in row 2.",
    });
    await act(async () => {
      await result.current.run("…", FAILURE, async () => {
        throw new Error("The network went away.");
      });
    });
    expect(result.current.state.problem).toEqual({
      title: "Could not do it",
      detail: "The network went away.",
      next: "Try again.",
    });
    act(() => result.current.dismiss());
    expect(result.current.state.problem).toBeNull();
  });
});

describe("the workbook", () => {
  it("is the in-memory workbook outside Excel", async () => {
    const workbook = await openWorkbook(false);
    expect(workbook).toBeInstanceOf(MemoryWorkbookPort);
    expect(workbook.host).toBe("memory");
  });

  it("turns a failed Result into a PaneError naming the fields in plain words", () => {
    expect(unwrap({ ok: true, value: 3 }, "t", "n")).toBe(3);
    expect(() =>
      unwrap({ ok: false, errors: [{ path: "lots[0].days", message: "is negative." }] }, "Bad", "Fix it."),
    ).toThrow(new PaneError("Bad", "Lot 1 days: is negative.", "Fix it."));
  });
});

describe("Root", () => {
  it("follows the browser's colour scheme when it changes", () => {
    let listener: () => void = () => undefined;
    let dark = false;
    window.matchMedia = jest.fn().mockImplementation(() => ({
      get matches() {
        return dark;
      },
      addEventListener: (_: string, l: () => void) => (listener = l),
      removeEventListener: jest.fn(),
    }));
    render(<Root host={{ inExcel: false, theme: "light" }} workbook={new MemoryWorkbookPort()} />);
    expect(document.documentElement.style.colorScheme).toBe("light");
    dark = true;
    act(() => listener());
    expect(document.documentElement.style.colorScheme).toBe("dark");
  });
});

describe("useTask with a result that has something wrong with it", () => {
  it("keeps the caveat beside the message, and forgets both together", async () => {
    const { result } = renderHook(() => useTask());
    await act(async () => {
      await result.current.run("Building…", { title: "Could not build", next: "Try again." }, async () => ({
        message: "Built the allocation of 1 lot.",
        caveat: "1 error to fix: see Check totals.",
      }));
    });
    expect(result.current.state).toEqual({
      busy: null,
      problem: null,
      done: "Built the allocation of 1 lot.",
      caveat: "1 error to fix: see Check totals.",
    });
    act(() => result.current.clearDone());
    expect(result.current.state.caveat).toBeNull();
  });
});
