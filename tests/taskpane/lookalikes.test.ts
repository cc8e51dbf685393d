import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { tenderToDraft } from "../../src/taskpane/draft";
import { checkDraft } from "../../src/taskpane/engine";
import { letterOMessage } from "../../src/domain/core/money";
import { DEFAULT_OPTIONS } from "../../src/taskpane/state";

describe("the letter O typed for a zero in a money box", () => {
  it("says what it found and what to type, instead of asking for k, m or bn", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.statedTotal = "85O";
    draft.lots[1].statedValue = "£48,96O";
    draft.lots[2].dayRate = "1O,OOO";
    const checked = checkDraft(draft, DEFAULT_OPTIONS);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.byPath.get("statedTotal")).toEqual([
      '"85O" has the letter O where a zero seems meant: type 850',
    ]);
    expect(checked.byPath.get("lots[1].statedValue")).toEqual([
      '"£48,96O" has the letter O where a zero seems meant: type £48,960',
    ]);
    expect(checked.byPath.get("lots[2].dayRate")).toEqual([
      '"1O,OOO" has the letter O where a zero seems meant: type 10,000',
    ]);
  });

  it("leaves other problems as the money reader words them", () => {
    expect(letterOMessage("85x")).toBeUndefined();
    expect(letterOMessage("85k")).toBeUndefined();
    // An O that is not next to a digit, and an amount still wrong with zeroes for the Os.
    expect(letterOMessage("OK")).toBeUndefined();
    expect(letterOMessage("8O5.OOO")).toBeUndefined();
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.statedTotal = "85x";
    const checked = checkDraft(draft, DEFAULT_OPTIONS);
    expect(!checked.ok && checked.byPath.get("statedTotal")?.[0]).toMatch(/use k, m \(or million\) or bn$/);
  });
});
