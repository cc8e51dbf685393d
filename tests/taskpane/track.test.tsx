/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { parseCsv } from "../../src/domain/tables/csv";
import { tenderSteps } from "../../src/taskpane/App";
import { alertWith, chooseFile, createExampleSheet, openLot, press, renderPane } from "./pane";

// Fluent in jsdom is slow on a busy machine; these tests render the whole pane several times.
jest.setTimeout(120_000);

// The steps after Start are fetched once the first screen is up; these tests start with them there.
beforeAll(() => tenderSteps.load());

const FIXTURES = join(__dirname, "..", "fixtures", "actuals");
const CLEAN = readFileSync(join(FIXTURES, "dfe-2017-invoices.csv"), "utf8");
const PROBLEMS = readFileSync(join(FIXTURES, "dfe-2017-invoices-with-problems.csv"), "utf8");
const DAYS_IN_WORDS = readFileSync(join(FIXTURES, "bad", "days-in-words.csv"), "utf8");

/** The DfE example, built, in a plain browser; then on to contract tracking. */
async function buildExampleAndTrack(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
  fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
  await press("Build allocation");
  await screen.findByText("Built the allocation of 4 lots.");
  fireEvent.click(screen.getByRole("button", { name: "Next: check totals" }));
  fireEvent.click(screen.getByRole("button", { name: "Next: export" }));
  fireEvent.click(screen.getByRole("button", { name: "Next: contract tracking" }));
  expect(screen.getByRole("button", { name: "6. Contract tracking" }).getAttribute("aria-current")).toBe(
    "step",
  );
}

async function paste(text: string): Promise<void> {
  fireEvent.change(screen.getByRole("textbox", { name: "Invoices" }), { target: { value: text } });
  await press("Check pasted invoices");
}

/** The DfE example built and tracked as of 31 January 2018, with `invoices` pasted and read. */
async function trackAt31January2018(invoices: string): Promise<void> {
  renderPane();
  await buildExampleAndTrack();
  fireEvent.change(screen.getByRole("textbox", { name: "As of" }), { target: { value: "31/01/2018" } });
  await paste(invoices);
  await screen.findByText(/^Read \d+ invoice lines from the pasted invoices\.$/);
}

/** A lot's figures as "term: value" pairs. */
function position(label: string): Record<string, string> {
  const list = screen.getByLabelText(label);
  const terms = Array.from(list.querySelectorAll("dt")).map((dt) => dt.textContent ?? "");
  const values = Array.from(list.querySelectorAll("dd")).map((dd) => dd.textContent ?? "");
  return Object.fromEntries(terms.map((t, i) => [t, values[i]]));
}

function findingTexts(heading: RegExp): string[] {
  const section = screen.getByRole("heading", { name: heading }).closest("section") as HTMLElement;
  return within(section)
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
}

describe("contract tracking in a plain browser", () => {
  it("leaves a pasted invoices problem behind on its step and names the field a later edit broke", async () => {
    renderPane();
    await buildExampleAndTrack();
    await paste("Lot,Days\nBarnet,3\n");
    const alert = (await screen.findByText("Could not read the invoices in the pasted invoices")).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(alert.textContent).toContain("then paste the invoices again.");

    // The problem concerned the invoices: it does not follow the user to Review.
    fireEvent.click(screen.getByRole("button", { name: "2. Review" }));
    expect(screen.queryByText("Could not read the invoices in the pasted invoices")).toBeNull();

    // An edit that breaks the tender: the later steps say which box, not only what is wrong.
    openLot("Barnet");
    fireEvent.change(screen.getByRole("textbox", { name: "Barnet days" }), { target: { value: "abc" } });
    fireEvent.click(screen.getByRole("button", { name: "6. Contract tracking" }));
    const warning = screen.getByText("The tender has changed and needs correcting")
      .parentElement as HTMLElement;
    expect(warning.textContent).toContain(
      'Barnet (lot 1) days: must be a number of days, such as 112 or 2.5, not "abc"',
    );
  });

  it("reads invoices pasted from Excel, with tabs between the cells", async () => {
    renderPane();
    await buildExampleAndTrack();
    const rows = parseCsv(CLEAN);
    if (!rows.ok) throw new Error("fixture");
    await paste(rows.value.map((row) => row.join("\t")).join("\r\n"));
    await screen.findByText(/^Read 20 invoice lines from the pasted invoices\.$/);
    expect(screen.queryByText(/Could not read the invoices/)).toBeNull();
  });

  it("lists the four problems in the DfE invoices with problems, by severity", async () => {
    renderPane();
    await buildExampleAndTrack();
    expect(screen.getByText("Open or paste the invoices to see the position.")).toBeTruthy();
    await paste(PROBLEMS);
    await screen.findByText(/^Read \d+ invoice lines from the pasted invoices\.$/);

    const errors = findingTexts(/^Errors to fix in the invoices \(3\)/);
    expect(errors).toHaveLength(3);
    expect(errors.find((t) => t.includes("RDG-003"))).toMatch(/£9,600\.00/);
    expect(errors.find((t) => t.includes("RDG-003"))).toMatch(/£9,700\.00/);
    expect(errors.some((t) => t.includes("BAR-002") && /entered 2 times/.test(t))).toBe(true);
    const worcestershire = errors.find((t) => t.includes("Worcestershire"));
    expect(worcestershire).toMatch(/£2,880\.00/);
    expect(worcestershire).toMatch(/WOR-005/);
    const warnings = findingTexts(/^Warnings to check in the invoices \(1\)/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/KIR-000/);
    expect(warnings[0]).toMatch(/before/);
    // The duplicate names the CSV rows of its copies.
    expect(errors.find((t) => t.includes("BAR-002"))).toContain("(row 4 and row 5)");

    const worcs = position("Position of Worcestershire");
    expect(worcs["Over by"]).toBe("£2,880 and 3 days");
    expect(screen.getByText("Over budget")).toBeTruthy();
  });

  it("puts the invoice errors first, each naming its lot, and starts the position with a table", async () => {
    await trackAt31January2018(PROBLEMS);

    const errorsHeading = screen.getByRole("heading", { name: "Errors to fix in the invoices (3)" });
    const position = screen.getByRole("heading", { name: "Position at 31 January 2018" });
    const warnings = screen.getByRole("heading", { name: "Warnings to check in the invoices (1)" });
    const follows = (a: Node, b: Node) =>
      (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    expect(follows(errorsHeading, position)).toBe(true);
    expect(follows(position, warnings)).toBe(true);
    const errors = findingTexts(/^Errors to fix in the invoices \(3\)/);
    expect(errors.map((t) => /Lot: (Barnet|Kirklees|Reading|Worcestershire)/.exec(t)?.[1]).sort()).toEqual([
      "Barnet",
      "Reading",
      "Worcestershire",
    ]);

    // The table comes before the cards: Lot | Used | Left | Status, a row per lot and all lots.
    const table = screen.getByRole("table", { name: "Position by lot" });
    expect(follows(position, table) && follows(table, screen.getByLabelText("Position of Barnet"))).toBe(
      true,
    );
    const rows = within(table)
      .getAllByRole("row")
      .map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows[0]).toEqual(["Lot", "Used", "Left", "Status"]);
    expect(within(table).getAllByRole("columnheader")).toHaveLength(4);
    expect(rows.slice(1)).toEqual([
      ["Barnet", "£63,360", "£44,160", "Behind plan; 1 invoice error"],
      ["Kirklees", "£30,720", "£18,240", "Behind plan"],
      ["Reading", "£43,300", "£51,740", "Behind plan; 1 invoice error"],
      ["Worcestershire", "£97,920", "£2,880 over", "Over budget; 1 invoice error"],
      ["All lots", "£235,300", "£111,260", "Behind plan; 3 invoice errors"],
    ]);
    // Each lot with an invoice error says so on its card too.
    expect(screen.getByRole("heading", { name: /^Reading/, level: 3 }).textContent).toContain(
      "1 invoice error",
    );
    expect(screen.getByRole("heading", { name: /^Kirklees/, level: 3 }).textContent).not.toContain(
      "invoice error",
    );
  });

  it("shows Barnet's position and the totals at 31 January 2018 from the clean invoices", async () => {
    await trackAt31January2018(CLEAN);

    expect(screen.getByRole("heading", { name: "Position at 31 January 2018" })).toBeTruthy();
    const barnet = position("Position of Barnet");
    expect(barnet["Days used"]).toBe("54 of 112");
    expect(barnet["Spent"]).toBe("£51,840 of £107,520 (48.2%)");
    expect(barnet["Remaining"]).toBe("£55,680 and 58 days");
    expect(barnet["Spending"]).toBe("£10,240 a month");
    expect(barnet["Forecast"]).toMatch(/^Runs out on 17 July 2018/);
    const all = position("Position of all lots");
    expect(all["Days used"]).toBe("174 of 361");
    expect(all["Spent"]).toMatch(/^£167,040 of £346,560 /);
    expect(screen.getByText("174 of 361 days used, £167,040 of £346,560 spent")).toBeTruthy();
    expect(screen.getByText("No problems found in the invoices.")).toBeTruthy();

    // An earlier as-of date counts fewer invoices; left empty, the latest invoice (January's) sets it;
    // a date that is not one is refused in plain words.
    fireEvent.change(screen.getByRole("textbox", { name: "As of" }), { target: { value: "30/11/2017" } });
    expect(position("Position of Barnet")["Days used"]).toBe("34 of 112");
    expect(screen.getByRole("heading", { name: "Position at 30 November 2017" })).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "As of" }), { target: { value: "" } });
    expect(position("Position of Barnet")["Days used"]).toBe("54 of 112");
    expect(screen.getByRole("heading", { name: "Position at 31 January 2018" })).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "As of" }), { target: { value: "31/02/2018" } });
    expect(screen.getByText(/"31\/02\/2018" is not a date/)).toBeTruthy();
    expect(screen.queryByLabelText("Position of Barnet")).toBeNull();
    // The invoices are still there: the pane says what brings the position back, not to open them.
    expect(screen.queryByText("Open or paste the invoices to see the position.")).toBeNull();
    expect(
      screen.getByText(
        "Correct the As of date, or empty it, to see the position of the invoices from the pasted invoices.",
      ),
    ).toBeTruthy();
  });

  it("answers a bad invoices file with the row and column of the problem", async () => {
    renderPane();
    await buildExampleAndTrack();
    // jsdom's File has no text(), which every browser the pane runs in has.
    const file = Object.assign(new File([DAYS_IN_WORDS], "invoices.csv", { type: "text/csv" }), {
      text: () => Promise.resolve(DAYS_IN_WORDS),
    });
    await chooseFile("Invoices file", file);
    const alert = await alertWith("Could not read the invoices in invoices.csv");
    expect(alert.textContent).toContain('row 2, column "Days"');
    expect(alert.textContent).toMatch(/"ten" is not a number of days/);
    expect(alert.textContent).toContain("What to do:");
    expect(screen.queryByLabelText("Position of Barnet")).toBeNull();
  });
});

describe("contract tracking in Excel", () => {
  it("adds an Actuals sheet, checks its invoices, writes Budget vs actual and goes to an invoice row", async () => {
    const port = renderPane(true);
    await createExampleSheet();
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    await press("Build allocation");
    await screen.findByText('Wrote the allocation to the sheet "Allocation".');
    fireEvent.click(screen.getByRole("button", { name: "6. Contract tracking" }));

    await press("New actuals sheet");
    await screen.findByText(/^Created the sheet "Actuals"\./);
    expect(port.workbook.sheet("Actuals")).toBeDefined();

    // An empty Actuals table: nothing to check yet.
    await press("Check invoices");
    await screen.findByText("There are no invoices to check");

    // The user pastes the invoices, as text, under the table's header row.
    const sheet = port.workbook.sheet("Actuals")!;
    const header = Array.from({ length: 30 }, (_, r) => r).find((r) => sheet.cell(r, 0)?.value === "Lot");
    if (header === undefined) throw new Error("the Actuals sheet should have a Lot header");
    const rows = parseCsv(PROBLEMS);
    if (!rows.ok) throw new Error("the fixture should parse");
    port.workbook.setValues(`Actuals!A${header + 2}`, rows.value.slice(1));

    await press("Check invoices");
    await screen.findByText(/^Checked \d+ invoice lines and wrote the sheet "Budget vs actual"\.$/);
    expect(port.workbook.sheet("Budget vs actual")).toBeDefined();

    const errors = findingTexts(/^Errors to fix in the invoices/);
    const rate = errors.find((t) => t.includes("RDG-003"));
    expect(rate).toMatch(/£9,600\.00/);
    const go = screen.getByRole("button", { name: new RegExp(`^Go to cell: .*RDG-003`) });
    await act(async () => {
      fireEvent.click(go);
    });
    // RDG-003's amount: column G of its row in the table.
    const rdg = rows.value.findIndex((r) => r[1] === "RDG-003");
    await screen.findByText(`Selected Actuals!G${header + 1 + rdg}.`);
    expect(port.workbook.selection?.sheet).toBe("Actuals");
  });
});
