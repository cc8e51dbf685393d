import {
  draftToInput,
  errorsByPath,
  fieldOfPath,
  tenderToDraft,
  withoutUntouchedLots,
} from "../../src/taskpane/draft";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";

describe("tenderToDraft", () => {
  it("fills the boxes with plain pounds and UK dates", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    expect(draft.statedTotal).toBe("346000");
    expect(draft.closingDate).toBe("31/07/2017");
    expect(draft.startDate).toBe("31/08/2017");
    expect(draft.endDate).toBe("");
    expect(draft.vatRate).toBe("20");
    expect(draft.lots.map((l) => [l.name, l.statedValue, l.days])).toEqual([
      ["Barnet", "107520", ""],
      ["Kirklees", "48960", ""],
      ["Reading", "95040", ""],
      ["Worcestershire", "95040", ""],
    ]);
    expect(new Set(draft.lots.map((l) => l.key)).size).toBe(4);
  });
});

describe("draftToInput", () => {
  it("gives the tender file shape with ISO dates and numeric days, leaving out empty boxes", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.lots[0].days = "113";
    draft.lots[1].days = "1,000.5";
    const { input, errors } = draftToInput(draft);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      currency: "GBP",
      region: "GB-ENG",
      statedTotal: "346000",
      closingDate: "2017-07-31",
      startDate: "2017-08-31",
      vatRate: 20,
    });
    expect(input).not.toHaveProperty("endDate");
    expect(input).not.toHaveProperty("dayRate");
    expect((input.lots as object[])[0]).toEqual({ name: "Barnet", statedValue: "107520", days: 113 });
    expect((input.lots as object[])[1]).toEqual({ name: "Kirklees", statedValue: "48960", days: 1000.5 });
  });

  it("passes text it cannot read as a number to the engine so the engine names the problem", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.lots[2].days = "ten";
    expect((draftToInput(draft).input.lots as { days: unknown }[])[2].days).toBe("ten");
  });

  it("names each date that is not a real day/month/year date", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.closingDate = "31/02/2017";
    draft.lots[3].endDate = "next spring";
    const { input, errors } = draftToInput(draft);
    expect(errors).toEqual([
      {
        path: "closingDate",
        // It is written day/month/year; the trouble is that February 2017 has no 31st.
        message:
          '"31/02/2017" is not a date: February 2017 has 28 days; write it as dd/mm/yyyy (31/08/2017) or yyyy-mm-dd (2017-08-31).',
      },
      {
        path: "lots[3].endDate",
        message:
          '"next spring" is not a date; write it as dd/mm/yyyy (31/08/2017) or yyyy-mm-dd (2017-08-31).',
      },
    ]);
    expect(input).not.toHaveProperty("closingDate");
  });

  it("does not change the draft it is given", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    const copy = JSON.parse(JSON.stringify(draft));
    draftToInput(draft);
    expect(draft).toEqual(copy);
  });
});

describe("paths", () => {
  it("maps engine paths to boxes", () => {
    expect(fieldOfPath("lots[2].days")).toEqual({ lot: 2, field: "days" });
    expect(fieldOfPath("statedTotal")).toEqual({ field: "statedTotal" });
    expect(fieldOfPath("lots")).toBeUndefined();
    expect(fieldOfPath("lots[0].colour")).toBeUndefined();
  });

  it("groups messages by path", () => {
    const map = errorsByPath([
      { path: "statedTotal", message: "a" },
      { path: "lots[0].days", message: "b" },
      { path: "statedTotal", message: "c" },
    ]);
    expect(map.get("statedTotal")).toEqual(["a", "c"]);
    expect(map.get("lots[0].days")).toEqual(["b"]);
  });
});

describe("withoutUntouchedLots", () => {
  it("holds back the problems of a lot whose boxes are all empty, and only those", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.lots.push({ ...draft.lots[0], key: "new", name: "", statedValue: "" });
    draft.lots[0] = { ...draft.lots[0], days: "abc" };
    const byPath = new Map([
      ["lots[0].days", ["bad days"]],
      ["lots[4].name", ["Each lot needs a name"]],
      ["statedTotal", ["bad total"]],
    ]);
    expect([...withoutUntouchedLots(byPath, draft).keys()]).toEqual(["lots[0].days", "statedTotal"]);
    draft.lots[4] = { ...draft.lots[4], days: "3" };
    expect([...withoutUntouchedLots(byPath, draft).keys()]).toEqual([
      "lots[0].days",
      "lots[4].name",
      "statedTotal",
    ]);
  });
});
