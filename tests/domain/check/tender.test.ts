import fc from "fast-check";
import {
  DEFAULT_REGION,
  DEFAULT_VAT_RATE,
  parseIsoDate,
  parseRegion,
  parseTender,
} from "../../../src/domain/check/tender";
import type { InputError } from "../../../src/domain/core/types";
import { DFE_2017_TENDER } from "../../../src/domain/core/examples";
import { DFE_2017 } from "../dfe-2017";

function errorsOf(input: unknown): InputError[] {
  const r = parseTender(input);
  if (r.ok) throw new Error("expected the tender to be rejected");
  return r.errors;
}

function withLot(lot: Record<string, unknown>, index = 2) {
  const lots: unknown[] = DFE_2017.lots.map((l) => ({ ...l }));
  lots[index] = lot;
  return { ...DFE_2017, lots };
}

describe("parseTender", () => {
  it("reads the DfE 2017 tender with defaults", () => {
    const r = parseTender(DFE_2017);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The engine's example in pence (£346,000 stated to the nearest £1,000), region and VAT defaulted.
    expect(r.value).toEqual({ ...DFE_2017_TENDER, title: DFE_2017.title });
    expect(DEFAULT_REGION).toBe("GB-ENG");
    expect(DEFAULT_VAT_RATE).toBe(20);
  });

  it("reads every field, money as numbers or text", () => {
    const r = parseTender({
      title: " T ",
      statedTotal: 1200000,
      dayRate: 960,
      endDate: "2018-03-31",
      region: "Scotland",
      vatRate: "5%",
      lots: [
        {
          name: "A",
          dayRate: "£1,000.50",
          days: 2.5,
          statedValue: null,
          startDate: "2017-09-01",
          endDate: "2017-12-01",
        },
      ],
    });
    expect(r.ok && r.value).toEqual({
      title: "T",
      buyer: "",
      currency: "GBP",
      statedTotal: { pence: 120000000, precision: 10000000 },
      dayRate: 96000,
      endDate: "2018-03-31",
      region: "GB-SCT",
      vatRate: 5,
      lots: [{ name: "A", dayRate: 100050, days: 2.5, startDate: "2017-09-01", endDate: "2017-12-01" }],
    });
  });

  it("does not change its input", () => {
    const input = JSON.parse(JSON.stringify(DFE_2017));
    parseTender(input);
    expect(input).toEqual(DFE_2017);
  });

  it.each([
    [
      withLot({ name: "Reading", dayRate: "1.2.3", days: 5 }),
      "lots[2].dayRate",
      /more than one decimal point/,
    ],
    [withLot({ name: "Reading", days: -3 }), "lots[2].days", /negative/],
    [withLot({ name: "Reading", days: Number.NaN }), "lots[2].days", /number of days/],
    [withLot({ name: "Reading", days: "ten" }), "lots[2].days", /number of days/],
    [withLot({ name: "Reading", days: 1.234 }), "lots[2].days", /2 decimal places/],
    [withLot({ name: "Reading", days: 1e9 }), "lots[2].days", /more than 100,000/],
    [withLot({ name: "Reading", dayRate: 0, days: 5 }), "lots[2].dayRate", /more than £0 \(it is £0\)$/],
    [withLot({ name: "Reading", dayRate: true, days: 5 }), "lots[2].dayRate", /amount in pounds/],
    [
      withLot({ name: "Reading", statedValue: -5 }),
      "lots[2].statedValue",
      /must not be negative \(it is -£5\)$/,
    ],
    [withLot({ name: "Reading", statedValue: "abc" }), "lots[2].statedValue", /not an amount of money/],
    [
      withLot({ name: "Barnet", statedValue: 5 }),
      "lots[2].name",
      /already a lot called "Barnet" \(lots\[0\].name\)/,
    ],
    [withLot({ name: " barnet ", statedValue: 5 }), "lots[2].name", /already a lot called/],
    [withLot({ name: "", statedValue: 5 }), "lots[2].name", /needs a name/],
    [withLot({ statedValue: 5 }), "lots[2].name", /needs a name/],
    [withLot({ name: 7, statedValue: 5 }), "lots[2].name", /must be text/],
    [withLot({ name: "Reading" }), "lots[2]", /neither days nor a stated value/],
    [
      withLot({ name: "Reading", statedValue: 5, startDate: "2019-02-30" }),
      "lots[2].startDate",
      /February 2019 has 28 days/,
    ],
    [withLot({ name: "Reading", statedValue: 5, endDate: "31/08/2017" }), "lots[2].endDate", /YYYY-MM-DD/],
    [
      withLot({ name: "Reading", statedValue: 5, stated_value: 5 }),
      "lots[2].stated_value",
      /not a lot field/,
    ],
    [withLot("Reading" as unknown as Record<string, unknown>), "lots[2]", /must be an object/],
    [{ ...DFE_2017, currency: "EUR" }, "currency", /"EUR" is not a supported currency/],
    [{ ...DFE_2017, statedTotal: "1.2.3" }, "statedTotal", /more than one decimal point/],
    [{ ...DFE_2017, statedTotal: 0 }, "statedTotal", /more than £0/],
    [{ ...DFE_2017, closingDate: "2019-02-30" }, "closingDate", /not a real date/],
    [{ ...DFE_2017, startDate: "2017-13-01" }, "startDate", /months run from 01 to 12/],
    [{ ...DFE_2017, startDate: 20170831 }, "startDate", /YYYY-MM-DD/],
    [{ ...DFE_2017, region: "Wales & Cornwall" }, "region", /not a bank-holiday region/],
    [{ ...DFE_2017, vatRate: 120 }, "vatRate", /from 0 to 100/],
    [{ ...DFE_2017, vatRate: -1 }, "vatRate", /from 0 to 100/],
    [{ ...DFE_2017, vatRate: 0.2 }, "vatRate", /looks like a fraction/],
    [{ ...DFE_2017, vatRate: "twenty" }, "vatRate", /in percent/],
    [{ ...DFE_2017, title: 5 }, "title", /must be text/],
    [{ ...DFE_2017, lots: [] }, "lots", /no lots/],
    [{ ...DFE_2017, lots: {} }, "lots", /must be a list/],
    [{ ...DFE_2017, lots: undefined }, "lots", /needs a list of lots/],
    [{ ...DFE_2017, budget: 5 }, "budget", /not a tender field/],
    [[DFE_2017], "tender", /must be a JSON object/],
    ["tender", "tender", /must be a JSON object/],
  ])("rejects bad input %#, naming %s", (input, path, message) => {
    const errors = errorsOf(input);
    expect(errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("lists every problem at once", () => {
    const errors = errorsOf({ ...withLot({ name: "Reading", days: -1 }), currency: "USD", vatRate: 200 });
    expect(errors.map((e) => e.path)).toEqual(["currency", "vatRate", "lots[2].days"]);
  });

  it("reads regions and dates on their own", () => {
    expect(parseRegion("gb-nir")).toEqual({ ok: true, value: "GB-NIR" });
    expect(parseRegion("England and Wales")).toEqual({ ok: true, value: "GB-ENG" });
    expect(parseRegion("GB-WLS")).toEqual({ ok: true, value: "GB-ENG" });
    expect(parseRegion("NI")).toEqual({ ok: true, value: "GB-NIR" });
    expect(parseRegion("N. Ireland")).toEqual({ ok: true, value: "GB-NIR" });
    // The UK has no one set of bank holidays: it is refused, with the three to choose from.
    expect(parseRegion("UK")).toMatchObject({
      ok: false,
      error: expect.stringContaining('"GB-SCT" (Scotland)'),
    });
    expect(parseRegion("France").ok).toBe(false);
    // A word every object answers to is not a region.
    expect(parseRegion("constructor").ok).toBe(false);
    expect(parseRegion(" Northern   Ireland ")).toEqual({ ok: true, value: "GB-NIR" });
    expect(parseIsoDate("2020-02-29")).toEqual({ ok: true, value: "2020-02-29" });
    expect(parseIsoDate("2019-02-29")).toEqual({
      ok: false,
      error: '"2019-02-29" is not a real date: February 2019 has 28 days',
    });
  });
});

describe("parseTender on anything", () => {
  it("never throws, and either reads a tender or names at least one field", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = parseTender(input);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(e.path.length).toBeGreaterThan(0);
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
      }),
    );
  });

  it("never throws on tenders with odd lot fields", () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ name: value, days: value, dayRate: value, statedValue: value, startDate: value }),
          {
            maxLength: 5,
          },
        ),
        value,
        (lots, statedTotal) => {
          const r = parseTender({ statedTotal, lots });
          expect(typeof r.ok).toBe("boolean");
        },
      ),
    );
  });
});
