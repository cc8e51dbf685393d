/**
 * The WorkbookDriver over Office.js: each method one Excel.run with one context.sync() (two where
 * noted). Only the properties a method needs are loaded, recalculation is suspended while writing,
 * and the add-in tags its own sheets with a hidden workbook name that follows the sheet if renamed.
 */
import { cellAddress, parseAddress, rangeAddress, type Rect } from "../a1";
import type { SheetKind, SheetPlan } from "../layout/plan";
import { TAG_PREFIX, tagName } from "../driver";
import type * as D from "../driver";
import { queuePlan, queueRows } from "./queue-plan";
import { MIN_EXCEL_API, requirementMessage, type RequirementChecker } from "./requirements";
import type { CellValue } from "../../domain/tables/lots-table";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeDriverOptions {
  /** Excel.run, or a stand-in in tests. */
  run?: ExcelRun;
  /** Office.context.requirements, or a stand-in in tests. */
  requirements?: RequirementChecker;
}

function rectOf(range: {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}): Rect {
  return {
    r0: range.rowIndex,
    c0: range.columnIndex,
    r1: range.rowIndex + range.rowCount - 1,
    c1: range.columnIndex + range.columnCount - 1,
  };
}

export class OfficeDriver implements D.WorkbookDriver {
  readonly host = "excel" as const;

  constructor(private readonly options: OfficeDriverOptions = {}) {}

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.options.run ? this.options.run(batch) : Excel.run(batch);
  }

  private supported(version = MIN_EXCEL_API): boolean {
    const req =
      this.options.requirements ?? (typeof Office !== "undefined" ? Office.context?.requirements : undefined);
    return req !== undefined && req.isSetSupported("ExcelApi", version);
  }

  unavailable(): string | undefined {
    return this.supported() ? undefined : requirementMessage();
  }

  /** Whatever Excel.run throws is Excel's refusal (OfficeExtension.Error), given our message by code. */
  isWorkbookError(): boolean {
    return true;
  }

  survey(): Promise<D.Survey> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/position");
      const names = context.workbook.names.load("items/name,items/formula");
      const tables = context.workbook.tables.load("items/name,items/showTotals,items/worksheet/name");
      await context.sync();
      const owners = new Map<string, SheetKind>();
      const tags = new Set<string>();
      for (const n of names.items) {
        if (!n.name.startsWith(TAG_PREFIX)) continue;
        tags.add(n.name);
        const kind = n.name.slice(TAG_PREFIX.length) as SheetKind;
        const target = typeof n.formula === "string" ? parseAddress(n.formula.replace(/^=/, "")) : undefined;
        if (target?.sheet) owners.set(target.sheet.toLowerCase(), kind);
      }
      return {
        existing: sheets.items.map((s) => {
          const owner = owners.get(s.name.toLowerCase());
          return owner ? { name: s.name, owner } : { name: s.name };
        }),
        positions: new Map(sheets.items.map((s) => [s.name, s.position])),
        tags,
        tables: tables.items.map((t) => ({
          name: t.name,
          sheet: t.worksheet.name,
          showTotals: t.showTotals,
        })),
        names: names.items.map((n) => n.name),
      };
    });
  }

  usedRange(sheet: string): Promise<Rect | undefined> {
    return this.run(async (context) => {
      const used = context.workbook.worksheets
        .getItem(sheet)
        .getUsedRangeOrNullObject(true)
        .load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      return used.isNullObject ? undefined : rectOf(used);
    });
  }

  selection(): Promise<D.Selected | undefined> {
    return this.run(async (context) => {
      const selected = context.workbook
        .getSelectedRange()
        .load("rowIndex,columnIndex,rowCount,columnCount,cellCount");
      const sheet = selected.worksheet.load("name");
      const tables = selected.getTables(false).load("items/name");
      const region = selected.getSurroundingRegion().load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      const table = tables.items[0]?.name;
      return {
        sheet: sheet.name,
        rect: rectOf(selected),
        cellCount: selected.cellCount,
        region: rectOf(region),
        ...(table ? { table } : {}),
      };
    });
  }

  tableRanges(names: readonly string[]): Promise<D.TableRange[]> {
    return this.run(async (context) => {
      const loaded = names.map((name) => {
        const t = context.workbook.tables.getItem(name).load("showTotals");
        return {
          t,
          sheet: t.worksheet.load("name"),
          header: t.getHeaderRowRange().load("values"),
          range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
        };
      });
      await context.sync();
      return loaded.map(({ t, sheet, header, range }) => ({
        header: (header.values[0] ?? []) as CellValue[],
        rect: rectOf(range),
        showTotals: t.showTotals,
        sheet: sheet.name,
      }));
    });
  }

  readRange(sheet: string, rect: Rect): Promise<CellValue[][] | null> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(rangeAddress(rect)).load("values");
      await context.sync();
      return (range.values as CellValue[][] | null) ?? null;
    });
  }

  private suspendCalculation(context: Excel.RequestContext): void {
    if (this.supported("1.6")) context.application.suspendApiCalculationUntilNextSync();
  }

  writeSheet(plan: SheetPlan, building: string, request: D.SheetRequest): Promise<void> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      this.suspendCalculation(context);
      const ws = request.create ? sheets.add(building) : sheets.getItem(building);
      if (request.create) queuePlan(ws, plan);
      for (const block of request.rows) queueRows(ws, plan, block);
      // The swap, queued after the last of the build: a batch stops at its first failure, so the
      // earlier sheet is deleted only once everything before it has been written.
      if (request.finish) this.queueFinish(context, ws, request.finish);
      await context.sync();
    });
  }

  private queueFinish(context: Excel.RequestContext, ws: Excel.Worksheet, f: D.SheetFinish): void {
    if (f.replaces) {
      context.workbook.worksheets.getItem(f.replaces).delete();
      ws.name = f.name;
      ws.position = f.position ?? 0;
      for (const [from, to] of f.renames) ws.tables.getItem(from).name = to;
    }
    const tag = tagName(f.kind);
    if (f.tagged) context.workbook.names.getItem(tag).delete();
    const named = context.workbook.names.add(
      tag,
      ws.getRange("A1"),
      `Sheet created by Tender Budget (${f.kind})`,
    );
    named.visible = false;
    if (f.activate) ws.activate();
  }

  /** In a batch of its own (a failed one is spent). */
  discard(building: string, replaces?: string): Promise<void> {
    return this.run(async (context) => {
      const built = context.workbook.worksheets.getItemOrNullObject(building).load("name");
      const earlier = replaces
        ? context.workbook.worksheets.getItemOrNullObject(replaces).load("name")
        : undefined;
      await context.sync();
      if (built.isNullObject || earlier?.isNullObject) return;
      built.delete();
      await context.sync();
    });
  }

  readPart(namespace: string, text = true): Promise<D.PartRead> {
    return this.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(namespace).load("items/id");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const read: D.PartRead = { ids: parts.items.map((p) => p.id), sheets: sheets.items.map((s) => s.name) };
      if (!text || parts.items.length === 0) return read;
      const xml = parts.items[0].getXml();
      await context.sync();
      return { ...read, xml: xml.value };
    });
  }

  private fillRange(context: Excel.RequestContext, address: string): Excel.Range | undefined {
    const p = parseAddress(address);
    if (!p?.sheet) return undefined;
    return context.workbook.worksheets.getItem(p.sheet).getRange(cellAddress(p.rect.r0, p.rect.c0));
  }

  readFills(addresses: readonly string[]): Promise<Map<string, string | undefined>> {
    return this.run(async (context) => {
      const fills = addresses.map(
        (a) => [a, this.fillRange(context, a)?.format.fill.load("color,pattern")] as const,
      );
      await context.sync();
      return new Map(
        fills.map(([a, fill]) => [
          a,
          !fill || fill.pattern === "None" || fill.color === undefined ? undefined : fill.color.toUpperCase(),
        ]),
      );
    });
  }

  writeFills(
    changes: readonly D.FillChange[],
    part?: { namespace: string; xml: string; replaces: readonly string[] },
  ): Promise<void> {
    return this.run(async (context) => {
      for (const c of changes) {
        const fill = this.fillRange(context, c.address)?.format.fill;
        if (!fill) continue;
        if (c.fill === undefined) fill.clear();
        else fill.color = c.fill;
      }
      if (part) {
        for (const id of part.replaces) context.workbook.customXmlParts.getItem(id).delete();
        context.workbook.customXmlParts.add(part.xml);
      }
      await context.sync();
    });
  }

  select(sheet: string, rect: Rect): Promise<boolean> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet).load("name");
      await context.sync();
      if (ws.isNullObject) return false;
      ws.activate();
      ws.getRange(rangeAddress(rect)).select();
      await context.sync();
      return true;
    });
  }
}
