import fc from "fast-check";
import { parseNotice } from "../../../src/domain/notice";
import { parseMoney } from "../../../src/domain/core/money";
import { isValidIsoDate } from "../../../src/domain/core/calendar";

/** Pieces of notice wording, so that random text often looks like a tender. */
const PIECES = [
  "£107,520 in Barnet",
  "£95,040 in both Reading and Worcestershire",
  "Croydon (£402,500)",
  "A total of £346,000 has been set aside",
  "worth £212,400 in total",
  "£1.2m",
  "a day rate of £720",
  "at £850 a day",
  "for up to 60 days",
  "40 days",
  "The closing date for applications is 31 July",
  "Bids must be submitted by 3/4/2018",
  "applications close on 29 February",
  "deadline",
  "contracts due to commence from 31 August",
  "will start on 1 September 2019",
  "runs from 1 March to 28 February",
  "take up their posts from 11 June",
  "| 26 July 2017",
  "Department for Education",
  "DfE",
  "Lot 2: £40,000",
  "Buyer:",
  "Title:",
  "£",
  "GBP 0",
  "£0",
  "£99999999999999999999",
  "(",
  ")",
  ":",
  ",",
  ".",
  "\n",
  "\n\n",
  " and ",
  " in ",
  " for ",
  "each",
];

const noticeLike = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 30 })
  .map((parts) => parts.join(" "));

const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  noticeLike,
);

describe("parseNotice on arbitrary text", () => {
  test("never throws, and every result is well formed", () => {
    fc.assert(
      fc.property(
        anyText,
        fc.option(fc.constantFrom("2017-07-26", "2024-12-31", "not a date")),
        (text, ref) => {
          const r = parseNotice(text, ref === null ? {} : { referenceDate: ref });
          if (!r.ok) {
            expect(typeof r.error).toBe("string");
            expect(r.error.length).toBeGreaterThan(0);
            return;
          }
          const { input } = r;
          expect(input.lots.length).toBeGreaterThan(0);
          expect(r.lots).toHaveLength(input.lots.length);
          const names = input.lots.map((l) => l.name.toLowerCase());
          expect(new Set(names).size).toBe(names.length);
          for (const money of [
            input.statedTotal,
            input.dayRate,
            ...input.lots.flatMap((l) => [l.statedValue, l.dayRate]),
          ]) {
            if (money === undefined) continue;
            const parsed = parseMoney(money);
            expect(parsed.ok && parsed.value.pence > 0).toBe(true);
          }
          for (const date of [input.closingDate, input.startDate, input.endDate]) {
            if (date !== undefined) expect(isValidIsoDate(date)).toBe(true);
          }
          for (const source of Object.values(r.fields)) {
            expect(source!.confidence).toBeGreaterThan(0);
            expect(source!.confidence).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test("names that are also JavaScript property names stay text", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const r = parseNotice(`Buyer: ${name}\nTitle: ${name}\nThe contract is worth £5,000 for ${name} Lot.`);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.input.buyer).toBe(name);
      expect(r.input.title).toBe(name);
      expect(typeof r.input.lots[0].name).toBe("string");
    }
  });

  test("never throws on values that are not text at all", () => {
    for (const value of [undefined, null, 42, {}, [], Symbol.iterator]) {
      expect(parseNotice(value as unknown as string)).toEqual({
        ok: false,
        error: "The notice must be text.",
        notes: [],
      });
    }
  });
});
