/** "Allocated" is a spending word, but "a total of" beside it still names the tender's stated total. */
import { parseNotice } from "../../../src/domain/notice";

const TEXT =
  "The Department for Education has allocated a total of £346,000 for commissioners in Barnet, " +
  "Kirklees, Reading and Worcestershire. Barnet will receive £107,520, Kirklees £48,960, " +
  "Reading £95,040 and Worcestershire £95,040. The closing date for applications is 31 July 2017.";

const SPENDING_ONLY =
  "The Department for Education has allocated an extra £346,000 to councils in Barnet and Reading. " +
  "Barnet will receive £107,520 and Reading £95,040 for commissioners. The closing date is 31 July 2017.";

describe("a stated total written with a spending word", () => {
  test('"allocated a total of £346,000" stays the stated total', () => {
    const r = parseNotice(TEXT);
    if (!r.ok) throw new Error(r.error);
    expect(r.input.statedTotal).toBe("£346,000");
  });

  test('"allocated an extra £346,000" without "total" is spending, not the stated total', () => {
    const r = parseNotice(SPENDING_ONLY);
    const total = r.ok ? r.input.statedTotal : undefined;
    expect(total).not.toBe("£346,000");
  });
});
