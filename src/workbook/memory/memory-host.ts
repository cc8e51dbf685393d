/**
 * A workbook kept in memory as plain objects, implementing the same WorkbookPort as the Office.js host.
 * The task pane uses it outside Excel (in a browser tab), the tests run the port contract against it,
 * and it holds what an .xlsx file would: cells with values, formulas and number formats, tables,
 * validation, conditional formats, charts and print settings.
 */
import { parseAddress, qualified, rangeAddress, surroundingRegion, type Rect } from "../a1";
import { planCells, type PlannedCell } from "../layout/cells";
import { tableRect, type SheetKind, type SheetPlan } from "../layout/plan";
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
import { MemorySheet, MemoryWorkbook, type MemoryCell } from "./memory-workbook";
import { ExcelRuleError, nameProblem, sheetNameProblem } from "./excel-rules";
import { workbookError } from "../office/errors";
import { structuredRefProblem, type KnownTable } from "../layout/structured";
import type { ActualLine, ActualsReport } from "../../domain/actuals";
import type { Finding, Result, Tender } from "../../domain/core/types";

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

export { MemorySheet, MemoryWorkbook, type MemoryCell, type MemoryTable } from "./memory-workbook";

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

  /** Table names taken, with the workbook's defined names (one namespace, as in Excel). */
  private tables() {
    return [
      ...this.workbook.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))),
      ...[...this.workbook.names.keys()].map((name) => ({ name, sheet: "" })),
    ];
  }

  /**
   * Refuse, before anything is written, a plan Excel would refuse: a sheet or table name against
   * Excel's rules or taken, or a formula whose structured reference names a table or column that
   * would not exist, or is spelled against Microsoft's rules.
   */
  private check(plan: SheetPlan, replaces: MemorySheet | undefined): void {
    const sheetProblem = sheetNameProblem(plan.name);
    if (sheetProblem) throw new ExcelRuleError("InvalidArgument", sheetProblem);
    for (const t of plan.tables) {
      const problem = nameProblem(t.name);
      if (problem) throw new ExcelRuleError("InvalidArgument", problem);
      if (this.workbook.nameTaken(t.name, replaces))
        throw new ExcelRuleError("ItemAlreadyExists", `the name ${t.name} is taken`);
    }
    const known: KnownTable[] = [
      ...this.workbook.sheets
        .filter((s) => s !== replaces)
        .flatMap((s) =>
          s.tables.map((t) => ({
            name: t.name,
            headers: (s.values({ ...t.rect, r1: t.rect.r0 })[0] ?? []).map((h) => String(h ?? "")),
          })),
        ),
      ...plan.tables.map((t) => ({ name: t.name, headers: t.columns.map((c) => c.header) })),
    ];
    const ownOf = (row: number, col: number): KnownTable | undefined => {
      const t = plan.tables.find((x) => inside(tableRect(x), row, col));
      return t && { name: t.name, headers: t.columns.map((c) => c.header) };
    };
    for (const c of planCells(plan, "structured")) {
      if (!c.formula) continue;
      const problem = structuredRefProblem(c.formula, known, ownOf(c.row, c.col));
      if (problem) throw new ExcelRuleError("InvalidArgument", `${c.formula} in ${plan.name}: ${problem}`);
    }
  }

  private apply(plan: SheetPlan, replaces: string | undefined, activate = true): SheetRef {
    this.check(plan, replaces ? this.workbook.sheet(replaces) : undefined);
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
    return this.guarded("add the Tender sheet", () =>
      this.apply(tenderSheetPlan(tender, { sheet: target.name, table }), undefined),
    );
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
  ): Result<SheetRef> {
    const target = chooseTarget(kind, this.existing(), replace ?? true);
    const tables = this.tables();
    const plan = build(target.name, (wanted, suffixes) =>
      suffixes
        ? chooseTablePrefix(wanted, suffixes, tables, target.replaces)
        : chooseTableName(wanted, tables, target.replaces),
    );
    return this.guarded(`write the ${plan.name} sheet`, () =>
      this.apply(plan, target.replaces, activate ?? true),
    );
  }

  /** An Excel rule broken comes back as Excel's would: our message for its code. */
  private guarded(what: string, write: () => SheetRef): Result<SheetRef> {
    try {
      return { ok: true, value: write() };
    } catch (e) {
      if (!(e instanceof ExcelRuleError)) throw e;
      return { ok: false, errors: [workbookError(what, e)] };
    }
  }

  async writeAllocation(report: CheckedTender, options: AllocationOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report, options.tolerance);
    return this.write(
      "allocation",
      options.replace,
      (sheet, table) => allocationSheetPlan(view, { sheet, table: table("Allocation") }),
      options.activate,
    );
  }

  async writePhasing(report: CheckedTender, options: WriteOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report);
    return this.write(
      "phasing",
      options.replace,
      (sheet, table) =>
        phasingSheetPlan(view, { sheet, tablePrefix: table("Phasing", PHASING_TABLE_SUFFIXES) }),
      options.activate,
    );
  }

  async writeSummary(report: CheckedTender, options: SummaryOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report, options.tolerance);
    const source = this.source;
    return this.write(
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
  }

  async createActualsSheet(tender?: Tender, lines: readonly ActualLine[] = []): Promise<Result<SheetRef>> {
    return this.write("actuals", false, (sheet, table) =>
      actualsSheetPlan(tender, { sheet, table: table("Actuals") }, lines),
    );
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
    return this.write(
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
    // As the Office.js host: a sheet-qualified address, on a sheet that exists.
    const p = parseAddress(address);
    if (!p?.sheet) return failure(address, `"${address}" is not a cell address; write it like Tender!B5`);
    const sheet = this.workbook.sheet(p.sheet);
    if (!sheet) return failure(address, `there is no sheet "${p.sheet}" in this workbook any more`);
    this.workbook.select(qualified(sheet.name, rangeAddress(p.rect)));
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
