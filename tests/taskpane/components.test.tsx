/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { AllocationTable, PhasingTable, TABLE_LOTS } from "../../src/taskpane/BuildStep";
import { CheckStep, verdictOf } from "../../src/taskpane/CheckStep";
import { LOTS_PER_PAGE, ReviewStep } from "../../src/taskpane/ReviewStep";
import { StartStep, type StartStepProps } from "../../src/taskpane/StartStep";
import { emptyLot, tenderToDraft } from "../../src/taskpane/draft";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import type { Headline } from "../../src/taskpane/view";
import type { Finding } from "../../src/domain/core/types";
import { DFE_HEADLINE } from "../support/tenders";
import { openLot } from "./pane";
import { renderIn } from "./render";

// Fluent in jsdom is slow on a busy machine; these tests render the whole pane many times.
jest.setTimeout(120_000);

function startProps(overrides: Partial<StartStepProps> = {}): StartStepProps {
  return {
    inExcel: false,
    busy: false,
    readsProse: true,
    onExample: jest.fn(),
    onBlank: jest.fn(),
    onFile: jest.fn(),
    onNotice: jest.fn(),
    onCreateSheet: jest.fn(),
    onReadWorkbook: jest.fn(),
    ...overrides,
  };
}

describe("StartStep", () => {
  it("in a browser offers the example, a file and the notice box, all named in plain words", () => {
    const props = startProps();
    renderIn(<StartStep {...props} />);
    fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
    expect(props.onExample).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "Open a tender file" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Read the Tender sheet" })).toBeNull();

    const notice = screen.getByRole("textbox", { name: "Tender notice" });
    const read = screen.getByRole("button", { name: "Read tender notice" }) as HTMLButtonElement;
    expect(read.disabled).toBe(true);
    fireEvent.change(notice, { target: { value: "A total of £346,000 has been set aside." } });
    expect(read.disabled).toBe(false);
    fireEvent.click(read);
    expect(props.onNotice).toHaveBeenCalledWith("A total of £346,000 has been set aside.");
  });

  it("hands the chosen file over", () => {
    const props = startProps();
    renderIn(<StartStep {...props} />);
    const file = new File(["Lot,Days\nBarnet,112\n"], "lots.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText("Tender file"), { target: { files: [file] } });
    expect(props.onFile).toHaveBeenCalledWith(file);
  });

  it("in Excel reads from the workbook and creates sheets", () => {
    const props = startProps({ inExcel: true });
    renderIn(<StartStep {...props} />);
    fireEvent.click(screen.getByRole("button", { name: "Read the selected lots table" }));
    expect(props.onReadWorkbook).toHaveBeenCalledWith("selection");
    fireEvent.click(screen.getByRole("button", { name: "Create tender sheet with the DfE 2017 example" }));
    expect(props.onCreateSheet).toHaveBeenCalledWith(true);
    expect(screen.queryByRole("button", { name: "Use the DfE 2017 example" })).toBeNull();
  });

  it("disables every button while working, keeping it focusable so the keyboard focus stays put", () => {
    const props = startProps({ busy: true });
    renderIn(<StartStep {...props} />);
    for (const button of screen.getAllByRole("button")) {
      expect(button.getAttribute("aria-disabled")).toBe("true");
      expect((button as HTMLButtonElement).disabled).toBe(false);
      fireEvent.click(button);
    }
    expect(props.onExample).not.toHaveBeenCalled();
    expect(props.onBlank).not.toHaveBeenCalled();
  });
});

describe("ReviewStep", () => {
  it("shows each lot's boxes with names that say which lot, and sends edits", () => {
    const dispatch = jest.fn();
    renderIn(
      <ReviewStep
        draft={tenderToDraft(DFE_2017_TENDER)}
        source="the DfE 2017 example"
        sourceNotes={[]}
        hints={{}}
        errors={new Map([["lots[1].days", ["Days cannot be negative."]]])}
        otherErrors={[]}
        dispatch={dispatch}
        onNext={jest.fn()}
      />,
    );
    openLot("Barnet");
    const days = screen.getByRole("textbox", { name: "Barnet days" });
    fireEvent.change(days, { target: { value: "113" } });
    expect(dispatch).toHaveBeenCalledWith({ type: "editLot", index: 0, field: "days", value: "113" });
    expect((screen.getByRole("textbox", { name: "Stated total (£)" }) as HTMLInputElement).value).toBe(
      "346000",
    );
    const kirklees = screen.getByRole("textbox", { name: "Kirklees days" });
    expect(kirklees.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Days cannot be negative.")).toBeTruthy();
    openLot("Reading");
    fireEvent.click(screen.getByRole("button", { name: "Remove lot Reading" }));
    expect(dispatch).toHaveBeenCalledWith({ type: "removeLot", index: 2 });
  });
});

describe("CheckStep", () => {
  const headline = DFE_HEADLINE;

  /** Check for this headline and these findings, not busy; its box of headline figures. */
  function renderCheck(h: Headline, findings: Finding[] = []): HTMLElement {
    renderIn(<CheckStep headline={h} findings={findings} busy={false} onNext={jest.fn()} />);
    return screen.getByLabelText("Headline figures");
  }

  it.each([
    ["reconciles", "Reconciles", "success"],
    ["rounded", "Stated total is a rounding", "success"],
    ["withinTolerance", "Within tolerance", "warning"],
    ["mismatch", "Does not reconcile", "error"],
    ["overBudget", "Over budget", "error"],
  ] as const)(
    "gives the workbook's status %s as its verdict, %s, in its colour, above the findings",
    (status, title, intent) => {
      renderCheck({ ...headline, status }, [
        { code: "TOTAL_ROUNDED", severity: "info", message: "A rounding.", path: "statedTotal" },
      ]);
      expect(verdictOf({ ...headline, status })).toEqual({ intent, title });
      expect(screen.getByText(title)).toBeTruthy();
      expect(screen.queryByText("Totals do not agree")).toBeNull();
    },
  );

  it("says by how much the lots are over a budget", () => {
    renderCheck({
      ...headline,
      total: 13_200_000,
      stated: { pence: 13_000_000, precision: 1_000_000 },
      variance: 200_000,
      status: "overBudget",
    });
    expect(screen.getByText("The lots add up to £132,000, £2,000 over the budget of £130,000.")).toBeTruthy();
  });

  it("gives the range of the lots' own day rates rather than 'None found'", () => {
    const figures = renderCheck({
      ...headline,
      dayRate: undefined,
      dayRateInferred: false,
      dayRates: [65_000, 96_000],
    });
    expect(within(figures).getByText("Day rates")).toBeTruthy();
    expect(within(figures).getByText("£650–£960")).toBeTruthy();
    expect(within(figures).queryByText("None found")).toBeNull();
  });

  it("puts the headline figures first and says the discrepancy plainly", () => {
    const figures = renderCheck(headline, [
      { code: "RATE_INFERRED", severity: "info", message: "Day rate £960 inferred.", path: "dayRate" },
      { code: "TOTAL_MISMATCH", severity: "error", message: "Lots add to £346,560.", path: "statedTotal" },
    ]);
    expect(within(figures).getByText("£346,560")).toBeTruthy();
    expect(within(figures).getByText("£346,000")).toBeTruthy();
    expect(within(figures).getByText("+£560")).toBeTruthy();
    expect(within(figures).getByText("+0.16%")).toBeTruthy();
    expect(within(figures).getByText("£960")).toBeTruthy();
    expect(within(figures).getByText("Implied day rate")).toBeTruthy();
    expect(screen.getByText("The lots add up to £346,560, £560 more than the £346,000 stated.")).toBeTruthy();
    expect(screen.getByText("VAT at 20% brings the total to £415,872.")).toBeTruthy();
    const headings = screen.getAllByRole("heading").map((h) => h.textContent);
    expect(headings).toEqual(["Errors to fix (1)", "For information (1)"]);
    expect(screen.queryByRole("button", { name: /Go to cell/ })).toBeNull();
  });

  it("does not say the totals agree when there is no stated total to agree with", () => {
    const unstated: Headline = {
      ...headline,
      stated: undefined,
      variance: undefined,
      variancePercent: undefined,
      status: undefined,
    };
    renderCheck(unstated);
    expect(screen.queryByText("Totals agree")).toBeNull();
    expect(screen.getByText("No stated total to check")).toBeTruthy();
    expect(
      screen.getByText("The lots add up to £346,560. The tender states no total to check them against."),
    ).toBeTruthy();
  });

  it("offers Go to cell in Excel only for findings that point at a cell", () => {
    const go = jest.fn();
    const error = {
      code: "TOTAL_MISMATCH" as const,
      severity: "error" as const,
      message: "Mismatch.",
      path: "statedTotal",
    };
    const info = {
      code: "RATE_INFERRED" as const,
      severity: "info" as const,
      message: "Inferred.",
      path: "dayRate",
    };
    renderIn(
      <CheckStep
        headline={headline}
        findings={[error, info]}
        onGoToCell={go}
        canGoTo={(f) => f.path === "statedTotal"}
        busy={false}
        onNext={jest.fn()}
      />,
    );
    const buttons = screen.getAllByRole("button", { name: /Go to cell/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]);
    expect(go).toHaveBeenCalledWith(error);
  });
});

describe("ReviewStep of a large tender", () => {
  const draft = {
    ...tenderToDraft(DFE_2017_TENDER),
    lots: Array.from({ length: 120 }, (_, i) => ({ ...emptyLot(`Council ${i + 1}`), days: "10" })),
  };
  const review = (errors: Map<string, string[]>, dispatch = jest.fn()) =>
    renderIn(
      <ReviewStep
        draft={draft}
        source="a file"
        sourceNotes={[]}
        hints={{}}
        errors={errors}
        otherErrors={[]}
        dispatch={dispatch}
        onNext={jest.fn()}
      />,
    );
  const lotNames = () =>
    screen
      .getAllByRole("group")
      .filter((g) => /^lot-\d+-line$/.test(g.getAttribute("aria-labelledby") ?? ""));

  it("shows the lots a page at a time, with the page's place among them", () => {
    review(new Map());
    expect(lotNames()).toHaveLength(LOTS_PER_PAGE);
    expect(screen.getAllByText("Lots 1–50 of 120")).toHaveLength(2);
    openLot("Council 50");
    expect(screen.getByRole("textbox", { name: "Council 50 days" })).toBeTruthy();
    fireEvent.click(screen.getAllByRole("button", { name: "Next lots" })[0]);
    fireEvent.click(screen.getAllByRole("button", { name: "Next lots" })[0]);
    expect(screen.getAllByText("Lots 101–120 of 120")).toHaveLength(2);
    expect(lotNames()).toHaveLength(20);
    expect((screen.getAllByRole("button", { name: "Next lots" })[0] as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it("opens on the page of the first lot with a problem, says where the others are, and edits the right lot", () => {
    const dispatch = jest.fn();
    review(
      new Map([
        ["lots[74].days", ["Days cannot be negative."]],
        ["lots[110].dayRate", ["A day rate must be more than £0 (it is -£1)"]],
      ]),
      dispatch,
    );
    expect(screen.getAllByText("Lots 51–100 of 120 (problems to correct on page 3)")).toHaveLength(2);
    const days = screen.getByRole("textbox", { name: "Council 75 days" });
    expect(days.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(days, { target: { value: "12" } });
    expect(dispatch).toHaveBeenCalledWith({ type: "editLot", index: 74, field: "days", value: "12" });
    fireEvent.click(screen.getAllByRole("button", { name: "Next problem" })[0]);
    expect(screen.getByRole("textbox", { name: "Council 111 day rate" }).getAttribute("aria-invalid")).toBe(
      "true",
    );
  });

  it("shows the page of a lot just added", () => {
    const dispatch = jest.fn();
    review(new Map(), dispatch);
    fireEvent.click(screen.getByRole("button", { name: "Add lot" }));
    expect(dispatch).toHaveBeenCalledWith({ type: "addLot" });
    expect(screen.getAllByText("Lots 101–120 of 120")).toHaveLength(2);
  });
});

describe("AllocationTable", () => {
  it("shows no shares when nothing has a value (a lot with days but no rate, total £0)", () => {
    renderIn(
      <AllocationTable
        lines={[{ lot: "Barnet", days: 10, share: 0 }]}
        headline={{ total: 0, vat: 0, totalIncVat: 0, vatRate: 20, dayRateInferred: false, dayRates: [] }}
      />,
    );
    const rows = screen.getAllByRole("row").map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows.slice(1)).toEqual([
      ["Barnet", "–", "10", "–", "–"],
      ["Total", "", "10", "£0", "–"],
    ]);
  });
});

describe("AllocationTable of a large tender", () => {
  it("shows the first lots, says how many more there are, and totals them all", () => {
    const lines = Array.from({ length: 1_234 }, (_, i) => ({
      index: i,
      lot: `Lot ${i + 1}`,
      dayRate: 50_000,
      days: 2,
      value: 100_000,
      share: 1 / 1_234,
    }));
    renderIn(
      <AllocationTable
        lines={lines}
        headline={{
          total: 123_400_000,
          vat: 24_680_000,
          totalIncVat: 148_080_000,
          vatRate: 20,
          dayRateInferred: false,
          dayRates: [],
        }}
      />,
    );
    const rows = screen.getAllByRole("row").map((r) => Array.from(r.children).map((c) => c.textContent));
    // Header, the first lots, the note, the total.
    expect(rows).toHaveLength(TABLE_LOTS + 3);
    expect(rows[TABLE_LOTS][0]).toBe(`Lot ${TABLE_LOTS}`);
    expect(rows.at(-2)).toEqual([
      "… and 1,034 more lots, in the total below, on the Allocation sheet and in the downloads",
    ]);
    expect(rows.at(-1)).toEqual(["Total", "", "2,468", "£1,234,000", "100%"]);
  });
});

describe("PhasingTable", () => {
  it("ends with the total of its periods, to compare with the allocation's", () => {
    renderIn(
      <PhasingTable
        view="quarter"
        rows={[
          { period: "2017/18 Q2", label: "Q2 2017/18 (Jul–Sep)", value: 8_448_000 },
          { period: "2017/18 Q3", label: "Q3 2017/18 (Oct–Dec)", value: 20_928_000 },
          { period: "2017/18 Q4", label: "Q4 2017/18 (Jan–Mar)", value: 5_280_000 },
        ]}
      />,
    );
    const rows = screen.getAllByRole("row").map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows.at(-1)).toEqual(["Total", "£346,560"]);
  });
});
