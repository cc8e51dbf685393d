/** @jest-environment jsdom */
/**
 * The Check step's Rules panel. The DfE 2017 case: published 26 July 2017, closing 31 July 2017,
 * start 31 August 2017, central government services, open procedure: PCR 2015 (procurements started
 * before 24 February 2025), threshold £106,047 ex VAT (1 January 2016 to 31 December 2017; CMS
 * Law-Now, "New EU procurement thresholds from 1 January 2016",
 * https://cms-lawnow.com/en/ealerts/2015/12/new-eu-procurement-thresholds-from-1-january-2016),
 * 5 tendering days against the 30-day minimum of an electronic open procedure (PCR 2015 reg 27,
 * https://www.legislation.gov.uk/uksi/2015/102/regulation/27/made). Standstill: 10 days after the
 * notice (PCR 2015 reg 87, https://www.legislation.gov.uk/uksi/2015/102/regulation/87/made).
 */
import { screen, within } from "@testing-library/react";
import { checkTender } from "../../src/domain/check/check";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import type { Tender } from "../../src/domain/core/types";
import { timelineChart } from "../../src/taskpane/charts/TimelineSlot";
import { RulesPanel } from "../../src/taskpane/RulesPanel";
import { rulesView } from "../../src/taskpane/rules-view";
import { renderIn } from "./render";

jest.setTimeout(60_000);

beforeAll(() => timelineChart.load());

const DFE_RULES: Tender = {
  ...DFE_2017_TENDER,
  buyerType: "central",
  contractType: "services",
  procedure: "open",
  publishedDate: "2017-07-26",
};

function panel(tender: Tender) {
  const report = checkTender(tender);
  renderIn(<RulesPanel tender={report.tender} rules={report.rules} findings={report.findings} />);
  return report;
}

/** The timetable as [date, what] rows. */
function timetable(): string[][] {
  const table = screen.getByRole("table", { name: "Timetable" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll("td")).map((td) => td.textContent ?? ""));
}

describe("RulesPanel", () => {
  it("shows the DfE 2017 case: PCR 2015, £106,047 ex VAT, above it, 5 days against 30 in the error colour", () => {
    const report = panel(DFE_RULES);
    expect(report.findings.map((f) => f.code)).toContain("TENDERING_PERIOD_SHORT");
    const figures = screen.getByLabelText("Procurement rules figures").textContent ?? "";
    expect(figures).toContain("RegimePCR 2015Started 26 July 2017");
    expect(figures).toContain(
      "Threshold£106,047 ex VATFor central government supplies and services, 1 January 2016 to 31 December 2017.",
    );
    expect(figures).toContain("Estimated value£346,560 ex VATAt or above the threshold");
    const notices = screen.getByRole("heading", { name: "Notices to publish" }).parentElement!;
    expect(notices.textContent).toContain(
      "Contract notice on the Official Journal of the EU (OJEU/TED) until 31 December 2020: to start the procurement.",
    );
    expect(timetable()).toEqual([
      ["26 July 2017", "Published (tender notice)"],
      ["31 July 2017", "Closing: 5 days, minimum 30"],
      [
        "20 August 2017",
        "Latest award notice: the last day for the standstill to end before the start on 31 August 2017",
      ],
      ["31 August 2017", "Start: 31 days after closing"],
    ]);
    // The short period, and only it, in the error colour.
    const short = screen.getByText("5 days, minimum 30");
    const plain = screen.getByText("31 days after closing");
    expect(short.className).not.toBe("");
    expect(plain.className).toBe("");
    expect(screen.getByText(/^Automated check, not legal advice/)).toBeTruthy();

    const timeline = screen.getByRole("img", { name: /^Timeline/ });
    expect(timeline.getAttribute("aria-label")).toBe(
      "Timeline from 26 July 2017 to 31 August 2017: tendering from 26 July 2017 to 31 July 2017, 5 days, minimum 30 (too short); award notice by 20 August 2017 for the standstill to end before the start; start 31 August 2017.",
    );
    // Drawn across the 36 days from 26 July: the 30-day minimum as an outline over 80% of the width,
    // the 5 days as a bar over 13.33%, the latest award notice to the start over the last 11 days.
    expect(
      Array.from(timeline.querySelectorAll("rect"))
        .slice(0, 3)
        .map((r) => [r.getAttribute("x"), r.getAttribute("width")]),
    ).toEqual([
      ["2.00%", "80.00%"],
      ["2.00%", "13.33%"],
      ["68.67%", "29.33%"],
    ]);
  });

  it("does not colour a short period as an error below the threshold, where the engine raises none", () => {
    const kirklees: Tender = { ...DFE_RULES, statedTotal: undefined, lots: [DFE_2017_TENDER.lots[1]] };
    const report = panel(kirklees);
    expect(report.findings.map((f) => f.code)).not.toContain("TENDERING_PERIOD_SHORT");
    expect(screen.getByLabelText("Procurement rules figures").textContent).toContain(
      "Estimated value£48,960 ex VATBelow the threshold.",
    );
    const row = timetable()[1];
    expect(row).toEqual([
      "31 July 2017",
      "Closing: 5 days, minimum 30 (the minimum is checked above the threshold)",
    ]);
    expect(screen.getByText(/^5 days, minimum 30/).className).toBe("");
    expect(screen.getByRole("img", { name: /^Timeline/ }).getAttribute("aria-label")).not.toContain(
      "too short",
    );
  });

  it("says the standstill has not ended by the start, as STANDSTILL_NOT_OVER does", () => {
    const report = panel({ ...DFE_RULES, awardNoticeDate: "2017-08-14", startDate: "2017-08-24" });
    expect(report.findings.map((f) => f.code)).toContain("STANDSTILL_NOT_OVER");
    const rows = timetable();
    expect(rows.map((r) => r[0])).toEqual([
      "26 July 2017",
      "31 July 2017",
      "13 August 2017",
      "14 August 2017",
      "24 August 2017",
      "24 August 2017",
    ]);
    expect(rows[2][1]).toBe(
      "Latest award notice: the last day for the standstill to end before the start on 24 August 2017",
    );
    expect(rows[3][1]).toBe("Award notice: 1 day after the latest for the start");
    expect(rows[4][1]).toBe(
      "Standstill ends: 10 days after the award notice: the standstill, 10 days moved to a working day (PCR 2015 reg 87)",
    );
    expect(rows[5][1]).toBe(
      "Start: on the standstill's last day: the contract may be entered into only after it",
    );
    expect(screen.getByText(/^on the standstill's last day/).className).not.toBe("");
    expect(screen.getByRole("img", { name: /^Timeline/ }).getAttribute("aria-label")).toContain(
      "start 24 August 2017, before the standstill ends",
    );
  });

  it("says what to give in Review when the threshold cannot be told", () => {
    panel({ ...DFE_2017_TENDER, publishedDate: "2017-07-26" });
    const missing = screen.getByRole("heading", { name: "To tell whether the threshold is reached" });
    expect(missing.parentElement!.textContent).toContain(
      "Give the buyer type in Review: the threshold depends on it.Give the contract type in Review: the threshold depends on it.",
    );
    expect(screen.getByLabelText("Procurement rules figures").textContent).toBe(
      "RegimePCR 2015Started 26 July 2017; the Procurement Act 2023 applies to procurements started from 24 February 2025.",
    );
    expect(screen.queryByRole("heading", { name: "Notices to publish" })).toBeNull();
  });

  it("without any rule field says where to give them", () => {
    panel(DFE_2017_TENDER);
    expect(
      screen.getByText(
        /give the buyer type, the contract type and the Published date under Procurement rules in Review/,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Timetable" })).toBeNull();
  });

  it("marks as an error exactly where the engine raised an error finding", () => {
    const cases: Tender[] = [
      DFE_RULES,
      { ...DFE_RULES, closingDate: "2017-08-25", startDate: "2017-09-30" },
      { ...DFE_RULES, awardNoticeDate: "2017-08-14", startDate: "2017-08-24" },
      { ...DFE_RULES, awardNoticeDate: "2017-08-14", startDate: "2017-08-25" },
      {
        ...DFE_RULES,
        lots: [DFE_2017_TENDER.lots[1]],
        statedTotal: undefined,
        awardNoticeDate: "2017-08-14",
        startDate: "2017-08-20",
      },
    ];
    for (const tender of cases) {
      const report = checkTender(tender);
      const view = rulesView(report.tender, report.rules, report.findings);
      const errorCodes = report.findings.filter((f) => f.severity === "error" && f.code !== "TOTAL_MISMATCH");
      const rowsInError = view.timetable.filter((r) => r.error).map((r) => r.key);
      expect(rowsInError.includes("closing")).toBe(
        errorCodes.some((f) => f.code === "TENDERING_PERIOD_SHORT"),
      );
      expect(rowsInError.includes("start")).toBe(errorCodes.some((f) => f.code === "STANDSTILL_NOT_OVER"));
    }
  });
});
