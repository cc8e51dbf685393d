/**
 * A workbook kept in memory as plain objects: sheets with cells (values, formulas, number formats,
 * fills), tables, validation, conditional formats, charts and print settings, defined names, the
 * selection and custom XML parts. It refuses what Excel refuses (memory/excel-rules.ts).
 */
import { parseAddress, type Rect } from "../a1";
import type {
  CellStyle,
  ChartPlan,
  ConditionalFormatPlan,
  PrintPlan,
  Scalar,
  SheetKind,
  ValidationPlan,
} from "../layout/plan";
import { checkDimensions, ExcelRuleError, nameProblem, sheetNameProblem } from "./excel-rules";

export interface MemoryCell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  /** Fill colour, `#RRGGBB`; undefined for no fill. */
  fill?: string;
  style?: CellStyle;
}

export interface MemoryTable {
  name: string;
  rect: Rect;
  showTotals: boolean;
}

const KEY = 16384;

/**
 * What is set on a range at once, as Excel.Range's values, formulas and numberFormat: each a
 * two-dimensional array of the range's shape (a formula of null leaves the cell's value as it is).
 */
export interface RangeWrite {
  values?: Scalar[][];
  formulas?: (string | null)[][];
  numberFormat?: (string | null)[][];
}

export class MemorySheet {
  readonly cells = new Map<number, MemoryCell>();
  tables: MemoryTable[] = [];
  validations: ValidationPlan[] = [];
  conditionalFormats: ConditionalFormatPlan[] = [];
  charts: ChartPlan[] = [];
  columnWidths: number[] = [];
  print?: PrintPlan;
  /** The kind of sheet, when the add-in created it (the memory equivalent of its tag). */
  owner?: SheetKind;

  constructor(public name: string) {}

  cell(row: number, col: number): MemoryCell | undefined {
    return this.cells.get(row * KEY + col);
  }

  /** The cell at an address on this sheet, e.g. `B5`. */
  at(address: string): MemoryCell | undefined {
    const p = parseAddress(address);
    return p ? this.cell(p.rect.r0, p.rect.c0) : undefined;
  }

  set(row: number, col: number, cell: MemoryCell): void {
    this.cells.set(row * KEY + col, cell);
  }

  /** Set values, formulas and number formats on a range, refused (InvalidArgument) unless of its shape. */
  writeRange(rect: Rect, write: RangeWrite): void {
    const rows = rect.r1 - rect.r0 + 1;
    const columns = rect.c1 - rect.c0 + 1;
    for (const property of ["values", "formulas", "numberFormat"] as const) {
      const matrix = write[property];
      if (matrix) checkDimensions(property, rows, columns, matrix);
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        const cell: MemoryCell = { value: null, ...this.cell(rect.r0 + i, rect.c0 + j) };
        if (write.values) {
          cell.value = write.values[i][j];
          delete cell.formula;
        }
        const formula = write.formulas?.[i][j];
        if (formula) cell.formula = formula;
        const format = write.numberFormat?.[i][j];
        if (format) cell.numberFormat = format;
        this.set(rect.r0 + i, rect.c0 + j, cell);
      }
    }
  }

  isEmpty(): boolean {
    for (const c of this.cells.values()) if (c.value !== null && c.value !== "") return false;
    return true;
  }

  /** The rectangle from the first to the last non-empty cell (Excel's used range of values), or undefined. */
  usedRect(): Rect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of this.cells) {
      if (c.value === null || c.value === "") continue;
      const r = Math.floor(k / KEY);
      const col = k % KEY;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  values(rect: Rect): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: Scalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.cell(r, c)?.value ?? null);
      out.push(row);
    }
    return out;
  }
}

/** The workbook: sheets in order, the active sheet, the selection and the add-in's custom XML part. */
export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  activeSheet?: string;
  selection?: { sheet: string; rect: Rect };
  /** Custom XML parts by namespace, as Excel keeps them in the file. */
  readonly customXml = new Map<string, string>();

  sheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Workbook-scoped defined names (tables share their namespace), by name as written. */
  readonly names = new Map<string, string>();

  /** Whether a table or defined name is taken, whatever the case; `except` a sheet being replaced. */
  nameTaken(name: string, except?: MemorySheet): boolean {
    const lower = name.toLowerCase();
    if ([...this.names.keys()].some((n) => n.toLowerCase() === lower)) return true;
    return this.sheets.some((s) => s !== except && s.tables.some((t) => t.name.toLowerCase() === lower));
  }

  /** Add a defined name (e.g. a user's own), refused as Excel refuses it. */
  addName(name: string, refersTo: string): void {
    const problem = nameProblem(name);
    if (problem) throw new ExcelRuleError("InvalidArgument", problem);
    if (this.nameTaken(name)) throw new ExcelRuleError("ItemAlreadyExists", `the name ${name} is taken`);
    this.names.set(name, refersTo);
  }

  addSheet(name: string): MemorySheet {
    const problem = sheetNameProblem(name);
    if (problem) throw new ExcelRuleError("InvalidArgument", problem);
    if (this.sheet(name))
      throw new ExcelRuleError("ItemAlreadyExists", `a sheet named "${name}" already exists`);
    const s = new MemorySheet(name);
    this.sheets.push(s);
    return s;
  }

  removeSheet(name: string): void {
    const s = this.sheet(name);
    if (!s) throw new ExcelRuleError("ItemNotFound", `there is no sheet ${name}`);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.activeSheet === s.name) this.activeSheet = undefined;
    if (this.selection?.sheet === s.name) this.selection = undefined;
  }

  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw new ExcelRuleError("ItemNotFound", `there is no sheet ${from}`);
    const problem = sheetNameProblem(to);
    if (problem) throw new ExcelRuleError("InvalidArgument", problem);
    const other = this.sheet(to);
    if (other && other !== s)
      throw new ExcelRuleError("ItemAlreadyExists", `a sheet named "${to}" already exists`);
    if (this.activeSheet === s.name) this.activeSheet = to;
    s.name = to;
  }

  /** Move a sheet to a 0-based position. */
  moveSheet(name: string, position: number): void {
    const s = this.sheet(name);
    if (!s) throw new ExcelRuleError("ItemNotFound", `there is no sheet ${name}`);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(Math.min(position, this.sheets.length), 0, s);
  }

  /** Rename a table as Excel does: the name checked, and formulas naming the table follow it. */
  renameTable(from: string, to: string): void {
    const lower = from.toLowerCase();
    const t = this.sheets.flatMap((s) => s.tables).find((x) => x.name.toLowerCase() === lower);
    if (!t) throw new ExcelRuleError("ItemNotFound", `there is no table ${from}`);
    const problem = nameProblem(to);
    if (problem) throw new ExcelRuleError("InvalidArgument", problem);
    if (to.toLowerCase() !== lower && this.nameTaken(to))
      throw new ExcelRuleError("ItemAlreadyExists", `the name ${to} is taken`);
    // No lookbehind: older WebKit (Excel for Mac) cannot parse one.
    const ref = new RegExp(`(^|[^\\p{L}0-9_.])${from.replace(/[.\\]/g, "\\$&")}\\[`, "giu");
    for (const s of this.sheets)
      for (const c of s.cells.values()) if (c.formula) c.formula = c.formula.replace(ref, `$1${to}[`);
    t.name = to;
  }

  /** Put values (and formulas, written as strings starting "=") from a top-left cell, e.g. `Sheet1!A1`. */
  setValues(address: string, rows: Scalar[][]): void {
    const p = parseAddress(address);
    if (!p?.sheet) throw new Error(`"${address}" is not a sheet-qualified address`);
    const sheet = this.sheet(p.sheet) ?? this.addSheet(p.sheet);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const existing = sheet.cell(p.rect.r0 + i, p.rect.c0 + j);
        const cell: MemoryCell = { ...existing, value: v };
        if (typeof v === "string" && v.startsWith("=")) cell.formula = v;
        else delete cell.formula;
        sheet.set(p.rect.r0 + i, p.rect.c0 + j, cell);
      }),
    );
  }

  /** Set values, formulas or number formats on a range such as `Lots!A1:B2`, as Excel.Range does. */
  setRange(address: string, write: RangeWrite): void {
    const p = parseAddress(address);
    const sheet = p?.sheet ? this.sheet(p.sheet) : undefined;
    if (!p || !sheet)
      throw new ExcelRuleError("InvalidArgument", `"${address}" is not a range of this workbook`);
    sheet.writeRange(p.rect, write);
  }

  /** Add an Excel Table over a range whose first row is the header, e.g. `Sheet1!A1:D5`. */
  addTable(address: string, name: string): void {
    const p = parseAddress(address);
    const sheet = p?.sheet ? this.sheet(p.sheet) : undefined;
    if (!p || !sheet) throw new Error(`"${address}" is not a range on an existing sheet`);
    const problem = nameProblem(name);
    if (problem) throw new ExcelRuleError("InvalidArgument", problem);
    if (this.nameTaken(name)) throw new ExcelRuleError("ItemAlreadyExists", `the name ${name} is taken`);
    sheet.tables.push({ name, rect: p.rect, showTotals: false });
  }

  select(address: string): void {
    const p = parseAddress(address);
    if (!p?.sheet || !this.sheet(p.sheet)) throw new Error(`"${address}" is not on a sheet of this workbook`);
    this.selection = { sheet: this.sheet(p.sheet)!.name, rect: p.rect };
    this.activeSheet = this.selection.sheet;
  }
}
