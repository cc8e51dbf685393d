import fc from "fast-check";
import { describeTableText, detectSeparator, parseCsv, toCsv } from "../../../src/domain/tables/csv";

function rows(text: string): string[][] {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`expected CSV to parse: ${JSON.stringify(r.errors)}`);
  return r.value;
}

function errorsOf(text: string): { path: string; message: string }[] {
  const r = parseCsv(text);
  if (r.ok) throw new Error(`expected CSV to fail, got ${JSON.stringify(r.value)}`);
  return r.errors;
}

describe("parseCsv", () => {
  it("reads plain records separated by LF or CRLF", () => {
    expect(rows("Lot,Days\nBarnet,112\nKirklees,51")).toEqual([
      ["Lot", "Days"],
      ["Barnet", "112"],
      ["Kirklees", "51"],
    ]);
    expect(rows("Lot,Days\r\nBarnet,112\r\n")).toEqual([
      ["Lot", "Days"],
      ["Barnet", "112"],
    ]);
  });

  it("accepts one trailing line break but keeps a blank line in the middle as an empty record", () => {
    expect(rows("a,b\n")).toEqual([["a", "b"]]);
    expect(rows("a,b\n\nc,d\n")).toEqual([["a", "b"], [""], ["c", "d"]]);
  });

  it("drops a UTF-8 byte order mark", () => {
    expect(rows("\uFEFFLot,Days\r\nBarnet,112\r\n")[0]).toEqual(["Lot", "Days"]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(rows('"Lot, north","She said ""yes""","two\r\nlines"\r\nx,y,z')).toEqual([
      ["Lot, north", 'She said "yes"', "two\r\nlines"],
      ["x", "y", "z"],
    ]);
    expect(rows('"£107,520",""\n')).toEqual([["£107,520", ""]]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(rows("a,,c,\n")).toEqual([["a", "", "c", ""]]);
    expect(rows(",")).toEqual([["", ""]]);
  });

  it("reads empty text as no records", () => {
    expect(rows("")).toEqual([]);
    expect(rows("\uFEFF")).toEqual([]);
  });

  it("accepts a lone CR as a line break (old Mac files)", () => {
    expect(rows("a,b\rc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("names the line where an unclosed quote opened", () => {
    const [e] = errorsOf('Lot,Days\nBarnet,112\n"Kirklees,51\nReading,99\n');
    expect(e.path).toBe("line 3");
    expect(e.message).toMatch(/never closed/);
  });

  it("counts lines inside quoted fields when naming a later line", () => {
    const [e] = errorsOf('a,"x\ny"\nb,c"d\n');
    expect(e.path).toBe("line 3");
    expect(e.message).toMatch(/double quote appears inside an unquoted field/);
  });

  it("rejects text after a closing quote", () => {
    const [e] = errorsOf('Lot\n"Barnet" council,1\n');
    expect(e.path).toBe("line 2");
    expect(e.message).toMatch(/follows the closing quote/);
  });
});

describe("toCsv", () => {
  it("writes CRLF records and quotes only what needs quoting", () => {
    expect(
      toCsv([
        ["Lot", "Value"],
        ["Barnet", 107520],
        ["Reading, Berks", 'a "b"'],
        [" padded", null],
        [true, undefined],
      ]),
    ).toBe('Lot,Value\r\nBarnet,107520\r\n"Reading, Berks","a ""b"""\r\n" padded",\r\ntrue,\r\n');
  });

  it("round-trips any strings through parseCsv", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", '"', "\r", "\n", "£", "é") });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (table) => {
        // A record of one empty field is written as an empty line, which reads back the same.
        expect(rows(toCsv(table))).toEqual(table);
      }),
    );
  });
});

describe("the separator between cells", () => {
  // Excel puts copied cells on the clipboard as text with a tab between cells and a line break
  // between rows, quoting a cell that holds a tab, a quote or a line break as CSV does
  // ("Copy and paste in Excel", support.microsoft.com; RFC 4180 for the quoting). Excel in a
  // locale whose decimal mark is a comma saves "CSV (Comma delimited)" with semicolons (the
  // Windows "List separator" setting, Region > Additional settings).
  it("reads cells pasted from Excel, tabs between them and amounts with thousands commas unquoted", () => {
    const pasted = "Lot\tInvoice number\tAmount\r\nBarnet\tBAR-001\t£9,600.00\r\n";
    expect(detectSeparator(pasted)).toBe("\t");
    expect(rows(pasted)).toEqual([
      ["Lot", "Invoice number", "Amount"],
      ["Barnet", "BAR-001", "£9,600.00"],
    ]);
  });

  it("reads a cell Excel quoted because it holds a tab or a line break", () => {
    expect(rows('Lot\tNote\nBarnet\t"two\tparts\nand a line"\n')).toEqual([
      ["Lot", "Note"],
      ["Barnet", "two\tparts\nand a line"],
    ]);
  });

  it("reads semicolons, with a decimal comma left inside the cell", () => {
    const text = "Lot;Day rate;Days\nBarnet;960,00;112\n";
    expect(detectSeparator(text)).toBe(";");
    expect(rows(text)).toEqual([
      ["Lot", "Day rate", "Days"],
      ["Barnet", "960,00", "112"],
    ]);
  });

  it("goes by the first line holding any separator, passing over a title line and quoted text", () => {
    expect(detectSeparator('Invoices for DfE 2017\n"Lot, name"\tDays\tAmount\n')).toBe("\t");
    expect(detectSeparator("Lot,Days\nBarnet\t112;3;4;5\n")).toBe(",");
  });

  it("reads commas when the first line has as many of another, or none at all", () => {
    expect(detectSeparator("Lot,Day rate;Days\n")).toBe(",");
    expect(detectSeparator("Lot\tDays,Amount\n")).toBe(",");
    expect(detectSeparator("Lot\nBarnet\n")).toBe(",");
    expect(detectSeparator("")).toBe(",");
  });

  it("keeps to a separator it is given", () => {
    expect(rows("a\tb\tc,d")).toEqual([["a", "b", "c,d"]]);
    const r = parseCsv("a\tb\tc,d", { separator: "," });
    expect(r.ok && r.value).toEqual([["a\tb\tc", "d"]]);
  });

  it("names what was read when a reader finds no header", () => {
    expect(describeTableText([["Lot|Days|Amount"], ["Barnet|112|x"]], ",")).toBe(
      'it was read with commas between cells; its first row is one cell, "Lot|Days|Amount", which holds pipes (|) where cells would be: save the table from Excel as CSV (commas) or paste the cells themselves',
    );
    expect(describeTableText([["Lot Days"]], ",")).toBe(
      'it was read with commas between cells; its first row is one cell, "Lot Days"',
    );
    expect(describeTableText([["Lot|Days;Amount"]], "\t")).toMatch(
      /holds pipes \(\|\) and semicolons \(;\) where/,
    );
    expect(describeTableText([[""], ["a", "b", ""]], "\t")).toBe(
      'it was read with tabs between cells; its first row holds "a" and "b"',
    );
    expect(describeTableText([["1", "2", "3", "4", "5", "6", "7", "8"]], ";")).toBe(
      'it was read with semicolons between cells; its first row holds "1", "2", "3", "4", "5", "6" and 2 more',
    );
  });
});
