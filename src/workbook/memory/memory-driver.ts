/**
 * The WorkbookDriver over the in-memory workbook: the same requests as in Excel, refused as Excel
 * refuses them (memory/excel-rules.ts), with Excel's codes — names and sheet names, structured
 * references naming tables and columns that exist, arrays matching their range, and Excel on the
 * web's 5 MB per request and per response.
 */
import { parseAddress, qualified, rangeAddress, surroundingRegion, type Rect } from "../a1";
import { fromCellPlan, tableBodyCells, tableEdgeCells, type PlannedCell } from "../layout/cells";
import { tableRect, type SheetPlan, type TablePlan } from "../layout/plan";
import { structuredRefProblem, type KnownTable } from "../layout/structured";
import { tagName } from "../driver";
import type * as D from "../driver";
import { gridBytes } from "../service/blocks";
import { blockRows, requestBytes } from "../service/requests";
import { cellCount, checkPayload, ExcelRuleError, nameProblem } from "./excel-rules";
import { MemorySheet, MemoryWorkbook, type MemoryCell } from "./memory-workbook";
import type { CellValue } from "../../domain/tables/lots-table";

function inside(rect: Rect, row: number, col: number): boolean {
  return row >= rect.r0 && row <= rect.r1 && col >= rect.c0 && col <= rect.c1;
}

function write(sheet: MemorySheet, c: PlannedCell): void {
  const cell: MemoryCell = { value: c.value };
  if (c.formula) cell.formula = c.formula;
  if (c.numberFormat) cell.numberFormat = c.numberFormat;
  if (c.style) cell.style = c.style;
  if (c.style?.fill) cell.fill = c.style.fill;
  sheet.set(c.row, c.col, cell);
}

/** A block of a table's data rows, in one write of the range, as in Excel. */
function writeRows(sheet: MemorySheet, t: TablePlan, b: D.RowBlock): void {
  const width = t.columns.length;
  const cells = [...tableBodyCells(t, "structured", b.start, b.end)];
  const grid = <T>(f: (c: PlannedCell) => T): T[][] =>
    Array.from({ length: b.end - b.start }, (_, i) => cells.slice(i * width, (i + 1) * width).map(f));
  const { r0, r1 } = blockRows(t, b);
  sheet.writeRange(
    { r0, c0: t.col, r1, c1: t.col + width - 1 },
    {
      values: grid((c) => c.value),
      formulas: grid((c) => c.formula ?? null),
      numberFormat: grid((c) => c.numberFormat ?? null),
    },
  );
}

export class MemoryDriver implements D.WorkbookDriver {
  readonly host = "memory" as const;

  constructor(readonly workbook: MemoryWorkbook = new MemoryWorkbook()) {}

  unavailable(): undefined {
    return undefined;
  }

  isWorkbookError(e: unknown): boolean {
    return e instanceof ExcelRuleError;
  }

  private sheetOrFail(name: string): MemorySheet {
    const sheet = this.workbook.sheet(name);
    if (!sheet) throw new ExcelRuleError("ItemNotFound", `there is no sheet ${name}`);
    return sheet;
  }

  async survey(): Promise<D.Survey> {
    const { sheets } = this.workbook;
    const tags = sheets.flatMap((s) => (s.owner ? [tagName(s.owner)] : []));
    return {
      existing: sheets.map((s) => (s.owner ? { name: s.name, owner: s.owner } : { name: s.name })),
      positions: new Map(sheets.map((s, i) => [s.name, i])),
      tags: new Set(tags),
      tables: sheets.flatMap((s) =>
        s.tables.map((t) => ({ name: t.name, sheet: s.name, showTotals: t.showTotals })),
      ),
      names: [...this.workbook.names.keys(), ...tags],
    };
  }

  async usedRange(sheet: string): Promise<Rect | undefined> {
    return this.sheetOrFail(sheet).usedRect();
  }

  async selection(): Promise<D.Selected | undefined> {
    const sel = this.workbook.selection;
    const sheet = sel ? this.workbook.sheet(sel.sheet) : undefined;
    if (!sel || !sheet) return undefined;
    const { rect } = sel;
    const table = sheet.tables.find((t) => inside(t.rect, rect.r0, rect.c0));
    const region = surroundingRegion(
      (r, c) => {
        const v = sheet.cell(r, c)?.value;
        return v !== null && v !== undefined && v !== "";
      },
      rect.r0,
      rect.c0,
    );
    return {
      sheet: sheet.name,
      rect,
      cellCount: cellCount(rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1),
      region,
      ...(table ? { table: table.name } : {}),
    };
  }

  async tableRanges(names: readonly string[]): Promise<D.TableRange[]> {
    return names.map((name) => {
      const lower = name.toLowerCase();
      for (const sheet of this.workbook.sheets) {
        const t = sheet.tables.find((x) => x.name.toLowerCase() === lower);
        if (t) {
          const header = sheet.values({ ...t.rect, r1: t.rect.r0 })[0] ?? [];
          return { header, rect: t.rect, showTotals: t.showTotals, sheet: sheet.name };
        }
      }
      throw new ExcelRuleError("ItemNotFound", `there is no table ${name}`);
    });
  }

  async readRange(sheet: string, rect: Rect): Promise<CellValue[][] | null> {
    const values = this.sheetOrFail(sheet).values(rect);
    checkPayload("Response", gridBytes(values));
    return values;
  }

  /**
   * Refuse, before the sheet is added, a plan Excel would refuse in its first request: a table name
   * against Excel's rules or taken, or a formula whose structured reference names a table or column
   * that would not exist, or is spelled against Microsoft's rules.
   */
  private check(plan: SheetPlan): void {
    for (const t of plan.tables) {
      const problem = nameProblem(t.name);
      if (problem) throw new ExcelRuleError("InvalidArgument", problem);
      if (this.workbook.nameTaken(t.name))
        throw new ExcelRuleError("ItemAlreadyExists", `the name ${t.name} is taken`);
    }
    const known: KnownTable[] = [
      ...this.workbook.sheets.flatMap((s) =>
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
    const formulas = [
      ...plan.cells.map((c) => fromCellPlan(c, "structured")),
      ...plan.tables.flatMap((t) => [
        ...tableEdgeCells(t, "structured"),
        ...tableBodyCells(t, "structured", 0, 1),
      ]),
    ];
    for (const c of formulas) {
      if (!c.formula) continue;
      const problem = structuredRefProblem(c.formula, known, ownOf(c.row, c.col));
      if (problem) throw new ExcelRuleError("InvalidArgument", `${c.formula} in ${plan.name}: ${problem}`);
    }
  }

  async writeSheet(plan: SheetPlan, building: string, request: D.SheetRequest): Promise<void> {
    checkPayload("Request", requestBytes(plan, request));
    if (request.create) {
      this.check(plan);
      const sheet = this.workbook.addSheet(building);
      for (const c of plan.cells) write(sheet, fromCellPlan(c, "structured"));
      for (const t of plan.tables) for (const c of tableEdgeCells(t, "structured")) write(sheet, c);
      sheet.tables = plan.tables.map((t) => ({ name: t.name, rect: tableRect(t), showTotals: t.showTotals }));
      sheet.validations = plan.validations;
      sheet.conditionalFormats = plan.conditionalFormats;
      sheet.charts = plan.charts;
      sheet.columnWidths = plan.columnWidths;
      sheet.print = plan.print;
    }
    const sheet = this.sheetOrFail(building);
    for (const b of request.rows) writeRows(sheet, plan.tables[b.table], b);
    if (request.finish) this.finish(sheet, request.finish);
  }

  private finish(sheet: MemorySheet, f: D.SheetFinish): void {
    if (f.replaces) {
      this.workbook.removeSheet(f.replaces);
      this.workbook.renameSheet(sheet.name, f.name);
      this.workbook.moveSheet(f.name, f.position ?? 0);
      for (const [from, to] of f.renames) this.workbook.renameTable(from, to);
    }
    // The tag moves to the new sheet, as the hidden name does in Excel.
    for (const s of this.workbook.sheets) if (s.owner === f.kind) delete s.owner;
    sheet.owner = f.kind;
    if (f.activate) this.workbook.activeSheet = sheet.name;
  }

  async discard(building: string, replaces?: string): Promise<void> {
    if (!this.workbook.sheet(building)) return;
    if (replaces && !this.workbook.sheet(replaces)) return;
    this.workbook.removeSheet(building);
  }

  async readPart(namespace: string, text = true): Promise<D.PartRead> {
    const xml = this.workbook.customXml.get(namespace);
    const read: D.PartRead = {
      ids: xml === undefined ? [] : [namespace],
      sheets: this.workbook.sheets.map((s) => s.name),
    };
    return text && xml !== undefined ? { ...read, xml } : read;
  }

  private cellAt(address: string): { sheet: MemorySheet; row: number; col: number } | undefined {
    const p = parseAddress(address);
    const sheet = p?.sheet ? this.workbook.sheet(p.sheet) : undefined;
    return p && sheet ? { sheet, row: p.rect.r0, col: p.rect.c0 } : undefined;
  }

  async readFills(addresses: readonly string[]): Promise<Map<string, string | undefined>> {
    const out = new Map<string, string | undefined>();
    for (const a of addresses) {
      const at = this.cellAt(a);
      if (!at) throw new ExcelRuleError("ItemNotFound", `there is no sheet for ${a}`);
      out.set(a, at.sheet.cell(at.row, at.col)?.fill?.toUpperCase());
    }
    return out;
  }

  async writeFills(
    changes: readonly D.FillChange[],
    part?: { namespace: string; xml: string; replaces: readonly string[] },
  ): Promise<void> {
    for (const c of changes) {
      const at = this.cellAt(c.address);
      if (!at) throw new ExcelRuleError("ItemNotFound", `there is no sheet for ${c.address}`);
      const cell = { ...(at.sheet.cell(at.row, at.col) ?? { value: null }) };
      if (c.fill === undefined) delete cell.fill;
      else cell.fill = c.fill;
      at.sheet.set(at.row, at.col, cell);
    }
    if (part) {
      for (const id of part.replaces) this.workbook.customXml.delete(id);
      this.workbook.customXml.set(part.namespace, part.xml);
    }
  }

  async select(sheet: string, rect: Rect): Promise<boolean> {
    const s = this.workbook.sheet(sheet);
    if (!s) return false;
    this.workbook.select(qualified(s.name, rangeAddress(rect)));
    return true;
  }
}
