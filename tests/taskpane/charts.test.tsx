/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen } from "@testing-library/react";
import { checkTender } from "../../src/domain/check/check";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { BarChart, SpendChart, spendSummary } from "../../src/taskpane/charts/Charts";
import { ChartSlot, charts } from "../../src/taskpane/charts/ChartSlot";
import { BAR_ROW, SPEND_CHART_HEIGHT } from "../../src/taskpane/charts/layout";
import { bars, MAX_BARS, spendSeries } from "../../src/taskpane/charts/series";
import { readInvoicesCsv, trackActuals } from "../../src/taskpane/tracking";
import { renderIn } from "./render";

const report = checkTender(DFE_2017_TENDER);
const invoicesCsv = readFileSync(join(__dirname, "../fixtures/actuals/dfe-2017-invoices.csv"), "utf8");

async function dfeActuals(asOf?: string) {
  return trackActuals(await readInvoicesCsv(invoicesCsv, "invoices.csv"), report, asOf);
}

describe("bars", () => {
  it("gives each value its length against the largest", () => {
    const b = bars([
      { label: "Barnet", value: 10_752_000 },
      { label: "Kirklees", value: 4_896_000 },
      { label: "None", value: 0 },
    ]);
    expect(b.map((x) => x.length)).toEqual([1, 4_896_000 / 10_752_000, 0]);
    expect(bars([{ label: "Nothing", value: 0 }])[0].length).toBe(0);
  });

  it("keeps at most MAX_BARS, summing the smallest lots into one, in their first order", () => {
    const lots = Array.from({ length: MAX_BARS + 3 }, (_, i) => ({
      label: `Lot ${i + 1}`,
      value: (i + 1) * 100,
    }));
    const b = bars(lots);
    expect(b).toHaveLength(MAX_BARS);
    expect(b[0].label).toBe("Lot 5"); // lots 1-4 (the four smallest) are summed
    expect(b[b.length - 1]).toMatchObject({ label: "4 more lots", value: 100 + 200 + 300 + 400 });
    expect(b.reduce((s, x) => s + x.value, 0)).toBe(lots.reduce((s, x) => s + x.value, 0));
    // Exactly MAX_BARS are all shown.
    expect(bars(lots.slice(0, MAX_BARS)).map((x) => x.label)).toEqual(
      lots.slice(0, MAX_BARS).map((l) => l.label),
    );
  });
});

describe("spendSeries", () => {
  it("gives each lot and all lots the phased budget and spend month by month, adding up to the position", async () => {
    const actuals = await dfeActuals("2018-01-31");
    const series = spendSeries(actuals, report.phasing);
    expect(series.map((s) => s.name)).toEqual([
      "Barnet",
      "Kirklees",
      "Reading",
      "Worcestershire",
      "All lots",
    ]);
    const all = series[series.length - 1];
    expect(all.months[0]).toBe("2017-08");
    // The budget climbs to the whole allocation by the last phased month.
    expect(
      all.budget[all.months.indexOf(report.phasing.months[report.phasing.months.length - 1].month)],
    ).toBe(report.phasing.total);
    // Spend to the as-of month is what the position counts; nothing is drawn after it.
    const jan = all.months.indexOf("2018-01");
    expect(all.spend[jan]).toBe(actuals.totals.spent);
    expect(all.spend.slice(jan + 1).every((v) => v === null)).toBe(true);
    series.slice(0, -1).forEach((s, i) => {
      expect(s.spend[jan]).toBe(actuals.lots[i].spent);
      expect(s.allocated).toBe(actuals.lots[i].allocatedValue);
      expect(s.runOut).toBe(actuals.lots[i].forecast.forecastExhaustionDate);
    });
    // Per-lot budgets add up to the total's, month by month (each chart may run on to its own run-out).
    const shared = Math.min(...series.map((s) => s.months.length));
    all.months.slice(0, shared).forEach((_, m) => {
      expect(series.slice(0, -1).reduce((sum, s) => sum + s.budget[m], 0)).toBe(all.budget[m]);
    });
  });

  it("counts only invoices dated to the as-of date", async () => {
    const early = spendSeries(await dfeActuals("2017-10-31"), report.phasing);
    const later = spendSeries(await dfeActuals("2018-01-31"), report.phasing);
    const oct = early[0].months.indexOf("2017-10");
    expect(early[0].spend[oct]).toBe(9_600_00 + 11_520_00);
    expect(early[0].spend[oct + 1]).toBeNull();
    expect(later[0].spend[oct + 1]).toBe(9_600_00 + 11_520_00 + 11_520_00);
  });
});

describe("the charts", () => {
  beforeAll(() => charts.load());

  it("draws bars with a summary that names every value", () => {
    renderIn(
      <BarChart
        title="Value by lot"
        bars={bars([
          { label: "Barnet", value: 10_752_000 },
          { label: "Kirklees", value: 4_896_000 },
        ])}
      />,
    );
    const img = screen.getByRole("img");
    expect(img.getAttribute("aria-label")).toBe(
      "Value by lot: Barnet £107,520, Kirklees £48,960. The largest is Barnet.",
    );
    expect(img.querySelectorAll("rect")[1].getAttribute("width")).toBe("45.54%");
  });

  it("draws spend against budget, marks the run-out and says it in words", async () => {
    const actuals = await dfeActuals("2018-01-31");
    const series = spendSeries(actuals, report.phasing);
    // A lot whose run-out falls inside the months drawn.
    const early = series.find((s) => s.runOut !== null && s.months.includes(s.runOut.slice(0, 7)));
    expect(early).toBeDefined();
    renderIn(<SpendChart series={early!} />);
    const img = screen.getByRole("img");
    expect(img.getAttribute("aria-label")).toBe(spendSummary(early!));
    expect(spendSummary(early!)).toMatch(/ out on \d+ \w+ 20\d\d(, before the contract ends)?\.$/);
    expect(screen.getByText(/^Runs out /)).toBeTruthy();
    expect(img.querySelectorAll("polyline")).toHaveLength(2);
  });

  it("holds the chart's height in its slot until the chart's code is there", () => {
    const b = bars([{ label: "Barnet", value: 1 }]);
    expect(BAR_ROW * b.length).toBe(24);
    expect(SPEND_CHART_HEIGHT).toBeGreaterThan(150);
    renderIn(<ChartSlot kind="bars" title="Value by lot" bars={b} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toMatch(/^Value by lot: Barnet £0.01/);
  });
});
