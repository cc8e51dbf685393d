/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { tenderSteps } from "../../src/taskpane/App";
import {
  alertWith,
  chooseFile,
  createExampleSheet,
  openLot,
  press,
  readNotice,
  renderPane,
  renderPaneWithExample,
} from "./pane";

// Fluent in jsdom is slow on a busy machine; these tests render the whole pane many times.
jest.setTimeout(120_000);

// The steps after Start are fetched once the first screen is up; these tests start with them there.
beforeAll(() => tenderSteps.load());

function figures(): string {
  return screen.getByLabelText("Headline figures").textContent ?? "";
}

describe("the pane in a plain browser", () => {
  it("takes the DfE example from Start to Check and follows an edited day count", async () => {
    renderPaneWithExample();
    expect(
      (screen.getByRole("button", { name: "2. Review" }) as HTMLElement).getAttribute("aria-current"),
    ).toBe("step");
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    await press("Build allocation");

    await screen.findByText("Built the allocation of 4 lots.");
    const table = screen.getByRole("table", { name: "Allocation by lot" });
    const barnet = within(table).getByText("Barnet").closest("tr")!;
    expect(Array.from(barnet.querySelectorAll("td")).map((td) => td.textContent)).toEqual([
      "Barnet",
      "£960",
      "112",
      "£107,520",
      "31.02%",
    ]);
    expect(screen.getByText("The lots add up to £346,560, £560 more than the £346,000 stated.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Next: check totals" }));
    expect(figures()).toContain("Computed total£346,560");
    expect(figures()).toContain("Variance+£560+0.16%");
    expect(screen.getByRole("heading", { name: /^Errors to fix/ })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "2. Review" }));
    openLot("Barnet");
    fireEvent.change(screen.getByRole("textbox", { name: "Barnet days" }), { target: { value: "113" } });
    fireEvent.click(screen.getByRole("button", { name: "4. Check" }));
    expect(figures()).toContain("Computed total£347,520");
    expect(figures()).toContain("Variance+£1,520");
  });

  it("shows input problems beside their boxes and refuses to build until they are fixed", () => {
    renderPaneWithExample();
    openLot("Kirklees");
    fireEvent.change(screen.getByRole("textbox", { name: "Kirklees days" }), { target: { value: "-3" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Closing date" }), {
      target: { value: "31/02/2017" },
    });
    // Each box is checked when the user leaves it.
    fireEvent.blur(screen.getByRole("textbox", { name: "Closing date" }));
    expect(screen.getByRole("textbox", { name: "Kirklees days" }).getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/"31\/02\/2017" is not a date/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "3. Build" }));
    fireEvent.click(screen.getByRole("button", { name: "Build allocation" }));
    const summary = () => document.getElementById("error-summary")?.textContent;
    expect(summary()).toContain("Closing date:");
    // The lot by the name its box in Review is headed with, not only its number.
    expect(summary()).toContain("Kirklees (lot 2) days:");
    // Sent back to Review, where the boxes are marked, with the focus on the list of problems
    // (the GOV.UK error summary: each item a link to its box).
    expect(screen.getByRole("button", { name: "2. Review" }).getAttribute("aria-current")).toBe("step");
    expect(document.activeElement).toBe(document.getElementById("error-summary"));
    expect((screen.getByRole("button", { name: "4. Check" }) as HTMLButtonElement).disabled).toBe(true);

    // Correcting one box takes it off the list; correcting the last one takes the list away.
    fireEvent.change(screen.getByRole("textbox", { name: "Closing date" }), {
      target: { value: "31/07/2017" },
    });
    expect(summary()).not.toContain("Closing date:");
    expect(summary()).toContain("days:");
    fireEvent.change(screen.getByRole("textbox", { name: "Kirklees days" }), { target: { value: "51" } });
    expect(summary()).toBeUndefined();
  });

  it("turns VAT off and applies a tolerance that accepts the £560", async () => {
    renderPaneWithExample();
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    fireEvent.click(screen.getByRole("switch", { name: "Add VAT to the totals" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Tolerance (£)" }), { target: { value: "£600" } });
    await press("Build allocation");
    await screen.findByText("Built the allocation of 4 lots.");
    fireEvent.click(screen.getByRole("button", { name: "Next: check totals" }));
    expect(screen.getByText("No VAT is added: the total stays £346,560.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: /^Errors to fix/ })).toBeNull();
  });

  it("reads a lots table pasted into the Tender notice box", async () => {
    renderPane();
    await readNotice("Council\tDay rate\tDays\nSandwell\t£720\t60\nCroydon\t£720\t40\n");
    await waitFor(() => expect(screen.getByText("Read 2 lots from the pasted table.")).toBeTruthy());
    openLot("Croydon");
    openLot("Sandwell");
    expect((screen.getByRole("textbox", { name: "Croydon days" }) as HTMLInputElement).value).toBe("40");
    expect((screen.getByRole("textbox", { name: "Sandwell day rate" }) as HTMLInputElement).value).toBe(
      "720",
    );
  });

  it("shows under each box the sentence of the notice it was read from", async () => {
    renderPane();
    await readNotice(
      "Two commissioners sought\n26 July 2017\n" +
        "The Department for Education has set aside a total of £212,400 for two commissioners: " +
        "£86,400 for Sandwell and £126,000 for Croydon. The closing date for applications is 14 August.",
    );
    await screen.findByText("Read 2 lots from the tender notice.");
    expect(screen.getAllByText(/^From the notice: “.*£212,400/).length).toBeGreaterThan(0);
    expect(
      screen.getAllByText(/^From the notice: “.*closing date for applications is 14 August/).length,
    ).toBe(1);
  });

  it("does not greet a blank tender or a new lot in red before a build is tried", async () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Start a blank tender" }));
    expect(screen.queryByText("Each lot needs a name")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    // Kept on Review by Next: now the empty lot's name is marked.
    expect(screen.getByText("Each lot needs a name")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Lot name (lot 1)" }).getAttribute("aria-invalid")).toBe(
      "true",
    );
  });

  it("says what to do when a file cannot be read", async () => {
    renderPane();
    const file = new File(["{ not json"], "tender.json", { type: "application/json" });
    await chooseFile("Tender file", file);
    const alert = await alertWith("Could not read tender.json");
    expect(alert.textContent).toContain("What to do:");
    fireEvent.click(within(alert).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("the pane in Excel (in-memory workbook standing in for Excel)", () => {
  it("creates the example Tender sheet, writes the allocation and selects a finding's cell", async () => {
    const port = renderPane(true);
    await createExampleSheet();
    expect(port.workbook.sheet("Tender")).toBeDefined();
    openLot("Barnet");
    expect((screen.getByRole("textbox", { name: "Barnet stated value" }) as HTMLInputElement).value).toBe(
      "107520",
    );

    fireEvent.click(screen.getByRole("button", { name: "1. Start" }));

    await press("Read the Tender sheet");
    await screen.findByText("Read 4 lots from the Tender sheet.");
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    await press("Build allocation");
    await screen.findByText('Wrote the allocation to the sheet "Allocation".');
    expect(port.workbook.sheet("Allocation")).toBeDefined();
    expect(port.workbook.sheet("Phasing")).toBeDefined();

    fireEvent.click(screen.getByRole("button", { name: "Next: check totals" }));
    const go = screen.getAllByRole("button", { name: /^Go to cell/ });
    expect(go.length).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(go[0]);
    });
    await screen.findByText(/^Selected Tender!/);
    expect(port.workbook.selection?.sheet).toBe("Tender");

    fireEvent.click(screen.getByRole("button", { name: "5. Export" }));
    await press("Write summary sheet");
    await screen.findByText(/Wrote the summary to the sheet "Tender summary"/);
  });

  it("reads a selected lots table and keeps the tender-level figures already in the pane", async () => {
    const port = renderPane(true);
    port.workbook.setValues("Budget!A1", [
      ["Council", "Day rate", "Days"],
      ["Sandwell", 720, 60],
      ["Croydon", 850, 40],
    ]);
    port.workbook.select("Budget!A1:C3");
    const readSelection = screen.getByRole("button", {
      name: "Read the selected lots table",
    }) as HTMLButtonElement;
    await waitFor(() => expect(readSelection.getAttribute("aria-disabled")).not.toBe("true"));
    // A tender in the pane first: the DfE example, through its Tender sheet.
    await press("Create tender sheet with the DfE 2017 example");
    await screen.findByText(/Created the sheet "Tender"/);
    fireEvent.click(screen.getByRole("button", { name: "1. Start" }));
    await press("Read the selected lots table");
    await screen.findByText("Read 2 lots from the selected table.");
    openLot("Croydon");
    expect((screen.getByRole("textbox", { name: "Croydon days" }) as HTMLInputElement).value).toBe("40");
    expect((screen.getByRole("textbox", { name: "Stated total (£)" }) as HTMLInputElement).value).toBe(
      "346000",
    );
    expect((screen.getByRole("textbox", { name: "Buyer" }) as HTMLInputElement).value).toBe(
      "Department for Education",
    );
  });
});
