import fc from "fast-check";
import {
  asSmallInteger,
  formatMoney,
  gcd,
  groupThousands,
  parseMoney,
  penceToPounds,
  poundsToPence,
  rateTimesDays,
  roundHalfAwayFromZero,
  roundToUnit,
  vatOn,
} from "../../../src/domain/core/money";

function parsed(input: string | number) {
  const r = parseMoney(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${r.error}`);
  return r.value;
}

function rejected(input: string | number): string {
  const r = parseMoney(input);
  if (r.ok)
    throw new Error(`expected ${JSON.stringify(input)} to be rejected, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe("parseMoney", () => {
  it.each([
    ["107520", 10752000, 1000],
    ["£107,520", 10752000, 1000],
    ["£107,520.00", 10752000, 1],
    ["£107,520.5", 10752050, 10],
    ["£346,000", 34600000, 100000],
    ["£1.2m", 120000000, 10000000],
    ["£1.2 million", 120000000, 10000000],
    ["£1.20m", 120000000, 1000000],
    ["£2m", 200000000, 100000000],
    ["£346k", 34600000, 100000],
    ["£1.25k", 125000, 1000],
    ["£0.5bn", 50000000000, 10000000000],
    ["1,000.10", 100010, 1],
    ["  £ 960 ", 96000, 1000],
    ["GBP 960", 96000, 1000],
    ["-£560", -56000, 1000],
    ["£-560.00", -56000, 1],
    ["\u2212£560", -56000, 1000],
    ["0", 0, 100],
    ["1", 100, 100],
  ])("reads %j as %i pence stated to %i pence", (input, pence, precision) => {
    expect(parsed(input)).toEqual({ pence, precision });
  });

  it("reads JSON numbers as pounds, precision from trailing zeros or decimals", () => {
    expect(parsed(346000)).toEqual({ pence: 34600000, precision: 100000 });
    expect(parsed(107520)).toEqual({ pence: 10752000, precision: 1000 });
    expect(parsed(960)).toEqual({ pence: 96000, precision: 1000 });
    expect(parsed(1000.1)).toEqual({ pence: 100010, precision: 10 });
    expect(parsed(0.07)).toEqual({ pence: 7, precision: 1 });
    expect(parsed(-12.5)).toEqual({ pence: -1250, precision: 10 });
  });

  it.each([
    "1.2.3",
    "£",
    "abc",
    "1,00,0",
    "1.234",
    "£12,34",
    "",
    "   ",
    "£1.2x",
    "12 pounds",
    "£1.2345678k",
    "--5",
  ])("rejects %j with a message", (input) => {
    const error = rejected(input);
    expect(error.length).toBeGreaterThan(10);
  });

  it("says what is wrong", () => {
    expect(rejected("1.2.3")).toMatch(/more than one decimal point/);
    expect(rejected("£")).toMatch(/no amount after the £ sign/);
    expect(rejected("abc")).toMatch(/"abc" is not an amount of money/);
    expect(rejected("1,00,0")).toMatch(/commas in the wrong places/);
    expect(rejected("1.234")).toMatch(/more than 2 decimal places/);
    expect(rejected(1.234)).toMatch(/more than 2 decimal places/);
    expect(rejected("£1.2345678k")).toMatch(/fraction of a penny/);
    expect(rejected("£12 quid")).toMatch(/"quid"/);
    expect(rejected("99999999999999999999")).toMatch(/too large/);
    expect(rejected(1e20)).toMatch(/too large/);
    expect(rejected(Number.NaN)).toMatch(/not an amount/);
    expect(rejected(Number.POSITIVE_INFINITY)).toMatch(/not an amount/);
  });
});

describe("asSmallInteger", () => {
  it("gives the same number back, whatever it is", () => {
    for (const n of [0, 1, -1, 24_750_000, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1]) {
      expect(asSmallInteger(n)).toBe(n);
    }
    for (const n of [2.5, -0.5, 1e-9, -0, Number.NaN, Infinity, -Infinity]) expect(asSmallInteger(n)).toBe(n);
    fc.assert(fc.property(fc.double(), (n) => Object.is(asSmallInteger(n), n)));
  });
});

describe("formatMoney", () => {
  it("writes en-GB pounds and pence", () => {
    expect(formatMoney(10752000)).toBe("£107,520.00");
    expect(formatMoney(34656000)).toBe("£346,560.00");
    expect(formatMoney(5)).toBe("£0.05");
    expect(formatMoney(0)).toBe("£0.00");
    expect(formatMoney(123456789012)).toBe("£1,234,567,890.12");
  });
  it("puts the minus before the £ sign and a + sign on request", () => {
    expect(formatMoney(-56000)).toBe("-£560.00");
    expect(formatMoney(56000, { signed: true })).toBe("+£560.00");
    expect(formatMoney(-56000, { signed: true })).toBe("-£560.00");
    expect(formatMoney(0, { signed: true })).toBe("£0.00");
  });
  it("can leave off .00 for whole pounds", () => {
    expect(formatMoney(34656000, { omitZeroPence: true })).toBe("£346,560");
    expect(formatMoney(34656001, { omitZeroPence: true })).toBe("£346,560.01");
  });
  it("groups thousands with commas at every length", () => {
    expect(
      ["0", "7", "12", "123", "1234", "12345", "123456", "1234567"].map((d) => groupThousands(Number(d))),
    ).toEqual(["0", "7", "12", "123", "1,234", "12,345", "123,456", "1,234,567"]);
    expect(groupThousands(9007199254740991)).toBe("9,007,199,254,740,991");
    expect(formatMoney(100000)).toBe("£1,000.00");
    expect(formatMoney(-100000000, { omitZeroPence: true })).toBe("-£1,000,000");
    expect(formatMoney(-0)).toBe("£0.00");
  });
  it("writes what en-GB number formatting writes", () => {
    const en = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (p) => {
        const text = formatMoney(p);
        expect(text).toBe(`${p < 0 ? "-" : ""}£${en.format(Math.abs(p) / 100)}`);
      }),
    );
  });
  it("round-trips through parseMoney", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.boolean(), (p, signed) => {
        const text = formatMoney(p, { signed });
        expect(parsed(text).pence).toBe(p);
        expect(parsed(formatMoney(p, { omitZeroPence: true })).pence).toBe(p);
      }),
    );
  });
});

describe("rounding and arithmetic", () => {
  it("rounds half away from zero like Excel's ROUND", () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(49999.5)).toBe(50000);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAwayFromZero(0.16184971, 2)).toBe(0.16);
    expect(roundHalfAwayFromZero(-0.4)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-0.4), -0)).toBe(false);
  });

  it("multiplies a day rate by days exactly, half days included", () => {
    expect(rateTimesDays(96000, 112)).toBe(10752000);
    expect(rateTimesDays(33333, 1.5)).toBe(50000); // 49999.5p rounds up
    expect(rateTimesDays(-33333, 1.5)).toBe(-50000); // and away from zero when negative
    expect(rateTimesDays(33333, 0.5)).toBe(16667); // 16666.5p
    expect(rateTimesDays(33334, 0.5)).toBe(16667);
    expect(rateTimesDays(10001, 0.1)).toBe(1000); // 1000.1p
    expect(rateTimesDays(96000, 0)).toBe(0);
    expect(() => rateTimesDays(1.5, 2)).toThrow(RangeError);
  });

  it("agrees with exact rational arithmetic for half and quarter days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 40000 }),
        (rate, quarters) => {
          const exact = rate * quarters; // value × 4
          const q = Math.trunc(exact / 4);
          const r = Math.abs(exact - q * 4);
          const expected = r * 2 >= 4 ? q + Math.sign(exact) : q;
          expect(rateTimesDays(rate, quarters / 4)).toBe(expected);
        },
      ),
    );
  });

  it("works out VAT to the penny", () => {
    expect(vatOn(34656000, 20)).toBe(6931200);
    expect(vatOn(1, 20)).toBe(0); // 0.2p
    expect(vatOn(3, 20)).toBe(1); // 0.6p
    expect(vatOn(25, 20)).toBe(5);
    expect(vatOn(1000, 17.5)).toBe(175);
    expect(vatOn(3, 17.5)).toBe(1); // 0.525p
    expect(vatOn(-25, 20)).toBe(-5);
  });

  it("rounds to a stated precision", () => {
    expect(roundToUnit(34656000, 100000)).toBe(34700000);
    expect(roundToUnit(34650000, 100000)).toBe(34700000);
    expect(roundToUnit(34649999, 100000)).toBe(34600000);
    expect(roundToUnit(120250000, 10000000)).toBe(120000000);
    expect(roundToUnit(-34650000, 100000)).toBe(-34700000);
  });

  it("converts pence and pounds at the edges", () => {
    expect(penceToPounds(34656000)).toBe(346560);
    expect(penceToPounds(100010)).toBe(1000.1);
    expect(poundsToPence(1000.1)).toBe(100010);
    expect(poundsToPence(1.005)).toBe(101);
    expect(poundsToPence(-0.005)).toBe(-1);
    expect(poundsToPence(0.1 + 0.2)).toBe(30);
    expect(() => poundsToPence(Number.NaN)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (p) => {
        expect(poundsToPence(penceToPounds(p))).toBe(p);
      }),
    );
  });

  it("reads whole pounds exactly up to the largest safe number of pence", () => {
    expect(poundsToPence(-0)).toBe(0);
    expect(poundsToPence(90071992547409)).toBe(9007199254740900);
    expect(() => poundsToPence(90071992547410)).toThrow(RangeError);
    expect(parseMoney(-0)).toEqual({ ok: true, value: { pence: 0, precision: 100 } });
    expect(parseMoney(346000)).toEqual({ ok: true, value: { pence: 34600000, precision: 100000 } });
    expect(parseMoney(-560)).toEqual({ ok: true, value: { pence: -56000, precision: 1000 } });
    expect(parseMoney(90071992547409).ok).toBe(true);
    expect(parseMoney(90071992547410).ok).toBe(false);
    // A whole number reads as its digits written out do.
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        expect(parseMoney(n)).toEqual(parseMoney(String(n)));
      }),
    );
  });

  it("finds greatest common divisors", () => {
    expect(gcd(10752000, 4896000, 9504000, 9504000)).toBe(96000);
    expect(gcd(12, 18)).toBe(6);
    expect(gcd(-12, 18)).toBe(6);
    expect(gcd(0, 7)).toBe(7);
    expect(gcd()).toBe(0);
    expect(() => gcd(1.5)).toThrow(RangeError);
  });
});

describe("parseMoney on anything", () => {
  it("never throws and always gives whole pence or a message", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[£\-+ 0-9.,kmbn]{0,12}$/), fc.double()),
        (input) => {
          const r = parseMoney(input);
          if (r.ok) {
            expect(Number.isSafeInteger(r.value.pence)).toBe(true);
            expect(r.value.precision).toBeGreaterThan(0);
          } else {
            expect(r.error.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
