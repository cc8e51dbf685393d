import {
  MAX_TOLERANCE_PERCENT,
  parseTolerance,
  parseToleranceAmount,
  parseTolerancePercent,
} from "../../../src/domain/check/tolerance";
import { readCheckOptions } from "../../../src/cli/options";
import { readTolerance } from "../../../src/taskpane/engine";
import { DEFAULT_OPTIONS } from "../../../src/taskpane/state";

describe("parseTolerancePercent", () => {
  test.each([
    ["0.5", 0.5],
    [".5", 0.5],
    ["0.5%", 0.5],
    [".5 %", 0.5],
    [" 2 ", 2],
    ["", 0],
    ["0", 0],
    ["100", 100],
    [0.25, 0.25],
  ])("%j is %d%%", (text, percent) => {
    expect(parseTolerancePercent(text)).toEqual({ ok: true, value: percent });
  });

  test.each(["100.5", "101", "-1", "half", "1e2", "5.", "%", "0.5%%"])("%j is refused", (text) => {
    const got = parseTolerancePercent(text);
    expect(got.ok).toBe(false);
    if (!got.ok)
      expect(got.error).toMatch(
        /is not a percentage from 0 to 100.*: write 0, or a percentage such as 0\.5$/,
      );
  });

  test("the largest is the whole stated total", () => {
    expect(MAX_TOLERANCE_PERCENT).toBe(100);
    expect(parseTolerancePercent("101")).toEqual({
      ok: false,
      error:
        '"101" is not a percentage from 0 to 100 (a tolerance cannot be more than the stated total): write 0, or a percentage such as 0.5',
    });
  });
});

describe("parseToleranceAmount and parseTolerance", () => {
  test("an amount is money of £0 or more; blank is £0", () => {
    expect(parseToleranceAmount("£500")).toEqual({ ok: true, value: 50_000 });
    expect(parseToleranceAmount("")).toEqual({ ok: true, value: 0 });
    expect(parseToleranceAmount("0")).toEqual({ ok: true, value: 0 });
    expect(parseToleranceAmount("-0.01")).toEqual({
      ok: false,
      error: "the tolerance cannot be negative: write 0, or the difference you accept, such as £500",
    });
    expect(parseToleranceAmount("abc").ok).toBe(false);
  });

  test("one value is a percentage when it ends in %, else money", () => {
    expect(parseTolerance(".5%")).toEqual({ ok: true, value: { absolute: 0, percent: 0.5 } });
    expect(parseTolerance(600)).toEqual({ ok: true, value: { absolute: 60_000, percent: 0 } });
    expect(parseTolerance("£600")).toEqual({ ok: true, value: { absolute: 60_000, percent: 0 } });
    expect(parseTolerance("150%").ok).toBe(false);
  });
});

describe("the pane, the command line and TENDER.RECONCILE read a tolerance alike", () => {
  test.each([".5%", ".5", "0.5", "100", "100.5", "half"])("%j", (text) => {
    const domain = parseTolerancePercent(text);
    const pane = readTolerance({ ...DEFAULT_OPTIONS, toleranceAmount: "", tolerancePercent: text });
    const cli = readCheckOptions({ tolerancePercent: text } as Parameters<typeof readCheckOptions>[0]);
    if (domain.ok) {
      expect(pane.tolerance).toEqual({ absolute: 0, percent: domain.value });
      expect(cli.ok && cli.value.tolerance).toEqual({ absolute: 0, percent: domain.value });
    } else {
      expect(pane.errors.map((e) => e.path)).toEqual(["tolerancePercent"]);
      expect(cli.ok ? [] : cli.errors.map((e) => e.path)).toEqual(["--tolerance-percent"]);
    }
  });
});
