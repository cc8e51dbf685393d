import * as fs from "fs";
import { parseNotice } from "../../../src/domain/notice";
import { parseTender } from "../../../src/domain/check/tender";
import { expectedReadings, NOTICES_DIR as DIR, noticeText as notice, reading } from "../../support/notices";

/** What each notice in other wordings must give, field for field (tests/fixtures/notices/readings.json). */
const EXPECTED = expectedReadings();

describe("notices in other wordings", () => {
  test("at least ten notices are written and each is covered here or below", () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const coveredBelow = ["10-scotland-no-year.txt", "11-council-budget-not-a-tender.txt"];
    expect([...Object.keys(EXPECTED), ...coveredBelow].sort()).toEqual(files.sort());
  });

  test.each(Object.keys(EXPECTED))("%s gives the tender field for field", (file) => {
    const r = reading(parseNotice(notice(file)));
    expect(r.input).toEqual(EXPECTED[file]);
    // The engine reads every one of them unchanged.
    const t = parseTender(r.input);
    expect(t.ok ? [] : t.errors).toEqual([]);
  });

  test.each(Object.keys(EXPECTED))("%s: each field read carries its sentence from the text", (file) => {
    const text = notice(file).replace(/\s+/g, " ");
    const r = reading(parseNotice(notice(file)));
    for (const [field, source] of Object.entries(r.fields)) {
      expect({ field, inText: text.includes(source!.sentence) }).toEqual({ field, inText: true });
      expect(source!.confidence).toBeGreaterThan(0);
      expect(source!.confidence).toBeLessThanOrEqual(1);
    }
    expect(r.lots).toHaveLength(r.input.lots.length);
    r.lots.forEach((lot, i) => {
      expect(lot.name.value).toBe(r.input.lots[i].name);
      if (lot.statedValue) expect(lot.statedValue.value).toBe(r.input.lots[i].statedValue);
      if (lot.days) expect(lot.days.value).toBe(r.input.lots[i].days);
    });
  });
});

describe("phrase families", () => {
  test("'at £850 a day' and days in brackets tie the days to each council", () => {
    const r = reading(parseNotice(notice("07-days-in-brackets.txt")));
    expect(r.lots[0].days?.sentence).toContain("Slough (40 days)");
    expect(r.lots[1].days?.value).toBe(30);
    expect(r.fields.dayRate?.value).toBe("£850");
  });

  test("'for up to 120 days' with a single council gives that council's days", () => {
    const r = reading(parseNotice(notice("01-sandwell-lone-amount.txt")));
    expect(r.lots[0].days?.sentence).toBe("The contract is worth £86,400, at £720 a day for up to 120 days.");
    expect(r.notes[0]).toBe(
      "The text names one place, Sandwell, and ties no amount to it, so the tender was read as one lot for Sandwell.",
    );
  });

  test("a bare '40 days' is read with a lower confidence than 'for up to 40 days'", () => {
    const bare = reading(parseNotice(notice("08-torbay-rate-and-days.txt")));
    const cued = reading(parseNotice(notice("04-date-order.txt")));
    expect(bare.lots[0].days?.value).toBe(40);
    expect(cued.lots[0].days?.value).toBe(40);
    expect(bare.lots[0].days!.confidence).toBeLessThan(cued.lots[0].days!.confidence);
  });

  test("'£70,800 each in Peterborough and Cambridgeshire' is one amount for each", () => {
    const r = reading(parseNotice(notice("12-each-in-three-councils.txt")));
    expect(r.notes.some((n) => /together/.test(n))).toBe(false);
    expect(r.lots.map((l) => l.statedValue?.confidence)).toEqual([0.9, 0.9, 0.9]);
  });

  test("'in both' in other wording: one amount, two lots, fully sure", () => {
    const r = reading(
      parseNotice(
        "Safeguarding reviews\n\nThe tender sets £30,000 for Halton Borough Council and £60,000 in both Knowsley and St Helens.",
      ),
    );
    expect(r.input.lots).toEqual([
      { name: "Halton", statedValue: "£30,000" },
      { name: "Knowsley", statedValue: "£60,000" },
      { name: "St Helens", statedValue: "£60,000" },
    ]);
    expect(r.lots.map((l) => l.statedValue?.confidence)).toEqual([0.9, 0.9, 0.9]);
    expect(r.notes.some((n) => /together/.test(n))).toBe(false);
  });

  test("'£X in A and B' without 'both' or 'each' is read as each, with a note and a lower confidence", () => {
    const r = reading(
      parseNotice(
        "Advisers for two councils\n\nThe DfE tender is worth £100,000 in total, £50,000 in Halton and Wirral.",
      ),
    );
    expect(r.input.lots).toEqual([
      { name: "Halton", statedValue: "£50,000" },
      { name: "Wirral", statedValue: "£50,000" },
    ]);
    expect(r.lots[0].statedValue?.confidence).toBe(0.5);
    expect(r.notes[0]).toMatch(
      /^£50,000 is given for Halton and Wirral together; it was read as £50,000 for each/,
    );
  });

  test("a year left out rolls on past the article's date line", () => {
    const r = reading(parseNotice(notice("05-set-aside-year-roll.txt")));
    expect(r.input.closingDate).toBe("2019-01-04");
    expect(r.notes).toContain(
      "The closing date “on 4 January” has no year; 2019 was taken from the date line “By Staff Reporter | 12 December 2018”.",
    );
  });

  test("'take up their posts from' is a start date and 'The deadline for bids is' a closing date", () => {
    const r = reading(parseNotice(notice("03-rounded-total.txt")));
    expect(r.fields.startDate?.value).toBe("2019-08-01");
    expect(r.fields.closingDate?.sentence).toBe(
      "The deadline for bids is 1 July 2019; advisers will take up their posts from 1 August 2019.",
    );
    expect(r.fields.closingDate?.confidence).toBe(0.9);
  });

  test("labelled fields: Buyer, Title, Estimated value, Lot lines, Day rate, Deadline, start and end", () => {
    const r = reading(parseNotice(notice("06-label-form.txt")));
    expect(r.fields.buyer).toEqual({
      value: "Ministry of Justice",
      sentence: "Buyer: Ministry of Justice",
      confidence: 0.95,
    });
    expect(r.fields.title?.sentence).toBe("Title: Leadership coaching for prison governors");
    expect(r.fields.endDate?.sentence).toBe("Contract end: 31 March 2022");
    expect(r.lots[1].statedValue?.sentence).toBe("Lot 2 – South: £107,100");
  });

  test("a hard-wrapped email: 15/01/2024 is 15 January (day first), and 'runs from … until' gives start and end", () => {
    const r = reading(parseNotice(notice("09-hard-wrapped-email.txt")));
    expect(r.fields.closingDate?.value).toBe("2024-01-15");
    expect(r.fields.startDate?.sentence).toBe(
      "The deadline for responses is 9am on 15/01/2024 and the contract runs from 1 March 2024 until 28 February 2027.",
    );
  });

  test("'Lot 1 (£107,520): Barnet' names the lot after the place; 'respectively' gives days lot by lot", () => {
    const r = reading(parseNotice(notice("13-contracts-finder-form.txt")));
    expect(r.lots[0].name).toEqual({
      value: "Barnet",
      sentence: "Lot 1 (£107,520): Barnet",
      confidence: 0.85,
    });
    expect(r.lots.map((l) => l.days?.confidence)).toEqual([0.75, 0.75, 0.75, 0.75]);
    expect(r.fields.statedTotal?.sentence).toBe("Value of contract: £346,000");
    expect(r.fields.closingDate?.sentence).toBe("Closing: 31 July 2017, 12pm");
  });

  test("days given 'respectively' for a different number of lots are left out, with a note", () => {
    const r = reading(
      parseNotice(
        "Two lots\n\nThe contract is worth £20,000 for Leeds and £10,000 for York, for 20, 10 and 5 days respectively.",
      ),
    );
    expect(r.input.lots).toEqual([
      { name: "Leeds", statedValue: "£20,000" },
      { name: "York", statedValue: "£10,000" },
    ]);
    expect(r.notes[0]).toMatch(/^The days 20, 10, 5 are given “respectively” but there are 2 lots/);
  });

  test("a range of values is not taken as the stated total, and says so", () => {
    const r = reading(
      parseNotice(
        "Coaching\n\nThe contract value is between £50,000 and £60,000, £720 a day for Leeds Council.",
      ),
    );
    expect(r.input.statedTotal).toBeUndefined();
    expect(r.missing).toContain("no stated total found");
    expect(r.notes.slice(0, 2)).toEqual([
      "£50,000 was not read as a tender amount (one end of a range of values): “The contract value is between £50,000 and £60,000, £720 a day for Leeds Council.”.",
      "£60,000 was not read as a tender amount (one end of a range of values): “The contract value is between £50,000 and £60,000, £720 a day for Leeds Council.”.",
    ]);
    expect(r.input.lots).toEqual([{ name: "Leeds", dayRate: "£720" }]);
    expect(r.missing).toContain("no days found for Leeds");
  });

  test("an amount with its place in brackets after it", () => {
    const r = reading(
      parseNotice("Lots\n\nThe tender has two lots: £107,520 (Barnet) and £48,960 (Kirklees)."),
    );
    expect(r.input.lots).toEqual([
      { name: "Barnet", statedValue: "£107,520" },
      { name: "Kirklees", statedValue: "£48,960" },
    ]);
  });

  test("an email: headers are not the title, the subject is; a London borough is the buyer", () => {
    const text =
      "From: procurement@example.org\nSent: 3 March 2021\nSubject: RE: Interim adviser for Barnet\n\n" +
      "The London Borough of Barnet is seeking an interim adviser at £800 a day for 30 days.";
    const r = reading(parseNotice(text));
    expect(r.fields.title).toEqual({
      value: "Interim adviser for Barnet",
      sentence: "Subject: RE: Interim adviser for Barnet",
      confidence: 0.8,
    });
    expect(r.input.buyer).toBe("London Borough of Barnet");
    expect(r.input.lots).toEqual([{ name: "Barnet", days: 30 }]);
    expect(r.input.dayRate).toBe("£800");
  });

  test("the previous contract's value is not the stated total; the plainly stated one is", () => {
    const r = reading(parseNotice(notice("14-previous-contract.txt")));
    expect(r.fields.statedTotal?.sentence).toMatch(/^A total of £39,000 has been set aside/);
    expect(r.notes[0]).toBe(
      "Another total, £60,000, was left out; £39,000 was kept (“The previous contract was worth £60,000.”).",
    );
  });

  test("a lone amount for the one council named, even at the start of a sentence", () => {
    const r = reading(
      parseNotice(
        "Adviser\n\nIn Kirklees Council the DfE will appoint an adviser. The contract is worth £24,000.",
      ),
    );
    expect(r.input.lots).toEqual([{ name: "Kirklees", statedValue: "£24,000" }]);
    expect(r.lots[0].name).toEqual({
      value: "Kirklees",
      sentence: "In Kirklees Council the DfE will appoint an adviser.",
      confidence: 0.6,
    });
  });

  test("a lone amount for the one place a headline names", () => {
    const r = reading(
      parseNotice("Commissioner sought for Rotherham\n\nThe DfE contract is worth £48,000 at £800 a day."),
    );
    expect(r.input.lots).toEqual([{ name: "Rotherham", statedValue: "£48,000" }]);
    expect(r.lots[0].name.sentence).toBe("Commissioner sought for Rotherham");
  });

  test("two councils named and no amount tied to either: one 'Whole contract' lot, not a guess", () => {
    const r = reading(
      parseNotice(
        "Advisers\n\nLeeds City Council and York Council seek advisers. The contract is worth £24,000.",
      ),
    );
    expect(r.input.lots).toEqual([{ name: "Whole contract", statedValue: "£24,000" }]);
  });

  test("amounts including VAT and a Northern Ireland buyer are flagged", () => {
    const r = reading(
      parseNotice(
        "Review\n\nThe Department of Health in Northern Ireland seeks a reviewer for Belfast. The contract is worth £60,000 including VAT.",
      ),
    );
    expect(r.input.region).toBe("GB-NIR");
    expect(r.fields.region?.confidence).toBe(0.6);
    expect(r.notes).toContain(
      "The text gives amounts including VAT; the tender treats figures as ex-VAT. Check “The contract is worth £60,000 including VAT.”.",
    );
  });

  test("a report's deadline is not the closing date for bids", () => {
    const r = reading(
      parseNotice(
        "Commissioner for Rotherham\n\nThe commissioner must submit a report by 31 December 2017. " +
          "The contract is worth £48,000. Bids must be received by 15 September 2017.",
      ),
    );
    expect(r.input.closingDate).toBe("2017-09-15");
    expect(r.notes).toContain(
      "Another closing date, 2017-12-31, was left out; 2017-09-15 was kept (“The commissioner must submit a report by 31 December 2017.”).",
    );
  });

  describe("no date line and no year", () => {
    const text = notice("10-scotland-no-year.txt");

    test("without a reference date, the dates are missing and say why", () => {
      const r = reading(parseNotice(text));
      expect(r.input.closingDate).toBeUndefined();
      expect(r.input.startDate).toBeUndefined();
      expect(r.missing).toEqual([
        "no stated total found",
        "no closing date found: “14 August” has no year and the text has no date line; give the year",
        "no start date found: “1 September” has no year and the text has no date line; give the year",
        "no end date found",
      ]);
      expect(r.input.region).toBe("GB-SCT");
      expect(r.input.buyer).toBe("Scottish Government");
      expect(r.input.lots).toEqual([{ name: "Fife", dayRate: "£700", days: 60 }]);
    });

    test("with a reference date, the year comes from it", () => {
      const r = reading(parseNotice(text, { referenceDate: "2023-08-01" }));
      expect(r.input.closingDate).toBe("2023-08-14");
      expect(r.input.startDate).toBe("2023-09-01");
      expect(r.fields.closingDate?.confidence).toBe(0.65);
    });

    test("a closing date that would fall before the reference date rolls to the next year", () => {
      const r = reading(parseNotice(text, { referenceDate: "2023-08-20" }));
      expect(r.input.closingDate).toBe("2024-08-14");
      expect(r.input.startDate).toBe("2024-09-01");
    });

    test("a date without a year that falls on the reference date itself keeps the reference year", () => {
      // The closing date is the reference day: it is not yet past, so it does not roll to 2024.
      const r = reading(parseNotice(text, { referenceDate: "2023-08-14" }));
      expect(r.input.closingDate).toBe("2023-08-14");
      expect(r.input.startDate).toBe("2023-09-01");
    });

    test("a reference date that is not a date is ignored, with a note", () => {
      const r = reading(parseNotice(text, { referenceDate: "2023-02-30" }));
      expect(r.input.closingDate).toBeUndefined();
      expect(r.notes).toContain("The reference date 2023-02-30 is not a YYYY-MM-DD date and was ignored.");
    });
  });

  test("council spending and council tax are not a tender", () => {
    const r = parseNotice(notice("11-council-budget-not-a-tender.txt"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe("No tender amounts found in the text.");
    expect(r.notes.map((n) => n.split(" ")[0])).toEqual(["£2m", "£45", "£3.4m"]);
  });

  test("empty text and text without money", () => {
    expect(parseNotice("")).toEqual({ ok: false, error: "No tender amounts found in the text.", notes: [] });
    expect(parseNotice("The closing date for applications is 31 July 2017.").ok).toBe(false);
  });

  test("a money figure with no cue and nothing else becomes the stated total, with a note", () => {
    const r = reading(parseNotice("Coaching contract\n\nThe contract for Dorset needs £45,000 of coaching."));
    expect(r.input.statedTotal).toBe("£45,000");
    expect(r.fields.statedTotal?.confidence).toBe(0.5);
    expect(r.notes[0]).toMatch(/^£45,000 is the only tender amount without a cue/);
  });

  test("a tender with no place gives one lot called 'Whole contract', and says so", () => {
    const r = reading(parseNotice("Data review\n\nThe contract is worth £30,000 in total at £600 a day."));
    expect(r.input.lots).toEqual([{ name: "Whole contract", statedValue: "£30,000" }]);
    expect(r.lots[0].name.confidence).toBe(0.4);
    expect(r.notes[0]).toMatch(/“Whole contract”; rename or split it/);
    expect(r.input.dayRate).toBe("£600");
  });

  test("'£1.2 million' and 'GBP 40,000' are read like '£1.2m' and '£40,000'", () => {
    const r = reading(
      parseNotice(
        "Advisers\n\nThe tender is worth £1.2 million in total: GBP 40,000 for Halton and £1,160,000 for Wirral.",
      ),
    );
    expect(r.input.statedTotal).toBe("£1.2m");
    expect(r.input.lots.map((l) => l.statedValue)).toEqual(["£40,000", "£1,160,000"]);
  });
});
