import { classifyAmount, findMoney } from "../../../src/domain/notice/amounts";
import { findDays } from "../../../src/domain/notice/days";
import { findBuyer, findTitle } from "../../../src/domain/notice/buyer";
import { findDateLine, findTenderDates } from "../../../src/domain/notice/dates";
import { cleanName, nameBefore, namesAfter } from "../../../src/domain/notice/places";
import { splitSentences } from "../../../src/domain/notice/sentences";

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

function roles(s: string, inNotice = true): [string, string, string[]][] {
  return findMoney(s).map((m) => {
    const c = classifyAmount(s, m, inNotice);
    return [c.written, c.role, c.names];
  });
}

describe("sentences", () => {
  test("abbreviations, initials and decimal points do not end a sentence", () => {
    expect(
      sentences(
        "Mr. Smith said the £1.2m contract starts on 1 Sept. 2017. It ends in St. Helens. J. Bloggs agreed!",
      ),
    ).toEqual([
      "Mr. Smith said the £1.2m contract starts on 1 Sept. 2017.",
      "It ends in St. Helens.",
      "J. Bloggs agreed!",
    ]);
  });

  test("every month's short form with a full stop is an abbreviation, March's too", () => {
    expect(sentences("Bids close on 31 Mar. 2018 at noon. Work starts on 3 Apr. 2018.")).toEqual([
      "Bids close on 31 Mar. 2018 at noon.",
      "Work starts on 3 Apr. 2018.",
    ]);
    expect(sentences("The lot runs to 31 Jan. 2019, or to 28 Feb. 2019. Then it ends.")).toEqual([
      "The lot runs to 31 Jan. 2019, or to 28 Feb. 2019.",
      "Then it ends.",
    ]);
  });

  test("short lines and labels are sentences of their own; hard-wrapped prose is joined", () => {
    const text =
      "Closing date: 31 July\nValue: £5,000\nA line that is long enough to be a hard wrapped line of prose and\ncontinues here. Next one?\n\n- a bullet\n";
    expect(sentences(text)).toEqual([
      "Closing date: 31 July",
      "Value: £5,000",
      "A line that is long enough to be a hard wrapped line of prose and continues here.",
      "Next one?",
      "- a bullet",
    ]);
  });

  test("Windows and old Mac line endings", () => {
    expect(sentences("Title one\r\nSecond line\rThird")).toEqual(["Title one", "Second line", "Third"]);
  });
});

describe("places", () => {
  test("names after 'in', 'for', 'in both', 'each for'", () => {
    expect(namesAfter("£1 in Newcastle upon Tyne and Stockton-on-Tees, then", 2)?.names).toEqual([
      "Newcastle upon Tyne",
      "Stockton-on-Tees",
    ]);
    expect(namesAfter("£1 for the London Borough of Barnet.", 2)).toEqual({
      names: ["Barnet"],
      each: true,
      end: 35,
    });
    expect(namesAfter("£1 in both Reading and Worcestershire based on", 2)).toEqual({
      names: ["Reading", "Worcestershire"],
      each: true,
      end: 37,
    });
    expect(namesAfter("£1 each for Sutton, Merton and Kingston.", 2)?.names).toEqual([
      "Sutton",
      "Merton",
      "Kingston",
    ]);
    expect(namesAfter("£1 for Lot 3", 2)?.names).toEqual(["Lot 3"]);
  });

  test("authorities with 'and' in their names are not split", () => {
    expect(namesAfter("£1 in Brighton and Hove and Telford and Wrekin", 2)?.names).toEqual([
      "Brighton and Hove",
      "Telford and Wrekin",
    ]);
  });

  test("council suffixes and prefixes are dropped", () => {
    expect(namesAfter("£1 for St Helens Council", 2)?.names).toEqual(["St Helens"]);
    expect(namesAfter("£1 for St. Helens and St Albans.", 2)?.names).toEqual(["St. Helens", "St Albans"]);
    expect(namesAfter("£1 in Kingston upon Hull City Council's area", 2)?.names).toEqual([
      "Kingston upon Hull",
    ]);
    expect(cleanName("Sandwell Metropolitan Borough Council")).toBe("Sandwell");
    expect(cleanName("Royal Borough of Greenwich")).toBe("Greenwich");
  });

  test("months, lowercase words and totals are not names", () => {
    expect(namesAfter("£1 in January", 2)).toBeNull();
    expect(namesAfter("£1 in total", 2)).toBeNull();
    expect(namesAfter("£1 for the contracts", 2)).toBeNull();
  });

  test("a name before a bracket, colon or dash", () => {
    expect(nameBefore("Commissioners for Croydon (£402,500)", 27)).toEqual({ name: "Croydon", start: 18 });
    expect(nameBefore("Lot 1 – Barnet: £107,520", 16)?.name).toBe("Barnet");
    expect(nameBefore("Value: £5", 7)).toBeNull();
    expect(nameBefore("costs of £5", 9)).toBeNull();
    // Without a separator, only a name that opens the line counts.
    expect(nameBefore("Barnet £107,520", 7)?.name).toBe("Barnet");
    expect(nameBefore("In Barnet £107,520", 10)).toBeNull();
    // A lot number counts only after "Lot".
    expect(nameBefore("Lot 1 (£107,520)", 7)?.name).toBe("Lot 1");
    expect(nameBefore("Phase 2 (£40,000)", 9)).toBeNull();
    expect(nameBefore("For 2 (£40,000)", 7)).toBeNull();
    // A word that closes a clause is not part of the name.
    expect(nameBefore("It went to Kirklees, (£5)", 22)).toBeNull();
  });
});

describe("amounts", () => {
  test("figures as written and as the tender file takes them", () => {
    const found = findMoney("£107,520, £1.2 million, £346k, GBP 40,000, 12,000 pounds, £5.10 and £0");
    expect(found.map((m) => [m.written, m.normalised, m.amount.pence, m.amount.precision])).toEqual([
      ["£107,520", "£107,520", 10_752_000, 1_000],
      ["£1.2 million", "£1.2m", 120_000_000, 10_000_000],
      ["£346k", "£346k", 34_600_000, 100_000],
      ["GBP 40,000", "£40,000", 4_000_000, 1_000_000],
      ["12,000 pounds", "£12,000", 1_200_000, 100_000],
      ["£5.10", "£5.10", 510, 1],
    ]);
  });

  test("day rates, other rates, totals, lots, spending", () => {
    expect(roles("Commissioners will be paid £900 per day.")).toEqual([["£900", "dayRate", []]]);
    expect(roles("Fees up to £900/day for the contract")).toEqual([["£900", "dayRate", []]]);
    expect(roles("a day rate of £720")).toEqual([["£720", "dayRate", []]]);
    expect(roles("Rates from £15 per hour.")).toEqual([["£15", "otherRate", []]]);
    expect(roles("From £12 / month")).toEqual([["£12", "otherRate", []]]);
    expect(roles("The budget is £5,000.")).toEqual([["£5,000", "total", []]]);
    expect(roles("The £1.2m framework")).toEqual([["£1.2m", "total", []]]);
    expect(roles("a maximum contract value of £50,000 (excluding VAT)")).toEqual([["£50,000", "total", []]]);
    expect(roles("The contract is worth £212,400 in total: £70,800 for Norfolk.")).toEqual([
      ["£212,400", "total", []],
      ["£70,800", "lot", ["Norfolk"]],
    ]);
    expect(
      roles("We have allocated an extra £5.1m into improving children's social care in Worcestershire."),
    ).toEqual([["£5.1m", "spending", []]]);
    expect(roles("Savings of £3.4m will come from the contract.")).toEqual([["£3.4m", "spending", []]]);
  });

  test("an amount tied to a place counts outside a notice only when its sentence speaks of a contract", () => {
    expect(roles("The work is split as £481,000 for Lancashire.", false)).toEqual([
      ["£481,000", "spending", []],
    ]);
    expect(roles("The work is split as £481,000 for Lancashire.", true)).toEqual([
      ["£481,000", "lot", ["Lancashire"]],
    ]);
    expect(roles("The contract is split as £481,000 for Lancashire.", false)).toEqual([
      ["£481,000", "lot", ["Lancashire"]],
    ]);
  });

  test("days of work, not days of notice", () => {
    const days = (s: string): [number, string[], number][] =>
      findDays(s).map((d) => [d.days, d.names, d.confidence]);
    expect(days("The contract is for 30 days' work within 10 days of award")).toEqual([[30, [], 0.85]]);
    expect(days("5 days a week for 20 days of work")).toEqual([[20, [], 0.85]]);
    expect(days("Barnet (112 days), Kirklees (51 days)")).toEqual([
      [112, ["Barnet"], 0.85],
      [51, ["Kirklees"], 0.85],
    ]);
    expect(days("forty-five days of commissioner time for the contract")).toEqual([[45, [], 0.6]]);
    expect(days("within 30 days of the contract")).toEqual([]);
    expect(days("She gave 30 days notice to the contract team")).toEqual([]);
  });
});

describe("dates", () => {
  test("the article's date line, in either order of day and month", () => {
    expect(findDateLine("Headline\n\nBy Neil Puffett\n\n| 26 July 2017\n\nBody.")).toEqual({
      date: "2017-07-26",
      line: "| 26 July 2017",
    });
    expect(findDateLine("Headline\nJoe Lepper\nTuesday, September 19, 2017\n")?.date).toBe("2017-09-19");
    // A closing date is not a date line.
    expect(findDateLine("Headline\nClosing date: 31 July 2017\n")).toBeNull();
  });

  test("'from 11 June' is the 11th, not eleven o'clock on the 1st", () => {
    const s = splitSentences(
      "Applications must be received by 25 May, with contracts due to commence from 11 June.",
    );
    const { dates } = findTenderDates(s, { date: "2018-05-03", source: "test", fromDateLine: true });
    expect(dates.map((d) => [d.role, d.date])).toEqual([
      ["closingDate", "2018-05-25"],
      ["startDate", "2018-06-11"],
    ]);
  });

  test("dates with no tender cue are not taken; day-first numeric dates", () => {
    const s = splitSentences(
      "She was asked to prepare a report by 31 March 2017. Bids must be submitted by 5pm on 3/4/2018.",
    );
    const { dates } = findTenderDates(s, null);
    expect(dates.map((d) => [d.role, d.date, d.yearStated])).toEqual([["closingDate", "2018-04-03", true]]);
  });

  test("'available from' opens the documents, not the work", () => {
    const s = splitSentences(
      "Tender documents are available from 3 July 2017. The commissioner will be in post from 31 August 2017.",
    );
    const { dates } = findTenderDates(s, null);
    expect(dates.map((d) => [d.role, d.date])).toEqual([["startDate", "2017-08-31"]]);
  });

  test("a range takes its year from its end; an end without a year follows its start", () => {
    const ref = { date: "2017-07-26", source: "test", fromDateLine: true };
    const a = findTenderDates(splitSentences("The contract runs from 1 September to 30 November 2017."), ref);
    expect(a.dates.map((d) => [d.role, d.date])).toEqual([
      ["startDate", "2017-09-01"],
      ["endDate", "2017-11-30"],
    ]);
    const b = findTenderDates(
      splitSentences("The work will start on 1 November and end on 31 January."),
      ref,
    );
    expect(b.dates.map((d) => [d.role, d.date])).toEqual([
      ["startDate", "2017-11-01"],
      ["endDate", "2018-01-31"],
    ]);
  });

  test("29 February with its year is read; without one it is not read at all rather than moved", () => {
    const ref = { date: "2017-07-26", source: "test", fromDateLine: true };
    expect(
      findTenderDates(splitSentences("Applications close on 29 February 2020."), ref).dates[0].date,
    ).toBe("2020-02-29");
    expect(findTenderDates(splitSentences("Applications close on 29 February."), ref).dates).toEqual([]);
  });

  test("a year-less date with no reference is reported, not guessed", () => {
    const { dates, undated } = findTenderDates(splitSentences("The deadline is 31 July."), null);
    expect(dates).toEqual([]);
    expect(undated).toEqual([
      { role: "closingDate", written: "31 July", sentence: "The deadline is 31 July." },
    ]);
  });
});

describe("buyer and title", () => {
  test("the organisation doing the buying, with its acronym spelt out", () => {
    expect(findBuyer(splitSentences("The DfE is seeking commissioners for two councils."))?.value).toBe(
      "Department for Education",
    );
    expect(findBuyer(splitSentences("Sandwell Council is looking to appoint an adviser."))?.value).toBe(
      "Sandwell Council",
    );
    expect(
      findBuyer(
        splitSentences("The Department of Health and Social Care will appoint a panel. It meets in May."),
      ),
    ).toMatchObject({ value: "Department of Health and Social Care", confidence: 0.85 });
  });

  test("a labelled buyer wins; an organisation only named is a weak guess", () => {
    expect(
      findBuyer(splitSentences("Authority: Cabinet Office\nThe DfE is seeking advisers.")),
    ).toMatchObject({
      value: "Cabinet Office",
      confidence: 0.95,
    });
    expect(findBuyer(splitSentences("Advisers are needed. The Home Office said so."))).toMatchObject({
      value: "Home Office",
      confidence: 0.5,
    });
    expect(findBuyer(splitSentences("Nothing here."))).toBeNull();
  });

  test("the headline is the first non-empty line; a paragraph is not a headline", () => {
    const text = "\n\n  Commissioners for four councils  \n\nBody text.";
    expect(findTitle(text, splitSentences(text))).toEqual({
      value: "Commissioners for four councils",
      sentence: "Commissioners for four councils",
      confidence: 0.7,
    });
    const form = "Buyer: Home Office\nReference: HO-1\nCase review support\nValue: £5,000";
    expect(findTitle(form, splitSentences(form))?.value).toBe("Case review support");
    // A headline with a colon of its own is still the headline.
    const colon = "Croydon and Sutton: advisers\n\nBody.";
    expect(findTitle(colon, splitSentences(colon))?.value).toBe("Croydon and Sutton: advisers");
    const long = "word ".repeat(60);
    expect(findTitle(long, splitSentences(long))?.confidence).toBe(0.3);
  });
});
