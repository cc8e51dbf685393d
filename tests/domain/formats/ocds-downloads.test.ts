/**
 * OCDS as it is downloaded, read as one tender: JSON arrays of releases or packages (what OCDS
 * tools write), record packages, and values given including VAT. The shapes follow OCDS 1.1
 * (https://standard.open-contracting.org/1.1/en/schema/reference/: the release package's
 * `releases`, the record package's `records` with `compiledRelease` and `releases`, the Value
 * object's `amount`); `amountGross` is the amount including VAT that Find a Tender publishes beside
 * `amount` for procurements under the Procurement Act 2023.
 */
import * as fs from "fs";
import * as path from "path";
import { ocdsToTender } from "../../../src/domain/formats/ocds";
import { readTenderFile } from "../../../src/domain/formats/tender-file";

const FIXTURES = path.resolve(__dirname, "../../fixtures/ocds");
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = (): Json =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, "contracts-finder-single-lot.json"), "utf8"));
const release = (): Json => pkg().releases[0];

function withOcid(rel: Json, ocid: string): Json {
  return { ...rel, ocid, id: `${ocid}-tender-1` };
}

function read(json: unknown) {
  const r = ocdsToTender(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe("a JSON array of releases or packages reads as a release package does", () => {
  test("an array of one process's releases: the latest with a tender, by date", () => {
    const first = release();
    const later: Json = { ...release(), id: "tender-2", date: "2018-01-20T10:00:00Z" };
    later.tender = { ...later.tender, value: { amount: 80000, currency: "GBP" } };
    expect(read([first, later]).value.statedTotal?.pence).toBe(80_000_00);
    expect(read([later, first]).value.statedTotal?.pence).toBe(80_000_00);
    expect(read([first]).value).toEqual(read(pkg()).value);
  });

  test("an array of packages is read through each package's releases", () => {
    expect(read([pkg()]).value).toEqual(read(pkg()).value);
  });

  test("an array of several processes is refused, naming them and the audit that reads them", () => {
    const r = ocdsToTender([withOcid(release(), "ocds-a"), withOcid(release(), "ocds-b")]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      {
        path: "(file)",
        message:
          "the array holds 2 contracting processes (ocids ocds-a, ocds-b); Tender Budget reads one tender at a time: download the notice on its own, or check them all at once with `tender-budget audit FILE`",
      },
    ]);
  });

  test("an empty array says what it needs", () => {
    const r = ocdsToTender([]);
    expect(!r.ok && r.errors[0].message).toBe(
      "the array holds no releases; it needs at least one release with a tender",
    );
  });

  test("the file reader takes an array of releases for OCDS, not for a tender file", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify([release()]));
    const r = await readTenderFile("download.json", bytes);
    expect(r.ok && r.value.read).toBe("ocds");
  });
});

describe("releases of one process with the same date", () => {
  test("the last in the file is read, as the bulk audit merges them, and the note says which", () => {
    const first = release();
    const second: Json = { ...release(), id: "tender-amended" };
    second.tender = { ...second.tender, value: { amount: 80000, currency: "GBP" } };
    const r = read({ ...pkg(), releases: [first, second] });
    expect(r.value.statedTotal?.pence).toBe(80_000_00);
    expect(r.notes).toEqual([
      "releases[0], releases[1] have the same date (2018-01-15T14:02:00Z); the last in the file, releases[1] (id tender-amended), was read.",
    ]);
    // One release a date: no note.
    expect(read(pkg()).notes).toEqual([]);
  });
});

describe("record packages", () => {
  test("one record without a compiled release: its own releases, the latest with a tender", () => {
    const rel = release();
    const json = { records: [{ ocid: rel.ocid, releases: [rel] }] };
    expect(read(json).value).toEqual(read(pkg()).value);
  });

  test("several records of different processes are refused, naming them", () => {
    const json = {
      records: [
        { ocid: "ocds-a", compiledRelease: withOcid(release(), "ocds-a") },
        { ocid: "ocds-b", compiledRelease: withOcid(release(), "ocds-b") },
      ],
    };
    const r = ocdsToTender(json);
    expect(!r.ok && r.errors[0]).toEqual({
      path: "records",
      message:
        "the record package holds 2 contracting processes (ocids ocds-a, ocds-b); Tender Budget reads one tender at a time: download the notice on its own, or check them all at once with `tender-budget audit FILE`",
    });
  });
});

describe("values including VAT (amountGross)", () => {
  function withValue(value: Json): Json {
    const rel = release();
    rel.tender = { ...rel.tender, value: { currency: "GBP", ...value } };
    return rel;
  }

  test("both given and agreeing at 20%: the ex-VAT amount is used, and the note says so", () => {
    const r = read(withValue({ amount: 78000, amountGross: 93600 }));
    expect(r.value.statedTotal?.pence).toBe(78_000_00);
    expect(r.notes).toEqual([
      "tender.value: the tender value is £78,000 ex VAT (amount) and £93,600 including VAT (amountGross), which agree at 20% VAT; £78,000 ex VAT is used.",
    ]);
  });

  test("both given but not agreeing: the ex-VAT amount is used and the note asks for a check", () => {
    const r = read(withValue({ amount: 78000, amountGross: 93000 }));
    expect(r.value.statedTotal?.pence).toBe(78_000_00);
    expect(r.notes[0]).toBe(
      "tender.value: the tender value is £78,000 ex VAT (amount) but £93,000 including VAT (amountGross), not £93,600 at 20% VAT; £78,000 ex VAT is used. Check the VAT rate and the notice.",
    );
  });

  test("only including VAT: the ex-VAT amount at 20%, to the penny, said in the note", () => {
    const r = read(withValue({ amountGross: 93600 }));
    expect(r.value.statedTotal?.pence).toBe(78_000_00);
    expect(r.notes).toEqual([
      "tender.value: only the tender value including VAT is given (amountGross £93,600); £78,000 ex VAT at 20% is used.",
    ]);
    // £100 including VAT is £83.33 ex VAT (83.333… to the nearest penny).
    expect(read(withValue({ amountGross: 100 })).value.statedTotal?.pence).toBe(83_33);
  });

  test("a lot's value including VAT is read the same way", () => {
    const rel = release();
    rel.tender = {
      ...rel.tender,
      items: [],
      lots: [{ id: "1", title: "Reading", value: { amountGross: 60000, currency: "GBP" } }],
    };
    const r = read(rel);
    expect(r.value.lots[0].statedValue).toBe(50_000_00);
    expect(r.notes).toContain(
      'tender.lots[0].value: only the value of lot "Reading" including VAT is given (amountGross £60,000); £50,000 ex VAT at 20% is used.',
    );
  });

  test("the file reader passes the notes on", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(withValue({ amountGross: 93600 })));
    const r = await readTenderFile("notice.json", bytes);
    expect(r.ok && r.value.read === "ocds" && r.value.notes).toEqual([
      "tender.value: only the tender value including VAT is given (amountGross £93,600); £78,000 ex VAT at 20% is used.",
    ]);
  });
});
