import { tenderToDraft } from "../../src/taskpane/draft";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { INITIAL_STATE, paneReducer, stepEnabled, type PaneState } from "../../src/taskpane/state";

function loaded(): PaneState {
  return paneReducer(INITIAL_STATE, { type: "loaded", draft: tenderToDraft(DFE_2017_TENDER), source: "x" });
}

describe("paneReducer", () => {
  it("opens Review when a tender is loaded, and keeps Check and Export closed until built", () => {
    const s = loaded();
    expect(s.step).toBe("review");
    expect(stepEnabled(s, "build")).toBe(true);
    expect(stepEnabled(s, "check")).toBe(false);
    expect(paneReducer(s, { type: "goTo", step: "export" }).step).toBe("review");
    const built = paneReducer(s, { type: "built" });
    expect(paneReducer(built, { type: "goTo", step: "export" }).step).toBe("export");
  });

  it("nothing but Start is open before a tender exists", () => {
    expect(stepEnabled(INITIAL_STATE, "review")).toBe(false);
    expect(paneReducer(INITIAL_STATE, { type: "goTo", step: "build" })).toBe(INITIAL_STATE);
    expect(paneReducer(INITIAL_STATE, { type: "editLot", index: 0, field: "days", value: "1" })).toBe(
      INITIAL_STATE,
    );
  });

  it("edits one lot without touching the others or the previous state", () => {
    const s = loaded();
    const next = paneReducer(s, { type: "editLot", index: 1, field: "days", value: "51" });
    expect(next.draft?.lots[1].days).toBe("51");
    expect(s.draft?.lots[1].days).toBe("");
    expect(next.draft?.lots[0]).toBe(s.draft?.lots[0]);
  });

  it("adds and removes lots but never removes the last one", () => {
    let s = loaded();
    s = paneReducer(s, { type: "addLot" });
    expect(s.draft?.lots).toHaveLength(5);
    s = paneReducer(s, { type: "removeLot", index: 0 });
    expect(s.draft?.lots.map((l) => l.name)).toEqual(["Kirklees", "Reading", "Worcestershire", ""]);
    for (let i = 0; i < 10; i++) s = paneReducer(s, { type: "removeLot", index: 0 });
    expect(s.draft?.lots).toHaveLength(1);
  });

  it("keeps each lot's notes from the notice under its own lot when a lot is removed and put back", () => {
    const hints = {
      title: "read from: Provision of …",
      "lots[0].statedValue": "read from: £107,520 Barnet",
      "lots[1].statedValue": "read from: £48,960 Kirklees",
      "lots[2].statedValue": "read from: £95,040 Reading",
      "lots[2].name": "read from: Reading",
    };
    const s = paneReducer(INITIAL_STATE, {
      type: "loaded",
      draft: tenderToDraft(DFE_2017_TENDER),
      source: "notice",
      hints,
    });
    const removed = paneReducer(s, { type: "removeLot", index: 1 });
    expect(removed.draft?.lots.map((l) => l.name)).toEqual(["Barnet", "Reading", "Worcestershire"]);
    expect(removed.sourceHints).toEqual({
      title: "read from: Provision of …",
      "lots[0].statedValue": "read from: £107,520 Barnet",
      "lots[1].statedValue": "read from: £95,040 Reading",
      "lots[1].name": "read from: Reading",
    });
    const back = paneReducer(removed, { type: "undoRemoveLot" });
    expect(back.draft?.lots.map((l) => l.name)).toEqual(s.draft?.lots.map((l) => l.name));
    expect(back.sourceHints).toEqual(hints);
  });

  it("a newly loaded tender must be built again", () => {
    const built = paneReducer(loaded(), { type: "built" });
    const again = paneReducer(built, { type: "loaded", draft: tenderToDraft(DFE_2017_TENDER), source: "y" });
    expect(again.built).toBe(false);
    expect(again.source).toBe("y");
  });
});
