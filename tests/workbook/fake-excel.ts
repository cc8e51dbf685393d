/**
 * A small Excel for the Office.js host's tests, built from office-addin-mock objects: ranges and sheets
 * are OfficeMockObjects, so reading a property that was not loaded and synced gives the mock's
 * "not loaded" error, as Excel would fail. Writes land in a grid of cells per sheet, every write is
 * logged with its serialised size, and `context.sync` is a method tests can spy on.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- mock methods run with the mock as `this`; they reach the fake through a closure */
import { OfficeMockObject } from "office-addin-mock";
import {
  cellAddress,
  parseAddress,
  quoteSheet,
  rangeAddress,
  surroundingRegion,
  type Rect,
} from "../../src/workbook/a1";
import { structuredRefProblem, type KnownTable } from "../../src/workbook/layout/structured";

/**
 * An error as Excel's JavaScript API gives it (OfficeExtension.Error): a `code` such as
 * "InvalidArgument", a localized `message`, and `debugInfo` naming where it failed.
 */
export function officeError(code: string, message: string): Error & { code: string; debugInfo: object } {
  return Object.assign(new Error(message), {
    code,
    debugInfo: { code, message, errorLocation: "Range.formulas" },
  });
}

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  fill?: { color: string; pattern: "Solid" | "None" };
  bold?: boolean;
}

export interface FakeTable {
  name: string;
  rect: Rect;
  showTotals: boolean;
  style?: string;
}

export interface FakeWrite {
  sheet: string;
  address: string;
  property: string;
  value: unknown;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly tables: FakeTable[] = [];
  readonly validations: { address: string; property: string; value: unknown }[] = [];
  readonly conditionalFormats: { address: string; formula?: string; fill?: string; fontColor?: string }[] =
    [];
  readonly charts: {
    type: string;
    values: string;
    categories?: string;
    title?: string;
    legend?: boolean;
    seriesNames?: string[];
  }[] = [];
  readonly page: {
    printArea?: string;
    orientation?: string;
    zoom?: unknown;
    centerHeader?: string;
    rightHeader?: string;
  } = {};
  mock!: OfficeMockObject & Record<string, unknown>;
  constructor(
    public name: string,
    public position: number,
  ) {}

  cell(address: string): FakeCell | undefined {
    const p = parseAddress(address);
    return p ? this.cells.get(`${p.rect.r0},${p.rect.c0}`) : undefined;
  }

  at(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  edit(r: number, c: number): FakeCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "" };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The used range as Excel gives it: cells with values (or, unless `valuesOnly`, any formatting). */
  usedRect(valuesOnly = true): Rect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      const formatted = cell.numberFormat !== undefined || cell.fill !== undefined || cell.bold !== undefined;
      if (cell.value === "" && cell.formula === undefined && (valuesOnly || !formatted)) continue;
      const [r, c] = k.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }
}

type Mock = OfficeMockObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * An object whose one property `key` can only be set, as an Office.js property the add-in writes;
 * each value set goes to `set`.
 */
function setOnly<K extends string, T>(key: K, set: (value: T) => void): Record<K, T> {
  return Object.defineProperty({} as Record<K, T>, key, { set, enumerable: true });
}

/** Make `props` of `obj` accessors: reads give the current value, writes call `onSet` (outside syncs). */
function watch(
  fake: FakeExcel,
  obj: Mock,
  props: string[],
  onSet: (prop: string, value: unknown) => void,
): void {
  for (const prop of props) {
    let current = obj[prop];
    Object.defineProperty(obj, prop, {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (v) => {
        current = v;
        // The mock's own bookkeeping (load, sync) writes its "not loaded" markers and loaded values.
        if (fake.syncing || (typeof v === "string" && v.startsWith("Error, "))) return;
        onSet(prop, v);
      },
    });
  }
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Days from Excel's day 0 (its 1900 date system, past the phantom 29 February 1900). */
function serial(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  if (new Date(ms).getUTCDate() !== d) return undefined;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What Excel stores when text is written to `values` of a cell not formatted as text: it reads the
 * text as if typed (a subset of Excel's rules, en-GB): a leading apostrophe keeps the rest as text;
 * numbers ("00123", "1,200", "-5"), percentages, TRUE/FALSE and dates ("31/08/2017", "2017-08-31",
 * "Apr 2018", "Sep-18") become numbers, booleans and date serials.
 */
export function typedIntoGeneral(text: string): string | number | boolean {
  if (text.startsWith("'")) return text.slice(1);
  const t = text.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return serial(Number(m[3]), Number(m[2]), Number(m[1])) ?? text;
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1)) ?? text;
  m = /^([a-z]{3})[a-z]*[\s-](\d{2}|\d{4})$/i.exec(t);
  const month = m ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
  if (m && month > 0) return serial(m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]), month, 1) ?? text;
  return text;
}

function size(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names: { name: string; formula: string; visible: boolean; comment?: string }[] = [];
  readonly parts: { id: string; namespace: string; xml: string }[] = [];
  readonly writes: FakeWrite[] = [];
  /** Serialised bytes of the writes and calls queued before each sync. */
  readonly requestBytes: number[] = [];
  readonly calls: string[] = [];
  selection?: { sheet: string; rect: Rect };
  active?: string;
  calculationSuspensions = 0;
  syncing = false;
  private pending = 0;
  private created: Mock[] = [];
  private nextPart = 1;
  readonly context: Mock;

  constructor() {
    const fake = this;
    this.context = new OfficeMockObject({
      workbook: {
        getSelectedRange() {
          if (!fake.selection) throw officeError("ItemNotFound", "nothing is selected");
          return fake.range(fake.selection.sheet, fake.selection.rect);
        },
      },
      application: {
        suspendApiCalculationUntilNextSync() {
          fake.calculationSuspensions++;
        },
      },
      sync: async () => {
        fake.syncing = true;
        for (const m of fake.created) await m.sync();
        await new Promise((r) => setImmediate(r));
        fake.syncing = false;
        fake.requestBytes.push(fake.pending);
        fake.pending = 0;
      },
    }) as Mock;
    const wb = this.context.workbook as Mock;
    wb.worksheets = this.worksheetsCollection();
    wb.names = this.namesCollection();
    const tableItem = (s: FakeSheet, t: FakeTable) => ({
      name: t.name,
      showTotals: t.showTotals,
      worksheet: {
        name: s.name,
        load() {
          return this;
        },
      },
      load() {
        return this;
      },
      getHeaderRowRange: () => fake.range(s.name, { ...t.rect, r1: t.rect.r0 }),
      getRange: () => fake.range(s.name, t.rect),
    });
    wb.tables = {
      load() {
        return this;
      },
      get items() {
        return fake.sheets.flatMap((s) => s.tables.map((t) => tableItem(s, t)));
      },
      getItem(name: string) {
        for (const s of fake.sheets) {
          const t = s.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (t) return tableItem(s, t);
        }
        throw officeError("ItemNotFound", `no table ${name}`);
      },
    };
    wb.customXmlParts = {
      getByNamespace(namespace: string) {
        return {
          load() {
            return this;
          },
          items: fake.parts
            .filter((p) => p.namespace === namespace)
            .map((p) => ({
              id: p.id,
              getXml: () => ({ value: p.xml }),
              delete: () => {
                fake.record(`delete custom XML part ${p.id}`);
                fake.parts.splice(fake.parts.indexOf(p), 1);
              },
            })),
        };
      },
      getItem(id: string) {
        return {
          delete: () => {
            const i = fake.parts.findIndex((p) => p.id === id);
            if (i < 0) throw officeError("ItemNotFound", `no custom XML part ${id}`);
            fake.record(`delete custom XML part ${id}`);
            fake.parts.splice(i, 1);
          },
        };
      },
      add(xml: string) {
        const namespace = /xmlns="([^"]+)"/.exec(xml)?.[1] ?? "";
        fake.pending += size(xml);
        fake.parts.push({ id: `part${fake.nextPart++}`, namespace, xml });
      },
    };
  }

  /** Every table with its header row as Excel reads it, for checking structured references. */
  knownTables(): (KnownTable & { sheet: FakeSheet; rect: Rect })[] {
    return this.sheets.flatMap((s) =>
      s.tables.map((t) => ({
        name: t.name,
        sheet: s,
        rect: t.rect,
        headers: Array.from({ length: t.rect.c1 - t.rect.c0 + 1 }, (_, i) =>
          String(s.at(t.rect.r0, t.rect.c0 + i)?.value ?? ""),
        ),
      })),
    );
  }

  /**
   * Name or rename a table as Excel does: table names share one namespace with defined names and
   * other tables, whatever the case; formulas naming the table follow the new name.
   */
  renameTable(t: FakeTable, name: string): void {
    const lower = name.toLowerCase();
    const clash =
      this.names.some((n) => n.name.toLowerCase() === lower) ||
      this.sheets.some((s) => s.tables.some((x) => x !== t && x.name.toLowerCase() === lower));
    if (clash) throw officeError("ItemAlreadyExists", `the name ${name} is already taken`);
    const old = t.name;
    t.name = name;
    const ref = new RegExp(`(?<![\\p{L}0-9_.])${old.replace(/[.\\]/g, "\\$&")}\\[`, "giu");
    for (const s of this.sheets)
      for (const c of s.cells.values()) if (c.formula) c.formula = c.formula.replace(ref, `${name}[`);
    this.record(`name table ${old} ${name}`);
  }

  record(call: string): void {
    this.calls.push(call);
    this.pending += call.length;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A user's sheet with values from A1 (or a given origin). */
  addUserSheet(name: string, rows: (string | number | boolean)[][], origin = "A1"): FakeSheet {
    const s = this.addSheet(name);
    const o = parseAddress(origin)!.rect;
    rows.forEach((row, r) => row.forEach((v, c) => (s.edit(o.r0 + r, o.c0 + c).value = v)));
    return s;
  }

  private addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`InvalidArgument: a sheet named ${name} already exists`);
    const s = new FakeSheet(name, this.sheets.length);
    s.mock = this.sheetMock(s);
    this.sheets.push(s);
    return s;
  }

  private track(m: Mock): Mock {
    this.created.push(m);
    return m;
  }

  private worksheetsCollection(): Mock {
    const fake = this;
    return {
      load(props: string) {
        const own = props
          .split(",")
          .map((p) => p.trim().replace(/^items\//, ""))
          .join(",");
        for (const s of fake.sheets) s.mock.load(own);
        return this;
      },
      get items() {
        return fake.sheets.map((s) => s.mock);
      },
      add(name: string) {
        fake.record(`add sheet ${name}`);
        return fake.addSheet(name).mock;
      },
      getItem(name: string) {
        const s = fake.sheet(name);
        if (!s) throw new Error(`ItemNotFound: no sheet ${name}`);
        return s.mock;
      },
      getItemOrNullObject(name: string) {
        const s = fake.sheet(name);
        if (s) {
          Object.defineProperty(s.mock, "isNullObject", { value: false, configurable: true });
          return s.mock;
        }
        const none = fake.track(new OfficeMockObject({ name: "", delete() {} }) as Mock);
        Object.defineProperty(none, "isNullObject", { value: true });
        return none;
      },
    } as unknown as Mock;
  }

  private namesCollection(): Mock {
    const fake = this;
    return {
      load() {
        return this;
      },
      get items() {
        return fake.names.map((n) => ({ name: n.name, formula: n.formula }));
      },
      add(name: string, reference: Mock, comment?: string) {
        if (fake.names.some((n) => n.name === name)) throw new Error(`InvalidArgument: name ${name} exists`);
        if (fake.knownTables().some((t) => t.name.toLowerCase() === name.toLowerCase()))
          throw officeError("ItemAlreadyExists", `a table is named ${name}`);
        const sheet = reference.__sheet as FakeSheet;
        const entry = { name, formula: `=${quoteSheet(sheet.name)}!$A$1`, visible: true, comment };
        fake.names.push(entry);
        fake.record(`add name ${name}`);
        return setOnly("visible", (v: boolean) => (entry.visible = v));
      },
      getItem(name: string) {
        return {
          delete() {
            const i = fake.names.findIndex((n) => n.name === name);
            if (i < 0) throw new Error(`ItemNotFound: name ${name}`);
            fake.names.splice(i, 1);
            fake.record(`delete name ${name}`);
          },
        };
      },
    } as unknown as Mock;
  }

  private sheetMock(s: FakeSheet): Mock {
    const fake = this;
    const m = new OfficeMockObject({
      name: s.name,
      position: s.position,
      getRange(address: string) {
        if (/^[A-Z]+:[A-Z]+$/.test(address)) return fake.columnMock(s, address);
        const p = parseAddress(address);
        if (!p) throw new Error(`InvalidArgument: ${address}`);
        return fake.range(s.name, p.rect);
      },
      // Excel: an empty sheet's used range is A1 (Worksheet.getUsedRange) or a null object.
      getUsedRange(valuesOnly?: boolean) {
        return fake.range(s.name, s.usedRect(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
      },
      getUsedRangeOrNullObject(valuesOnly?: boolean) {
        const rect = s.usedRect(valuesOnly === true);
        if (!rect) {
          // Excel loads any property of a null object; the mock needs each one named (and not null).
          const none = fake.track(
            new OfficeMockObject({
              values: [],
              rowIndex: 0,
              columnIndex: 0,
              rowCount: 0,
              columnCount: 0,
            }) as Mock,
          );
          Object.defineProperty(none, "isNullObject", { value: true });
          return none;
        }
        return fake.range(s.name, rect);
      },
      activate() {
        fake.active = s.name;
      },
      delete() {
        fake.record(`delete sheet ${s.name}`);
        fake.sheets.splice(fake.sheets.indexOf(s), 1);
        for (const n of fake.names) if (n.formula.includes(`${quoteSheet(s.name)}!`)) n.formula = "=#REF!";
      },
      tables: {
        getItem(name: string) {
          const t = s.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!t) throw officeError("ItemNotFound", `no table ${name} on ${s.name}`);
          return setOnly("name", (v: string) => fake.renameTable(t, v));
        },
        add(address: string, hasHeaders: boolean) {
          const rect = parseAddress(address)!.rect;
          if (!hasHeaders) throw new Error("test expects tables with headers");
          // Excel refuses a table over part of another one.
          const clash = s.tables.find(
            (t) =>
              t.rect.r0 <= rect.r1 && rect.r0 <= t.rect.r1 && t.rect.c0 <= rect.c1 && rect.c0 <= t.rect.c1,
          );
          if (clash) throw new Error(`InvalidArgument: ${address} overlaps the table ${clash.name}`);
          const t: FakeTable = { name: `Table${fake.sheets.length}`, rect, showTotals: false };
          s.tables.push(t);
          fake.record(`add table ${address}`);
          const table = {} as Record<string, unknown>;
          Object.defineProperty(table, "name", {
            set: (v: string) => fake.renameTable(t, v),
            get: () => t.name,
          });
          Object.defineProperty(table, "style", { set: (v: string) => (t.style = v) });
          Object.defineProperty(table, "showTotals", {
            set: (v: boolean) => {
              if (v && !t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 + 1 };
              t.showTotals = v;
            },
          });
          return table;
        },
      },
      charts: {
        add(type: string, values: Mock, seriesBy: string) {
          const chart: FakeSheet["charts"][number] = { type, values: values.__address };
          s.charts.push(chart);
          fake.record(`add chart ${type} ${values.__address} ${seriesBy}`);
          return {
            title: setOnly("text", (v: string) => (chart.title = v)),
            legend: setOnly("visible", (v: boolean) => (chart.legend = v)),
            series: {
              // A setter cannot be spread: the series' name setter is the object the rest is added to.
              getItemAt: (i: number) =>
                Object.assign(
                  setOnly("name", (v: string) => ((chart.seriesNames ??= [])[i] = v)),
                  { setXAxisValues: (r: Mock) => (chart.categories = r.__address) },
                ),
            },
            setPosition: (a: string, b: string) => fake.record(`chart position ${a}:${b}`),
          };
        },
      },
      pageLayout: {
        setPrintArea: (a: string) => (s.page.printArea = a),
        headersFooters: { defaultForAllPages: {} },
      },
      freezePanes: { freezeRows: (n: number) => fake.record(`freeze ${n}`) },
    }) as Mock;
    watch(fake, m, ["name", "position"], (prop, v) => {
      if (prop === "name") {
        const old = s.name;
        s.name = v as string;
        for (const n of fake.names)
          n.formula = n.formula.replace(`${quoteSheet(old)}!`, `${quoteSheet(s.name)}!`);
      } else s.position = v as number;
      fake.record(`sheet ${prop} ${String(v)}`);
    });
    this.track(m);
    const layout = m.pageLayout as Mock;
    watch(fake, layout, ["orientation", "zoom"], (prop, v) => {
      (s.page as Record<string, unknown>)[prop] = v;
      fake.pending += size(v);
    });
    const hf = (layout.headersFooters as Mock).defaultForAllPages as Mock;
    watch(fake, hf, ["centerHeader", "rightHeader"], (prop, v) => {
      (s.page as Record<string, unknown>)[prop] = v;
      fake.pending += size(v);
    });
    return m;
  }

  private columnMock(s: FakeSheet, address: string): Mock {
    const fake = this;
    const m = new OfficeMockObject({ format: { columnWidth: 0 } }) as Mock;
    watch(fake, m.format as Mock, ["columnWidth"], (_p, v) =>
      fake.record(`width ${s.name}!${address} ${String(v)}`),
    );
    return m;
  }

  /** A range as an office-addin-mock object over the current cells. */
  range(sheetName: string, rect: Rect): Mock {
    const fake = this;
    const s = this.sheet(sheetName)!;
    const address = rangeAddress(rect);
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    const grid = (f: (c: FakeCell | undefined) => unknown): unknown[][] =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => f(s.at(rect.r0 + i, rect.c0 + j))),
      );
    const first = s.at(rect.r0, rect.c0);
    const m = new OfficeMockObject({
      address: `${quoteSheet(s.name)}!${address}`,
      rowIndex: rect.r0,
      columnIndex: rect.c0,
      rowCount: rows,
      columnCount: cols,
      // Range.cellCount: "returns -1 if the cell count exceeds 2^31-1 (2,147,483,647)" (Excel.Range
      // reference, learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-cellcount-member).
      cellCount: rows * cols > 2 ** 31 - 1 ? -1 : rows * cols,
      // Only values are ever loaded by the host; formulas and formats are write-only here.
      // Excel may give values === null for a read over 5 million cells (office-js-docs-pr#5821); the
      // mock cannot hold null, so such a range's values are empty.
      values: rows * cols > 5_000_000 ? [] : grid((c) => c?.value ?? ""),
      formulas: undefined,
      numberFormat: undefined,
      worksheet: { name: s.name },
      format: {
        fill: {
          color: first?.fill?.pattern === "Solid" ? first.fill.color : "#FFFFFF",
          pattern: first?.fill?.pattern ?? "None",
          clear() {
            fake.record(`clear fill ${s.name}!${address}`);
            for (let r = rect.r0; r <= rect.r1; r++)
              for (let c = rect.c0; c <= rect.c1; c++) delete s.edit(r, c).fill;
          },
        },
        font: { bold: false, italic: false, size: 11, color: "#000000" },
        wrapText: false,
        horizontalAlignment: "General",
      },
      dataValidation: { rule: undefined, prompt: undefined, errorAlert: undefined },
      conditionalFormats: {
        add(type: string) {
          const cf: FakeSheet["conditionalFormats"][number] = { address };
          s.conditionalFormats.push(cf);
          fake.record(`add conditional format ${type} ${address}`);
          return {
            custom: {
              rule: setOnly("formula", (f: string) => (cf.formula = f)),
              format: {
                fill: setOnly("color", (c: string) => (cf.fill = c)),
                font: setOnly("color", (c: string) => (cf.fontColor = c)),
              },
            },
          };
        },
      },
      copyFrom(source: Mock, type: string) {
        const src = source.__rect as Rect;
        fake.record(`copyFrom ${address} <- ${rangeAddress(src)} ${type}`);
        const h = src.r1 - src.r0 + 1;
        const w = src.c1 - src.c0 + 1;
        for (let r = rect.r0; r <= rect.r1; r++) {
          for (let c = rect.c0; c <= rect.c1; c++) {
            const from = s.at(src.r0 + ((r - rect.r0) % h), src.c0 + ((c - rect.c0) % w));
            const to = s.edit(r, c);
            if (type === "Formats") {
              if (from?.numberFormat) to.numberFormat = from.numberFormat;
            } else if (type === "Formulas") {
              if (from?.formula) to.formula = from.formula;
            } else throw new Error(`copy type ${type} not simulated`);
          }
        }
      },
      select() {
        fake.selection = { sheet: s.name, rect };
        fake.record(`select ${s.name}!${address}`);
      },
      getTables() {
        return {
          load() {
            return this;
          },
          items: s.tables
            .filter(
              (t) =>
                rect.r0 >= t.rect.r0 && rect.r0 <= t.rect.r1 && rect.c0 >= t.rect.c0 && rect.c0 <= t.rect.c1,
            )
            .map((t) => ({
              name: t.name,
              showTotals: t.showTotals,
              getRange: () => fake.range(s.name, t.rect),
            })),
        };
      },
      getSurroundingRegion() {
        return fake.range(s.name, fake.region(s, rect.r0, rect.c0));
      },
      getResizedRange(dr: number, dc: number) {
        return fake.range(s.name, { ...rect, r1: rect.r1 + dr, c1: rect.c1 + dc });
      },
    }) as Mock;
    Object.defineProperty(m, "__rect", { value: rect });
    Object.defineProperty(m, "__address", { value: `${quoteSheet(s.name)}!${address}` });
    Object.defineProperty(m, "__sheet", { value: s });
    Object.defineProperty(m, "isNullObject", { value: false });
    m.worksheet = s.mock;

    const put = (property: string, value: unknown, apply: (cell: FakeCell, v: unknown) => void): void => {
      fake.writes.push({ sheet: s.name, address, property, value });
      if (property === "formulas") fake.checkFormulas(s, rect, value);
      fake.pending += size(value);
      const matrix = Array.isArray(value) ? (value as unknown[][]) : undefined;
      if (matrix && (matrix.length !== rows || matrix.some((r) => r.length !== cols))) {
        throw new Error(
          `InvalidArgument: ${property} for ${address} is ${matrix.length}×${matrix[0]?.length}`,
        );
      }
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) apply(s.edit(rect.r0 + i, rect.c0 + j), matrix ? matrix[i][j] : value);
      }
    };
    watch(fake, m, ["values", "formulas", "numberFormat"], (prop, v) =>
      put(prop, v, (cell, x) => {
        if (prop === "numberFormat") cell.numberFormat = x as string;
        else if (prop === "formulas" && typeof x === "string" && x.startsWith("=")) {
          cell.formula = x;
          cell.value = "";
        } else {
          delete cell.formula;
          // Excel reads text written to a cell as if typed, unless the cell is formatted as text.
          cell.value =
            prop === "values" && typeof x === "string" && cell.numberFormat !== "@"
              ? typedIntoGeneral(x)
              : (x as string | number | boolean);
        }
      }),
    );
    const format = m.format as Mock;
    watch(fake, format.fill as Mock, ["color"], (_p, v) =>
      put("fill", v, (cell, x) => (cell.fill = { color: String(x).toUpperCase(), pattern: "Solid" })),
    );
    watch(fake, format.font as Mock, ["bold", "italic", "size", "color"], (p, v) =>
      put(`font.${p}`, v, (cell, x) => {
        if (p === "bold") cell.bold = x as boolean;
      }),
    );
    watch(fake, format, ["wrapText", "horizontalAlignment"], (p, v) => put(p, v, () => undefined));
    watch(fake, m.dataValidation as Mock, ["rule", "prompt", "errorAlert"], (p, v) => {
      s.validations.push({ address, property: p, value: v });
      fake.pending += size(v);
    });
    return this.track(m);
  }

  /**
   * Excel refuses a formula whose structured reference names a table or column that does not exist
   * (yet), or spells a column with special characters without its own brackets and escapes
   * ("Using structured references with Excel tables", support.microsoft.com).
   */
  checkFormulas(s: FakeSheet, rect: Rect, value: unknown): void {
    const matrix = Array.isArray(value) ? (value as unknown[][]) : [[value]];
    const tables = this.knownTables();
    matrix.forEach((row, i) =>
      row.forEach((f, j) => {
        if (typeof f !== "string" || !f.startsWith("=")) return;
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        const own = tables.find(
          (t) => t.sheet === s && r >= t.rect.r0 && r <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1,
        );
        const problem = structuredRefProblem(f, tables, own);
        if (problem)
          throw officeError("InvalidArgument", `${f} in ${s.name}!${cellAddress(r, c)}: ${problem}`);
      }),
    );
  }

  region(s: FakeSheet, row: number, col: number): Rect {
    return surroundingRegion(
      (r, c) => {
        const v = s.at(r, c)?.value;
        return v !== undefined && v !== "";
      },
      row,
      col,
    );
  }

  select(address: string): void {
    const p = parseAddress(address)!;
    this.selection = { sheet: p.sheet!, rect: p.rect };
  }

  /** Values of a range, as Excel shows them (formulas not computed: empty). */
  values(sheet: string, address: string): unknown[][] {
    const s = this.sheet(sheet)!;
    const r = parseAddress(address)!.rect;
    const out: unknown[][] = [];
    for (let i = r.r0; i <= r.r1; i++) {
      const row: unknown[] = [];
      for (let j = r.c0; j <= r.c1; j++) row.push(s.at(i, j)?.value ?? "");
      out.push(row);
    }
    return out;
  }

  /** Excel.run over this workbook. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(this.context as unknown as Excel.RequestContext);

  /** Office.context.requirements for an Excel supporting ExcelApi up to `version`. */
  static requirements(version = "1.17") {
    const [maxMajor, maxMinor] = version.split(".").map(Number);
    return {
      isSetSupported: (name: string, v = "1.1") => {
        const [major, minor] = v.split(".").map(Number);
        return name === "ExcelApi" && (major < maxMajor || (major === maxMajor && minor <= maxMinor));
      },
    };
  }
}

export { cellAddress };
