/** The whole pane in jsdom for the pane's tests: rendered over an in-memory workbook, and the steps a user takes in it. */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { IsoDate } from "../../src/domain/core/types";
import { App } from "../../src/taskpane/App";
import { WorkbookContext } from "../../src/taskpane/workbook-context";
import { MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { renderIn } from "./render";

/** The pane over an in-memory workbook (as in Excel when `inExcel`), today being `today`; its port. */
export function renderPane(inExcel = false, today: IsoDate = "2017-07-26"): MemoryWorkbookPort {
  const port = new MemoryWorkbookPort(undefined, { today: () => today });
  renderIn(
    <WorkbookContext.Provider value={port}>
      <App host={{ inExcel, theme: "light" }} />
    </WorkbookContext.Provider>,
  );
  return port;
}

/** The pane as a user has it after pressing Start's "Use the DfE 2017 example": the tender in Review. */
export function renderPaneWithExample(): MemoryWorkbookPort {
  const port = renderPane();
  fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
  return port;
}

/** The text box named `name` (its label). */
export const box = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;

/** Start's "Create tender sheet with the DfE 2017 example", once the pane lets it be pressed. */
export async function createExampleSheet(): Promise<void> {
  const create = screen.getByRole("button", {
    name: "Create tender sheet with the DfE 2017 example",
  }) as HTMLButtonElement;
  // The pane first looks for a tender kept in the workbook (none here); the buttons wait for it.
  await waitFor(() => expect(create.getAttribute("aria-disabled")).not.toBe("true"));
  await act(async () => {
    fireEvent.click(create);
  });
  await screen.findByText(/Created the sheet "Tender" with the DfE 2017 example/);
}

/** Press the button named `name` and let the work it starts run (React's act). */
export async function press(name: string): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

/** Choose `file` in the file box labelled `label` and let the pane read it. */
export async function chooseFile(label: string, file: File): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
  });
}

/** The alert that shows `text`, once it is shown. */
export async function alertWith(text: string): Promise<HTMLElement> {
  return (await screen.findByText(text)).closest('[role="alert"]') as HTMLElement;
}

/** Paste `text` into Start's Tender notice box and press Read tender notice. */
export async function readNotice(text: string): Promise<void> {
  fireEvent.change(screen.getByRole("textbox", { name: "Tender notice" }), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Read tender notice" }));
  });
}

/**
 * Opens a lot folded to its line in Review (its button is named by the line, "Barnet · 112 days ×
 * £960 = £107,520"), as a user clicks it before typing in its boxes. A lot already open is left so.
 */
export function openLot(name: string): void {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const line = screen.queryByRole("button", { name: new RegExp(`^${escaped} · `), expanded: false });
  if (line) fireEvent.click(line);
}
