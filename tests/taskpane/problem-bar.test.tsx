/** @jest-environment jsdom */
/**
 * "Copy details" where a workbook error is shown: Excel's own account of it (its code, message and
 * where it failed, from OfficeExtension.Error's debugInfo) goes to the clipboard for whoever supports
 * the user; problems that are not Excel's have no such button.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { ProblemBar } from "../../src/taskpane/ProblemBar";
import { PaneError } from "../../src/taskpane/use-task";
import { unwrap } from "../../src/taskpane/workbook-context";
import { workbookError } from "../../src/workbook/errors";
import { officeError } from "../workbook/fake-excel";
import { renderIn } from "./render";

let writeText: jest.Mock;
beforeEach(() => {
  writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
});

/** What the pane shows for a write Excel refused: a workbook Result through unwrap. */
function refusedWrite(): PaneError {
  const error = workbookError(
    "write the Allocation sheet",
    officeError("InvalidArgument", "Das Argument ist ungültig oder fehlt oder hat ein falsches Format."),
  );
  try {
    unwrap({ ok: false, errors: [error] }, "Could not write the Allocation sheet", "Try again.");
  } catch (e) {
    if (e instanceof PaneError) return e;
    throw e;
  }
  throw new Error("unwrap did not throw");
}

test("a workbook error carries Excel's code, message and location into the pane", () => {
  const e = refusedWrite();
  expect(e.details).toBe(
    [
      "Tender Budget could not write the Allocation sheet.",
      "Code: InvalidArgument",
      "Message: Das Argument ist ungültig oder fehlt oder hat ein falsches Format.",
      "Location: Range.formulas",
      'debugInfo: {"code":"InvalidArgument","message":"Das Argument ist ungültig oder fehlt oder hat ein falsches Format.","errorLocation":"Range.formulas"}',
    ].join("\n"),
  );
  // The message the user reads is ours, whatever the language of Excel's.
  expect(e.detail).toContain(
    "Excel could not write the Allocation sheet: Excel refused what the add-in asked for. Check the workbook, then try again.",
  );
});

test("Copy details copies Excel's account of the error and says so", async () => {
  const e = refusedWrite();
  renderIn(
    <ProblemBar
      problem={{ title: e.title, detail: e.detail, next: e.next, details: e.details }}
      onDismiss={() => undefined}
    />,
  );
  fireEvent.click(screen.getByRole("button", { name: "Copy details" }));
  await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^Details copied/));
  expect(writeText).toHaveBeenCalledWith(e.details);
});

test("a clipboard that refuses is said so, not hidden", async () => {
  writeText.mockRejectedValue(new Error("Document is not focused."));
  renderIn(
    <ProblemBar
      problem={{ title: "Could not read the tender", detail: "x", next: "y", details: "Code: ItemNotFound" }}
      onDismiss={() => undefined}
    />,
  );
  fireEvent.click(screen.getByRole("button", { name: "Copy details" }));
  await waitFor(() =>
    expect(screen.getByRole("status").textContent).toBe(
      "Could not copy the details (Document is not focused.).",
    ),
  );
});

test("a problem that is not Excel's has no Copy details; Dismiss still dismisses", () => {
  const onDismiss = jest.fn();
  renderIn(
    <ProblemBar
      problem={{ title: "Could not read lots.csv", detail: "Row 3: days", next: "Fix the file." }}
      onDismiss={onDismiss}
    />,
  );
  expect(screen.queryByRole("button", { name: "Copy details" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
  expect(onDismiss).toHaveBeenCalled();
});
