/**
 * A workbook kept in memory as plain objects, implementing the same WorkbookPort as the Office.js host.
 * The task pane uses it outside Excel (in a browser tab), the tests run the port contract against it,
 * and it holds what an .xlsx file would: cells with values, formulas and number formats, tables,
 * validation, conditional formats, charts and print settings.
 */
import { cellAddress, parseAddress, qualified, surroundingRegion, type Rect } from "../a1";
import { planCells, type PlannedCell } from "../layout/cells";
import {
  tableRect,
  type CellStyle,
  type ChartPlan,
  type ConditionalFormatPlan,
  type PrintPlan,
  type Scalar,
  type SheetKind,
  type SheetPlan,
  type ValidationPlan,
} from "../layout/plan";
import { allocationSheetPlan } from "../layout/allocation-sheet";
import {
  actualsLineRef,
  actualsSheetPlan,
  readActualsGrid,
  type ActualsSource,
} from "../layout/actuals-sheet";
import { budgetSheetPlan } from "../layout/budget-sheet";
import { PHASING_TABLE_SUFFIXES, phasingSheetPlan } from "../layout/phasing-sheet";
import { reportView, type CheckedTender } from "../layout/report-view";
import { summarySheetPlan } from "../layout/summary-sheet";
import {
  readLotsGrid,
  readTenderGrid,
  tenderSheetPlan,
  locatePath,
  type TenderSource,
} from "../layout/tender-sheet";
import {
  failure,
  type AllocationOptions,
  type FindingLocation,
  type ReadTenderOptions,
  type SheetRef,
  type SummaryOptions,
  type WorkbookPort,
  type WriteOptions,
} from "../port";
import {
  HIGHLIGHT_NAMESPACE,
  STATE_NAMESPACE,
  highlightsToXml,
  stateToXml,
  xmlToHighlights,
  xmlToState,
  type Highlight,
  type SavedState,
} from "../state";
import {
  chooseTableName,
  chooseTablePrefix,
  chooseTarget,
  HIGHLIGHT_FILL,
  locateFindings,
  looksLikeLotsTable,
  nextHighlights,
  NO_ACTUALS_SHEET,
  NO_LOTS_TABLE,
  normalise,
  OUTPUT_KINDS,
} from "../targets";
import { todayIso } from "../today";
import type { ActualLine, ActualsReport } from "../../domain/actuals";
import type { Finding, Result, Tender } from "../../domain/core/types";

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

  isEmpty(): boolean {
    for (const c of this.cells.values()) if (c.value !== null && c.value !== "") return false;
    return true;
  }

  /** The rectangle from A1 to the last non-empty cell, or undefined for an empty sheet. */
  usedRect(): Rect | undefined {
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of this.cells) {
      if (c.value === null || c.value === "") continue;
      r1 = Math.max(r1, Math.floor(k / KEY));
      c1 = Math.max(c1, k % KEY);
    }
    return r1 < 0 ? undefined : { r0: 0, c0: 0, r1, c1 };
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

  addSheet(name: string): MemorySheet {
    if (this.sheet(name)) throw new Error(`a sheet named "${name}" already exists`);
    const s = new MemorySheet(name);
    this.sheets.push(s);
    return s;
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

  /** Add an Excel Table over a range whose first row is the header, e.g. `Sheet1!A1:D5`. */
  addTable(address: string, name: string): void {
    const p = parseAddress(address);
    const sheet = p?.sheet ? this.sheet(p.sheet) : undefined;
    if (!p || !sheet) throw new Error(`"${address}" is not a range on an existing sheet`);
    sheet.tables.push({ name, rect: p.rect, showTotals: false });
  }

  select(address: string): void {
    const p = parseAddress(address);
    if (!p?.sheet || !this.sheet(p.sheet)) throw new Error(`"${address}" is not on a sheet of this workbook`);
    this.selection = { sheet: this.sheet(p.sheet)!.name, rect: p.rect };
    this.activeSheet = this.selection.sheet;
  }
}

function inside(rect: Rect, row: number, col: number): boolean {
  return row >= rect.r0 && row <= rect.r1 && col >= rect.c0 && col <= rect.c1;
}

/** The block of non-empty cells around a cell, as Excel's current region finds it. */
function regionAround(sheet: MemorySheet, row: number, col: number): Rect {
  return surroundingRegion(
    (r, c) => {
      const v = sheet.cell(r, c)?.value;
      return v !== null && v !== undefined && v !== "";
    },
    row,
    col,
  );
}

export class MemoryWorkbookPort implements WorkbookPort {
  readonly host = "memory" as const;
  private source?: TenderSource;
  private actualsSource?: ActualsSource;
  private readonly today: () => string;

  constructor(
    readonly workbook: MemoryWorkbook = new MemoryWorkbook(),
    options: { today?: () => string } = {},
  ) {
    this.today = options.today ?? todayIso;
  }

  private existing() {
    return this.workbook.sheets.map((s) => ({ name: s.name, owner: s.owner }));
  }

  private tables() {
    return this.workbook.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name })));
  }

  private apply(plan: SheetPlan, replaces: string | undefined, activate = true): SheetRef {
    let sheet: MemorySheet;
    if (replaces) {
      const i = this.workbook.sheets.findIndex((s) => s.name === replaces);
      sheet = new MemorySheet(plan.name);
      this.workbook.sheets[i] = sheet;
    } else {
      sheet = this.workbook.addSheet(plan.name);
    }
    sheet.owner = plan.kind;
    const write = (c: PlannedCell): void => {
      const cell: MemoryCell = { value: c.value };
      if (c.formula) cell.formula = c.formula;
      if (c.numberFormat) cell.numberFormat = c.numberFormat;
      if (c.style) cell.style = c.style;
      if (c.style?.fill) cell.fill = c.style.fill;
      sheet.set(c.row, c.col, cell);
    };
    for (const c of planCells(plan, "structured")) write(c);
    sheet.tables = plan.tables.map((t) => ({ name: t.name, rect: tableRect(t), showTotals: t.showTotals }));
    sheet.validations = plan.validations;
    sheet.conditionalFormats = plan.conditionalFormats;
    sheet.charts = plan.charts;
    sheet.columnWidths = plan.columnWidths;
    sheet.print = plan.print;
    if (activate) this.workbook.activeSheet = sheet.name;
    return { kind: plan.kind, name: sheet.name, replaced: replaces !== undefined };
  }

  async createTenderSheet(tender?: Tender): Promise<Result<SheetRef>> {
    const target = chooseTarget("tender", this.existing(), false);
    const table = chooseTableName("TenderLots", this.tables());
    return { ok: true, value: this.apply(tenderSheetPlan(tender, { sheet: target.name, table }), undefined) };
  }

  async readTender(options: ReadTenderOptions): Promise<Result<Tender>> {
    const read =
      options.from === "selection"
        ? this.readSelection(options.base)
        : options.from === "table"
          ? this.readAnyTable(options.base)
          : this.readTenderSheet();
    if (!read.ok) return read;
    this.source = read.value.source;
    return { ok: true, value: read.value.tender };
  }

  private readTenderSheet(): Result<{ tender: Tender; source: TenderSource }> {
    const sheet = this.workbook.sheets.find((s) => s.owner === "tender") ?? this.workbook.sheet("Tender");
    if (!sheet) {
      return failure(
        "workbook",
        'there is no Tender sheet; add one with "New tender sheet", or select a lots table',
      );
    }
    const used = sheet.usedRect();
    if (!used)
      return failure(
        qualified(sheet.name, "A1"),
        `the ${sheet.name} sheet is empty; fill in the tender and its lots`,
      );
    return readTenderGrid(sheet.values(used), sheet.name);
  }

  private readAnyTable(base?: Partial<Tender>): Result<{ tender: Tender; source: TenderSource }> {
    for (const sheet of this.workbook.sheets) {
      if (sheet.owner && OUTPUT_KINDS.has(sheet.owner)) continue;
      for (const t of sheet.tables) {
        const header = sheet.values({ ...t.rect, r1: t.rect.r0 })[0];
        if (!looksLikeLotsTable(header)) continue;
        const rect = t.showTotals ? { ...t.rect, r1: t.rect.r1 - 1 } : t.rect;
        return readLotsGrid(sheet.values(rect), sheet.name, { row: rect.r0, col: rect.c0 }, base);
      }
    }
    return failure("workbook", NO_LOTS_TABLE);
  }

  private readSelection(base?: Partial<Tender>): Result<{ tender: Tender; source: TenderSource }> {
    const sel = this.workbook.selection;
    const sheet = sel ? this.workbook.sheet(sel.sheet) : undefined;
    if (!sel || !sheet)
      return failure("selection", "nothing is selected; select the lots table (or a cell in it)");
    let rect = sel.rect;
    const table = sheet.tables.find((t) => inside(t.rect, rect.r0, rect.c0));
    if (table) {
      rect = table.showTotals ? { ...table.rect, r1: table.rect.r1 - 1 } : table.rect;
    } else if (rect.r0 === rect.r1 && rect.c0 === rect.c1) {
      rect = regionAround(sheet, rect.r0, rect.c0);
    }
    return readLotsGrid(sheet.values(rect), sheet.name, { row: rect.r0, col: rect.c0 }, base);
  }

  private write(
    kind: SheetKind,
    replace: boolean | undefined,
    build: (sheet: string, table: (wanted: string, suffixes?: readonly string[]) => string) => SheetPlan,
    activate?: boolean,
  ): SheetRef {
    const target = chooseTarget(kind, this.existing(), replace ?? true);
    const tables = this.tables();
    const plan = build(target.name, (wanted, suffixes) =>
      suffixes
        ? chooseTablePrefix(wanted, suffixes, tables, target.replaces)
        : chooseTableName(wanted, tables, target.replaces),
    );
    return this.apply(plan, target.replaces, activate ?? true);
  }

  async writeAllocation(report: CheckedTender, options: AllocationOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report, options.tolerance);
    const ref = this.write(
      "allocation",
      options.replace,
      (sheet, table) => allocationSheetPlan(view, { sheet, table: table("Allocation") }),
      options.activate,
    );
    return { ok: true, value: ref };
  }

  async writePhasing(report: CheckedTender, options: WriteOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report);
    const ref = this.write(
      "phasing",
      options.replace,
      (sheet, table) =>
        phasingSheetPlan(view, { sheet, tablePrefix: table("Phasing", PHASING_TABLE_SUFFIXES) }),
      options.activate,
    );
    return { ok: true, value: ref };
  }

  async writeSummary(report: CheckedTender, options: SummaryOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report, options.tolerance);
    const source = this.source;
    const ref = this.write(
      "summary",
      options.replace,
      (sheet) =>
        summarySheetPlan(view, {
          sheet,
          today: options.today ?? this.today(),
          where: source ? (p) => locatePath(source, p) : undefined,
        }),
      options.activate,
    );
    return { ok: true, value: ref };
  }

  async createActualsSheet(tender?: Tender, lines: readonly ActualLine[] = []): Promise<Result<SheetRef>> {
    const ref = this.write("actuals", false, (sheet, table) =>
      actualsSheetPlan(tender, { sheet, table: table("Actuals") }, lines),
    );
    return { ok: true, value: ref };
  }

  /** The add-in's newest Actuals sheet (as the port promises), else a sheet named Actuals. */
  private actualsSheet(): MemorySheet | undefined {
    const owned = this.workbook.sheets.filter((s) => s.owner === "actuals");
    return owned[owned.length - 1] ?? this.workbook.sheet("Actuals");
  }

  async readActuals(): Promise<Result<ActualLine[]>> {
    const sheet = this.actualsSheet();
    if (!sheet) return failure("workbook", NO_ACTUALS_SHEET);
    const used = sheet.usedRect();
    if (!used)
      return failure(
        qualified(sheet.name, "A1"),
        `the ${sheet.name} sheet is empty; paste the invoices into it`,
      );
    const read = readActualsGrid(sheet.values(used), sheet.name);
    if (!read.ok) return read;
    this.actualsSource = read.value.source;
    return { ok: true, value: read.value.lines };
  }

  actualsLineRef(): ((index: number) => string) | undefined {
    return this.actualsSource ? actualsLineRef(this.actualsSource) : undefined;
  }

  async writeBudgetVsActual(
    report: CheckedTender,
    actuals: ActualsReport,
    options: WriteOptions = {},
  ): Promise<Result<SheetRef>> {
    const sheet = this.actualsSheet();
    const table = sheet?.tables[0];
    if (!sheet || !table) return failure("workbook", NO_ACTUALS_SHEET);
    const ref = this.write(
      "budget",
      options.replace,
      (name, tableName) =>
        budgetSheetPlan(report.tender, actuals, report.phasing, {
          sheet: name,
          table: tableName("BudgetVsActual"),
          actuals: { table: table.name, sheet: sheet.name },
        }),
      options.activate,
    );
    return { ok: true, value: ref };
  }

  private highlights(): Result<Highlight[]> {
    const xml = this.workbook.customXml.get(HIGHLIGHT_NAMESPACE);
    return xml === undefined ? { ok: true, value: [] } : xmlToHighlights(xml);
  }

  private cellAt(address: string): MemoryCell | undefined {
    const p = parseAddress(address);
    const sheet = p?.sheet ? this.workbook.sheet(p.sheet) : undefined;
    return p && sheet ? sheet.cell(p.rect.r0, p.rect.c0) : undefined;
  }

  private setFill(address: string, fill: string | undefined): void {
    const p = parseAddress(address);
    const sheet = p?.sheet ? this.workbook.sheet(p.sheet) : undefined;
    if (!p || !sheet) return;
    const cell = { ...(sheet.cell(p.rect.r0, p.rect.c0) ?? { value: null }) };
    if (fill === undefined) delete cell.fill;
    else cell.fill = fill;
    sheet.set(p.rect.r0, p.rect.c0, cell);
  }

  async showFindings(findings: Finding[]): Promise<Result<FindingLocation[]>> {
    const previous = this.highlights();
    if (!previous.ok) return previous;
    const { locations, cells } = locateFindings(findings, this.source, this.actualsSource);
    const next = nextHighlights(previous.value, cells, (a) => this.cellAt(a)?.fill);
    this.restore(previous.value, new Set(next.map((h) => normalise(h.address))));
    for (const h of next) this.setFill(h.address, HIGHLIGHT_FILL);
    this.workbook.customXml.set(HIGHLIGHT_NAMESPACE, highlightsToXml(next));
    return { ok: true, value: locations };
  }

  /** Give back each highlighted cell its own fill, unless the user changed it since or it stays highlighted. */
  private restore(previous: readonly Highlight[], keep: ReadonlySet<string> = new Set()): void {
    for (const h of previous) {
      if (keep.has(normalise(h.address))) continue;
      if (this.cellAt(h.address)?.fill?.toUpperCase() === HIGHLIGHT_FILL)
        this.setFill(h.address, h.previousFill);
    }
  }

  async clearFindings(): Promise<Result<void>> {
    const previous = this.highlights();
    if (!previous.ok) return previous;
    this.restore(previous.value);
    this.workbook.customXml.set(HIGHLIGHT_NAMESPACE, highlightsToXml([]));
    return { ok: true, value: undefined };
  }

  async selectCell(address: string): Promise<Result<void>> {
    const p = parseAddress(address);
    if (!p) return failure(address, `"${address}" is not a cell address; write it like Tender!B5`);
    const sheet = this.workbook.sheet(p.sheet ?? this.workbook.activeSheet ?? "");
    if (!sheet) return failure(address, `there is no sheet "${p.sheet ?? ""}" in this workbook`);
    this.workbook.select(qualified(sheet.name, cellAddress(p.rect.r0, p.rect.c0)));
    return { ok: true, value: undefined };
  }

  async saveState(state: SavedState): Promise<Result<void>> {
    this.workbook.customXml.set(STATE_NAMESPACE, stateToXml(state));
    return { ok: true, value: undefined };
  }

  async loadState(): Promise<Result<SavedState | undefined>> {
    const xml = this.workbook.customXml.get(STATE_NAMESPACE);
    return xml === undefined ? { ok: true, value: undefined } : xmlToState(xml);
  }
}
