import {
  position,
  shortDate,
  timelineHeight,
  timelineLayout,
  timelineSummary,
} from "../../src/taskpane/charts/timeline";
import type { TimelineInput } from "../../src/taskpane/rules-view";

/** The DfE 2017 timetable: published 26 July, closing 31 July, start 31 August 2017 (PCR 2015, open). */
const DFE: TimelineInput = {
  published: "2017-07-26",
  closing: "2017-07-31",
  latestAwardNotice: "2017-08-20",
  start: "2017-08-31",
  minimumTenderingDays: 30,
  tenderingShort: true,
  standstillNotOver: false,
};

describe("timelineLayout", () => {
  it("draws the tendering period against its minimum, the latest award notice and the start", () => {
    const layout = timelineLayout(DFE)!;
    expect(layout.first).toBe("2017-07-26");
    expect(layout.last).toBe("2017-08-31");
    expect(layout.lanes.map((l) => [l.label, l.error])).toEqual([
      ["Tendering: 5 days, minimum 30", true],
      ["Award notice by 20 Aug 2017", false],
      ["Start: 31 Aug 2017", false],
    ]);
    // The minimum runs 30 days from publication, to 25 August; the period itself to closing.
    expect(layout.lanes[0].spans).toEqual([
      { from: "2017-07-26", to: "2017-08-25", kind: "minimum" },
      { from: "2017-07-26", to: "2017-07-31", kind: "tendering" },
    ]);
    expect(layout.lanes[1].spans).toEqual([{ from: "2017-08-20", to: "2017-08-31", kind: "latest" }]);
    expect(layout.lanes[2].ticks).toEqual([{ at: "2017-08-31", kind: "start" }]);
  });

  it("widens to the minimum's end when that is the last date", () => {
    const layout = timelineLayout({ ...DFE, start: undefined, latestAwardNotice: undefined })!;
    expect(layout.last).toBe("2017-08-25");
    expect(layout.lanes).toHaveLength(1);
  });

  it("with an award notice shows the standstill and marks the latest day on it", () => {
    const layout = timelineLayout({
      ...DFE,
      awardNotice: "2017-08-14",
      standstillEnd: "2017-08-24",
      start: "2017-08-24",
      latestAwardNotice: "2017-08-13",
      standstillNotOver: true,
    })!;
    expect(layout.lanes[1]).toMatchObject({
      label: "Standstill: 14 Aug 2017 to 24 Aug 2017",
      spans: [{ from: "2017-08-14", to: "2017-08-24", kind: "standstill" }],
      ticks: [{ at: "2017-08-13", kind: "latest" }],
    });
    expect(layout.lanes[2]).toMatchObject({ label: "Start: 24 Aug 2017", error: true });
  });

  it("makes no timeline of fewer than two dates", () => {
    expect(timelineLayout({ tenderingShort: false, standstillNotOver: false })).toBeUndefined();
    expect(
      timelineLayout({ start: "2017-08-31", tenderingShort: false, standstillNotOver: false }),
    ).toBeUndefined();
    // Publication alone, or closing before publication, gives no tendering lane.
    expect(
      timelineLayout({ published: "2017-07-26", tenderingShort: false, standstillNotOver: false }),
    ).toBeUndefined();
    expect(
      timelineLayout({
        published: "2017-07-26",
        closing: "2017-07-20",
        tenderingShort: false,
        standstillNotOver: false,
      }),
    ).toBeUndefined();
  });
});

describe("position", () => {
  it("places dates in proportion between 2% and 98% of the width", () => {
    const layout = timelineLayout(DFE)!;
    expect(position(layout, "2017-07-26")).toBe(2);
    expect(position(layout, "2017-08-31")).toBe(98);
    // 5 of the 36 days.
    expect(position(layout, "2017-07-31")).toBeCloseTo(2 + (96 * 5) / 36, 10);
  });
});

describe("words and size", () => {
  it("sums the timeline up in words and knows its height before it is drawn", () => {
    const layout = timelineLayout(DFE)!;
    expect(timelineSummary(layout)).toBe(
      "Timeline from 26 July 2017 to 31 August 2017: tendering from 26 July 2017 to 31 July 2017, 5 days, minimum 30 (too short); award notice by 20 August 2017 for the standstill to end before the start; start 31 August 2017.",
    );
    // 40 px a lane, 18 for the date axis and 18 for the key.
    expect(timelineHeight(3)).toBe(156);
    expect(timelineHeight(1)).toBe(76);
    expect(shortDate("2017-09-01")).toBe("1 Sep 2017");
    expect(shortDate("2017-05-01")).toBe("1 May 2017");
  });
});
