/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { tenderSteps } from "../../src/taskpane/App";
import { openLot, renderPane } from "./pane";

jest.setTimeout(120_000);

beforeAll(() => tenderSteps.load());

const box = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;

/** The pane with the DfE 2017 example in Review. */
function reviewExample(): void {
  renderPane();
  fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
}

describe("no lost work in Review", () => {
  it("moves the focus to the next lot when one is removed, and Undo puts it back where it was", () => {
    reviewExample();
    openLot("Kirklees");
    fireEvent.change(box("Kirklees days"), { target: { value: "52" } });
    fireEvent.click(screen.getByRole("button", { name: "Remove lot Kirklees" }));
    expect(screen.queryByRole("textbox", { name: "Kirklees days" })).toBeNull();
    // The focus is on the lot that took its place (Reading, now lot 2, folded to its line), not
    // dropped to the page; open, its name box takes it.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Reading · / }));
    expect(screen.getByText("Removed Kirklees.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(box("Lot name (lot 2)").value).toBe("Kirklees");
    expect(box("Kirklees days").value).toBe("52");
    expect(document.activeElement).toBe(box("Lot name (lot 2)"));
    expect(screen.queryByText("Removed Kirklees.")).toBeNull();

    // The last lot removed: the focus goes to the one before it.
    openLot("Reading");
    openLot("Worcestershire");
    fireEvent.click(screen.getByRole("button", { name: "Remove lot Worcestershire" }));
    expect(document.activeElement).toBe(box("Lot name (lot 3)"));
    expect(box("Lot name (lot 3)").value).toBe("Reading");
  });
});

describe("labels", () => {
  it("gives every Review box an accessible name that contains its visible label (WCAG 2.5.3)", () => {
    // WCAG 2.1 success criterion 2.5.3 Label in Name: https://www.w3.org/WAI/WCAG21/Understanding/label-in-name.html
    reviewExample();
    for (const lot of ["Barnet", "Kirklees", "Reading", "Worcestershire"]) openLot(lot);
    expect(document.querySelectorAll("input[aria-label]").length).toBeGreaterThanOrEqual(4 * 6);
    const mismatched = Array.from(document.querySelectorAll<HTMLInputElement>("input[aria-label]"))
      .map((input) => ({
        name: input.getAttribute("aria-label") ?? "",
        label: input.labels?.[0]?.textContent ?? "",
      }))
      .filter(
        ({ name, label }) =>
          label !== "" && !name.toLowerCase().includes(label.replace(" (£)", "").toLowerCase()),
      );
    expect(mismatched).toEqual([]);
  });
});
