/** @jest-environment jsdom */
import { act, fireEvent, screen } from "@testing-library/react";
import { tenderSteps } from "../../src/taskpane/App";
import { checkDraft } from "../../src/taskpane/engine";
import { tenderToDraft } from "../../src/taskpane/draft";
import { DEFAULT_OPTIONS } from "../../src/taskpane/state";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { readNotice, renderPane } from "./pane";

// Fluent in jsdom is slow on a busy machine; these tests render the whole pane.
jest.setTimeout(120_000);

beforeAll(() => tenderSteps.load());

const select = (name: string) => screen.getByRole("combobox", { name }) as HTMLSelectElement;
const box = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;

/** The DfE 2017 rule fields typed into Review as a user would. */
function fillDfeRules(published = "26 July 2017") {
  fireEvent.change(select("Buyer type"), { target: { value: "central" } });
  fireEvent.change(select("Contract type"), { target: { value: "services" } });
  fireEvent.change(select("Procedure"), { target: { value: "open" } });
  fireEvent.change(box("Published"), { target: { value: published } });
}

describe("Review's procurement rule fields", () => {
  it("offers the engine's choices in words, with 'Not given' for a tender that does not say", () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
    expect(screen.getByRole("heading", { name: "Procurement rules (optional)" })).toBeTruthy();
    expect(Array.from(select("Buyer type").options).map((o) => o.value)).toEqual([
      "",
      "central",
      "sub-central",
      "utility",
    ]);
    expect(Array.from(select("Contract type").options).map((o) => o.value)).toEqual([
      "",
      "services",
      "supplies",
      "works",
      "light-touch",
    ]);
    expect(Array.from(select("Procedure").options).map((o) => o.value)).toEqual([
      "",
      "open",
      "restricted",
      "competitive-flexible",
      "direct-award",
      "call-off",
    ]);
    expect(select("Buyer type").value).toBe("");
    expect(box("Published").value).toBe("");
    expect(box("Award notice").value).toBe("");
    expect(box("Options and extensions (£)").value).toBe("");
  });

  it("carries the DfE 2017 fields into the tender the engine checks: 5 tendering days against 30", async () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
    fillDfeRules("26 July 2017");
    fireEvent.change(box("Award notice"), { target: { value: "14-08-2017" } });
    fireEvent.change(box("Options and extensions (£)"), { target: { value: "£20,000" } });
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Build allocation" }));
    });
    await screen.findByText("Built the allocation of 4 lots.");
    fireEvent.click(screen.getByRole("button", { name: "Next: check totals" }));
    // The engine's own findings for the fields typed in: the period is short, the estimate is
    // £346,560 plus £20,000 of options, and the standstill from 14 August ends on 24 August.
    expect(
      screen.getAllByText(
        /The tendering period from publication on 26 July 2017 to closing on 31 July 2017 is 5 days, under the 30-day minimum/,
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText(/estimated value £366,560 \(ex VAT: all lots £346,560 plus options/).length,
    ).toBeGreaterThan(0);
    // The Rules panel after the findings: the same figures, the timetable and its timeline.
    expect(screen.getByRole("heading", { name: "Procurement rules" })).toBeTruthy();
    expect(screen.getByLabelText("Procurement rules figures").textContent).toContain(
      "Estimated value£366,560 ex VAT",
    );
    expect(screen.getByRole("table", { name: "Timetable" }).textContent).toContain(
      "24 August 2017Standstill ends",
    );
    await screen.findByRole("img", { name: /^Timeline from 26 July 2017 to 31 August 2017/ });
  });

  it("names a date that is not one and an options value the engine cannot read beside their boxes", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.publishedDate = "31/02/2017";
    draft.awardNoticeDate = "soon";
    draft.optionsValue = "twenty";
    const checked = checkDraft(draft, DEFAULT_OPTIONS);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect([...checked.byPath.keys()].sort()).toEqual(["awardNoticeDate", "optionsValue", "publishedDate"]);
    // Placed beside their boxes, not in the list of problems no box shows.
    expect(checked.unplaced).toEqual([]);

    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
    fireEvent.change(box("Published"), { target: { value: "31/02/2017" } });
    fireEvent.change(box("Options and extensions (£)"), { target: { value: "twenty" } });
    expect(box("Published").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/"31\/02\/2017" is not a date: February 2017 has 28 days/)).toBeTruthy();
    expect(box("Options and extensions (£)").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(checked.byPath.get("optionsValue")![0])).toBeTruthy();
    expect(box("Award notice").getAttribute("aria-invalid")).not.toBe("true");
  });

  it("shows what the notice reader found: a Department is central government, the procedure, contract type and published date", async () => {
    renderPane();
    await readNotice(
      "Two commissioners sought\n26 July 2017\n" +
        "The Department for Education has set aside a total of £212,400 for two commissioners: " +
        "£86,400 for Sandwell and £126,000 for Croydon. The closing date for applications is 14 August.\n" +
        "Procedure: open\nContract type: Service contract\nPublished date: 26 July 2017\n",
    );
    await screen.findByText("Read 2 lots from the tender notice.");
    expect(select("Buyer type").value).toBe("central");
    expect(select("Procedure").value).toBe("open");
    expect(select("Contract type").value).toBe("services");
    expect(box("Published").value).toBe("26/07/2017");
    expect(box("Award notice").value).toBe("");
    expect(screen.getAllByText(/^From the notice: “Procedure: open/).length).toBe(1);
  });

  it("keeps the fields of a tender it is given, in the boxes' own forms", () => {
    const fields = {
      buyerType: "sub-central",
      contractType: "works",
      procedure: "restricted",
      publishedDate: "2017-07-26",
      awardNoticeDate: "2017-08-14",
      optionsValue: 2_000_050,
    } as const;
    const draft = tenderToDraft({ ...DFE_2017_TENDER, ...fields });
    expect(draft).toMatchObject({
      buyerType: "sub-central",
      contractType: "works",
      procedure: "restricted",
      publishedDate: "26/07/2017",
      awardNoticeDate: "14/08/2017",
      optionsValue: "20000.50",
    });
    const checked = checkDraft(draft, DEFAULT_OPTIONS);
    expect(checked.ok && checked.tender).toMatchObject(fields);
  });
});
