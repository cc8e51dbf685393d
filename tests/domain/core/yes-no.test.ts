import { parseYesNo } from "../../../src/domain/core/yes-no";

describe("a yes-or-no answer", () => {
  test.each([["Yes"], ["y"], [" TRUE "], [true]])("%j is yes", (v) => expect(parseYesNo(v)).toBe(true));
  test.each([["No"], ["n"], ["false"], [false]])("%j is no", (v) => expect(parseYesNo(v)).toBe(false));
  test.each([[""], ["  "], [null], [undefined]])("%j is no answer", (v) =>
    expect(parseYesNo(v)).toBeUndefined(),
  );
  test.each([["maybe"], ["yes please"], [1], ["0"]])("%j is neither", (v) =>
    expect(parseYesNo(v)).toBeNull(),
  );
});
