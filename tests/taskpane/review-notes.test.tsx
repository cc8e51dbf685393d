/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { App, tenderReaders, tenderSteps } from "../../src/taskpane/App";
import { noteField } from "../../src/taskpane/source-notes";
import { WorkbookContext } from "../../src/taskpane/workbook-context";
import { MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { openLot } from "./pane";
import { renderIn } from "./render";

jest.setTimeout(120_000);

beforeAll(() => Promise.all([tenderSteps.load(), tenderReaders.load()]));

const NOTICE =
  "A total of £212,400 is available for two commissioners: £86,400 for Sandwell and £126,000 for Croydon. " +
  "The closing date for applications is 14 August 2017.";

function confirmNotes(): string[] {
  const title = screen.queryByText("Please confirm");
  if (!title) return [];
  const bar = title.parentElement as HTMLElement;
  return within(bar)
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
}

describe("notes about what was read go once resolved", () => {
  it("drops 'No buyer found.' once a buyer is given and left, and a quote once its box is changed", async () => {
    renderIn(
      <WorkbookContext.Provider value={new MemoryWorkbookPort()}>
        <App host={{ inExcel: false, theme: "light" }} />
      </WorkbookContext.Provider>,
    );
    expect(
      screen.getByText(/^Turns a tender's day rate, days and stated total into an allocation/),
    ).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "Tender notice" }), { target: { value: NOTICE } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Read tender notice" }));
    });
    await screen.findByText("Read 2 lots from the tender notice.");
    expect(confirmNotes()).toContain("No buyer found.");

    const buyer = screen.getByRole("textbox", { name: "Buyer" });
    fireEvent.change(buyer, { target: { value: "Department for Education" } });
    // While the box is being typed in, the note waits; once left with a buyer, it goes.
    expect(confirmNotes()).toContain("No buyer found.");
    fireEvent.blur(buyer);
    expect(confirmNotes()).not.toContain("No buyer found.");
    // Emptied again: the buyer is missing again.
    fireEvent.change(buyer, { target: { value: "" } });
    fireEvent.blur(buyer);
    expect(confirmNotes()).toContain("No buyer found.");

    // The sentence a lot's value came from stands under its box until the user changes the box.
    openLot("Croydon");
    openLot("Sandwell");
    const croydon = screen.getByRole("textbox", { name: "Croydon stated value" });
    const hintOf = (input: HTMLElement) =>
      (input.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
    expect(hintOf(croydon)).toMatch(/From the notice: “.*£126,000 for Croydon/);
    fireEvent.change(croydon, { target: { value: "£125,000" } });
    expect(hintOf(screen.getByRole("textbox", { name: "Croydon stated value" }))).not.toMatch(
      /From the notice/,
    );
    // The other boxes read from the same sentence keep their quote.
    expect(hintOf(screen.getByRole("textbox", { name: "Sandwell stated value" }))).toMatch(/From the notice/);
  });

  it("ties each note to its field by the words the readers use", () => {
    expect(noteField("No buyer found.")).toEqual({ field: "buyer", missing: true });
    expect(noteField("No stated total found.")).toEqual({ field: "statedTotal", missing: true });
    expect(noteField("No closing date found: “14 August” has no year and the text has no date line")).toEqual(
      {
        field: "closingDate",
        missing: true,
      },
    );
    expect(noteField("Check the day rate: it was read from “£960 a day”")).toEqual({
      field: "dayRate",
      missing: false,
    });
    expect(noteField("No days found for Barnet, Kirklees.")).toBeUndefined();
  });
});
