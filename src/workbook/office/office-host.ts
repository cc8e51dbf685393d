/**
 * The WorkbookPort inside Excel, over Office.js. Each command makes a fixed number of context.sync()
 * calls whatever the number of lots: one to survey the workbook (sheets, the add-in's tags, table names),
 * one to write; a write of more rows than fit in one request (Excel on the web's 5 MB limit, reached
 * past ~10,000 lots) goes in further blocks of rows, one sync each. Reads likewise: the range's geometry
 * first, then its values in blocks of rows (one block up to 100,000 cells, e.g. 10,000 lots; blocks.ts),
 * one sync each, so no response passes 5 MB either. Only the properties a command needs
 * are loaded, recalculation is suspended while writing, and sheets the add-in did not create are never
 * written to: it tags its own sheets with a hidden workbook name that follows the sheet if renamed.
 */
import { cellAddress, columnLetter, parseAddress, qualified, rangeAddress, type Rect } from "../a1";
import { allocationSheetPlan } from "../layout/allocation-sheet";
import {
  actualsLineRef,
  actualsSheetPlan,
  readActualsGrid,
  type ActualsSource,
} from "../layout/actuals-sheet";
import { budgetSheetPlan } from "../layout/budget-sheet";
import { PHASING_TABLE_SUFFIXES, phasingSheetPlan } from "../layout/phasing-sheet";
import {
  FORMATS,
  tableBodyRect,
  type CellStyle,
  type Scalar,
  type SheetKind,
  type SheetPlan,
  type TablePlan,
} from "../layout/plan";
import { reportView, type CheckedTender } from "../layout/report-view";
import { summarySheetPlan } from "../layout/summary-sheet";
import {
  locatePath,
  readLotsGrid,
  readTenderGrid,
  tenderSheetPlan,
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
  type ExistingSheet,
} from "../targets";
import { todayIso } from "../today";
import {
  blocksOf,
  DEFAULT_BLOCK_BYTES,
  gridBytes,
  nextReadRows,
  REQUEST_LIMIT_BYTES,
  type ReadMeasure,
} from "./blocks";
import { MIN_EXCEL_API, requirementMessage, type RequirementChecker } from "./requirements";
import { excelSerialToIso } from "../../domain/core/calendar";
import type { ActualLine, ActualsReport } from "../../domain/actuals";
import type { CellValue } from "../../domain/tables/lots-table";
import type { Finding, Result, Tender } from "../../domain/core/types";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficePortOptions {
  /** Excel.run, or a stand-in in tests. */
  run?: ExcelRun;
  /** Office.context.requirements, or a stand-in in tests. */
  requirements?: RequirementChecker;
  today?: () => string;
  /** Largest block of table rows written in one request, in bytes of serialised values. */
  blockBytes?: number;
  /** Bytes a block of rows read in one response aims at, once the first block's size is measured. */
  readBlockBytes?: number;
}

/** The hidden workbook name tagging the add-in's sheet of a kind; it refers to the sheet's A1. */
export function tagName(kind: SheetKind): string {
  return `TenderBudget_${kind}`;
}

const TAG_PREFIX = "TenderBudget_";

/**
 * A selection larger than this is refused rather than read (in blocks): it is whole columns or sheets,
 * not a lots table.
 */
export const MAX_READ_CELLS = 1_000_000;

/**
 * Month names Excel reads as part of a date ("Apr 2018", "1 March"), and the a.m./p.m. of a time, with
 * the character before them (no lookbehind: older WebKit in Excel for Mac cannot parse one).
 */
const DATE_WORDS =
  /(^|[^\p{L}])(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|[ap]\.?m\.?)(?!\p{L})/giu;

/**
 * Whether Excel, reading `text` written to `values` as if it were typed into a cell not formatted as
 * text, could store something else: a number ("00123", "1,200", "5%", "£960", "1e5"), a date or time
 * ("31/08/2017", "2018-04", "Apr 2018", "9:30 am"), TRUE or FALSE, an error value ("#N/A"), or lose
 * a leading apostrophe. Errs towards yes: text with a digit and no letters other than month names.
 */
export function excelWouldConvert(text: string): boolean {
  const t = text.trim();
  if (/^['#]/.test(t) || /^(true|false)$/i.test(t)) return true;
  if (!/\d/.test(t)) return false;
  return !/\p{L}/u.test(t.replace(/\d[eE][+-]?\d/g, "0").replace(DATE_WORDS, "$1"));
}

/**
 * A value as written to `values`. Text that Excel would take for a formula is written with a leading
 * apostrophe (kept as typed) in any cell; so is text it would turn into a number, date or TRUE, unless
 * the cell is formatted as text ("@", set before the value).
 */
function safe(v: Scalar, numberFormat?: string): string | number | boolean {
  if (v === null) return "";
  if (typeof v !== "string") return v;
  if (/^[=+\-@]/.test(v)) return `'${v}`;
  return numberFormat !== FORMATS.text && excelWouldConvert(v) ? `'${v}` : v;
}

const CHAR_POINTS = 5.6;

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font;
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = style.fontColor;
  if (style.fill) range.format.fill.color = style.fill;
  if (style.wrap) range.format.wrapText = true;
  if (style.align)
    range.format.horizontalAlignment =
      style.align === "left" ? "Left" : style.align === "right" ? "Right" : "Center";
}

/** Queue a table; returns the writes of its data rows, block by block (the first to be queued now). */
function queueTable(ws: Excel.Worksheet, t: TablePlan, blockBytes: number): (() => void)[] {
  const width = t.columns.length;
  const last = t.col + width - 1;
  ws.getRange(rangeAddress({ r0: t.row, c0: t.col, r1: t.row, c1: last })).values = [
    t.columns.map((c) => safe(c.header)),
  ];
  const body = tableBodyRect(t);
  const table = ws.tables.add(rangeAddress({ r0: t.row, c0: t.col, r1: body.r1, c1: last }), true);
  table.name = t.name;
  table.style = t.style;

  // Formats and calculated-column formulas go on the first data row and are copied down: a few bytes
  // in the request however many rows the table has.
  const first: Rect = { r0: body.r0, c0: t.col, r1: body.r0, c1: last };
  ws.getRange(rangeAddress(first)).numberFormat = [t.columns.map((c) => c.numberFormat ?? "General")];
  const formulaCols: number[] = [];
  t.columns.forEach((c, i) => {
    if (c.formula) {
      formulaCols.push(i);
      ws.getRange(cellAddress(body.r0, t.col + i)).formulas = [[c.formula.structured]];
    }
  });
  if (body.r1 > body.r0) {
    const rest = (c0: number, c1: number): Excel.Range =>
      ws.getRange(rangeAddress({ r0: body.r0 + 1, c0, r1: body.r1, c1 }));
    rest(t.col, last).copyFrom(ws.getRange(rangeAddress(first)), "Formats");
    for (const i of formulaCols) {
      rest(t.col + i, t.col + i).copyFrom(ws.getRange(cellAddress(body.r0, t.col + i)), "Formulas");
    }
  }
  if (t.showTotals) {
    table.showTotals = true;
    const r = body.r1 + 1;
    t.columns.forEach((c, i) => {
      const cell = ws.getRange(cellAddress(r, t.col + i));
      if (!c.total) {
        cell.values = [[""]];
        return;
      }
      if (c.total.formula) cell.formulas = [[c.total.formula.structured]];
      else cell.values = [[safe(c.total.label ?? c.total.value, c.total.numberFormat)]];
      if (c.total.numberFormat) cell.numberFormat = [[c.total.numberFormat]];
    });
  }

  // Constant columns in runs of adjacent columns; calculated columns are left to their formulas.
  const runs: [number, number][] = [];
  for (let i = 0; i < width; i++) {
    if (t.columns[i].formula) continue;
    const prev = runs[runs.length - 1];
    if (prev && prev[1] === i - 1) prev[1] = i;
    else runs.push([i, i]);
  }
  const rows = t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
  const constantOnly = rows.map((row) => runs.flatMap(([a, b]) => row.slice(a, b + 1)));
  return blocksOf(constantOnly, blockBytes).map(([s, e]) => () => {
    for (const [a, b] of runs) {
      const rect: Rect = { r0: body.r0 + s, c0: t.col + a, r1: body.r0 + e - 1, c1: t.col + b };
      const values: (string | number | boolean)[][] = new Array(e - s);
      for (let r = s; r < e; r++) {
        const row = rows[r];
        const out: (string | number | boolean)[] = new Array(b - a + 1);
        for (let c = a; c <= b; c++) out[c - a] = safe(row[c] ?? null, t.columns[c].numberFormat);
        values[r - s] = out;
      }
      ws.getRange(rangeAddress(rect)).values = values;
    }
  });
}

/** Queue a whole sheet plan on an empty worksheet; returns the later blocks of table rows. */
export function queuePlan(
  ws: Excel.Worksheet,
  plan: SheetPlan,
  blockBytes = DEFAULT_BLOCK_BYTES,
): (() => void)[] {
  plan.columnWidths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = Math.round(w * CHAR_POINTS + 5);
  });
  for (const c of plan.cells) {
    const range = ws.getRange(cellAddress(c.row, c.col));
    if (c.numberFormat) range.numberFormat = [[c.numberFormat]];
    if (c.formula) range.formulas = [[c.formula.structured]];
    else range.values = [[safe(c.value, c.numberFormat)]];
    if (c.style) applyStyle(range, c.style);
  }
  const later: (() => void)[] = [];
  for (const t of plan.tables) {
    const blocks = queueTable(ws, t, blockBytes);
    blocks[0]?.();
    later.push(...blocks.slice(1));
  }
  for (const v of plan.validations) {
    const dv = ws.getRange(rangeAddress(v.rect)).dataValidation;
    const rule = v.rule;
    if (rule.type === "decimal") {
      dv.rule =
        rule.max === undefined
          ? { decimal: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } }
          : { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    } else if (rule.type === "date") {
      dv.rule = {
        date: {
          formula1: excelSerialToIso(rule.min),
          formula2: excelSerialToIso(rule.max),
          operator: "Between",
        },
      };
    } else {
      dv.rule = { list: { inCellDropDown: true, source: rule.values.join(",") } };
    }
    dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
  }
  for (const cf of plan.conditionalFormats) {
    const format = ws.getRange(rangeAddress(cf.rect)).conditionalFormats.add("Custom");
    format.custom.rule.formula = cf.formula.structured;
    format.custom.format.fill.color = cf.fill;
    format.custom.format.font.color = cf.fontColor;
  }
  for (const ch of plan.charts) {
    const chart = ws.charts.add(
      ch.type === "bar" ? "BarClustered" : ch.type === "line" ? "Line" : "ColumnClustered",
      ws.getRange(rangeAddress(ch.values)),
      "Columns",
    );
    chart.title.text = ch.title;
    chart.legend.visible = ch.seriesNames !== undefined;
    const series = chart.series.getItemAt(0);
    series.setXAxisValues(ws.getRange(rangeAddress(ch.categories)));
    series.name = ch.seriesNames?.[0] ?? ch.seriesName;
    ch.seriesNames?.slice(1).forEach((name, i) => (chart.series.getItemAt(i + 1).name = name));
    chart.setPosition(
      cellAddress(ch.anchor.row, ch.anchor.col),
      cellAddress(ch.anchor.row + ch.size.rows - 1, ch.anchor.col + ch.size.cols - 1),
    );
  }
  if (plan.print) {
    const p = plan.print;
    const layout = ws.pageLayout;
    layout.setPrintArea(rangeAddress(p.area));
    layout.orientation = p.landscape ? "Landscape" : "Portrait";
    if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
    const esc = (s: string): string => s.replace(/&/g, "&&");
    layout.headersFooters.defaultForAllPages.centerHeader = esc(p.header.center);
    layout.headersFooters.defaultForAllPages.rightHeader = esc(p.header.right);
  }
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  return later;
}

interface Survey {
  existing: ExistingSheet[];
  positions: Map<string, number>;
  tags: Set<string>;
  tables: { name: string; sheet: string }[];
}

function loadSurvey(context: Excel.RequestContext): () => Survey {
  const sheets = context.workbook.worksheets.load("items/name,items/position");
  const names = context.workbook.names.load("items/name,items/formula");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  return () => {
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
      tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    };
  };
}

/** The add-in's Actuals sheet, else a sheet named Actuals. */
function actualsSheetOf(s: Survey): string | undefined {
  return (
    s.existing.find((x) => x.owner === "actuals") ??
    s.existing.find((x) => x.name.toLowerCase() === "actuals")
  )?.name;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The error Excel on the web gives for a request or response over its 5 MB limit. */
function overLimit(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || /payload\s*size|size\s*limit/i.test(messageOf(e));
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

/**
 * The values of `rect` on a sheet, loaded in blocks of rows so that no response passes Excel on the web's
 * 5 MB: one sync per block, the first block up to 100,000 cells, later ones sized from the bytes per row
 * measured so far (blocks.ts `nextReadRows`). A block Excel could not send (the size-limit error, or
 * `values === null`) is read again in halves; a single row still too large is a message naming it.
 */
export async function loadValuesInBlocks(
  context: Excel.RequestContext,
  sheet: string,
  rect: Rect,
  blockBytes = DEFAULT_BLOCK_BYTES,
): Promise<Result<CellValue[][]>> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const columns = rect.c1 - rect.c0 + 1;
  const out: CellValue[][] = [];
  const measure: ReadMeasure = { bytesPerRow: 0, maxRows: Number.MAX_SAFE_INTEGER };
  let r = rect.r0;
  while (r <= rect.r1) {
    const rows = Math.min(nextReadRows(columns, measure, blockBytes), rect.r1 - r + 1);
    const block: Rect = { r0: r, c0: rect.c0, r1: r + rows - 1, c1: rect.c1 };
    const range = ws.getRange(rangeAddress(block)).load("values");
    let values: CellValue[][] | null = null;
    try {
      await context.sync();
      values = range.values as CellValue[][] | null;
    } catch (e) {
      if (!overLimit(e)) throw e;
    }
    if (!values) {
      if (rows === 1) {
        return failure(
          qualified(sheet, rangeAddress(block)),
          `row ${r + 1} of ${sheet} is too large for Excel to send in one response (Excel on the web's limit ` +
            `is ${REQUEST_LIMIT_BYTES / 1024 / 1024} MB); shorten the long text in that row, or read the ` +
            `tender in Excel for Windows or Mac`,
        );
      }
      measure.maxRows = Math.floor(rows / 2);
      continue;
    }
    measure.bytesPerRow = Math.max(measure.bytesPerRow, Math.ceil(gridBytes(values) / rows));
    for (const row of values) out.push(row);
    r += rows;
  }
  return { ok: true, value: out };
}

export class OfficeWorkbookPort implements WorkbookPort {
  readonly host = "excel" as const;
  private source?: TenderSource;
  private actualsSource?: ActualsSource;
  private readonly options: OfficePortOptions;

  constructor(options: OfficePortOptions = {}) {
    this.options = options;
  }

  private get run(): ExcelRun {
    return this.options.run ?? ((batch) => Excel.run(batch));
  }

  private supported(version = MIN_EXCEL_API): boolean {
    const req =
      this.options.requirements ?? (typeof Office !== "undefined" ? Office.context?.requirements : undefined);
    return req !== undefined && req.isSetSupported("ExcelApi", version);
  }

  /** Check the API version, run a batch, and turn any Office error into a message saying what failed. */
  private async guarded<T>(
    what: string,
    batch: (context: Excel.RequestContext) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    if (!this.supported()) return failure("Excel", requirementMessage());
    try {
      return await this.run(batch);
    } catch (e) {
      return failure(
        "workbook",
        `Excel could not ${what}: ${messageOf(e)}. Check the workbook, then try again.`,
      );
    }
  }

  private suspendCalculation(context: Excel.RequestContext): void {
    if (this.supported("1.6")) context.application.suspendApiCalculationUntilNextSync();
  }

  /** Survey, then write one plan (replacing the add-in's own sheet of that kind when asked). */
  private writePlan(
    kind: SheetKind,
    what: string,
    options: WriteOptions,
    build: (
      sheet: string,
      table: (wanted: string, suffixes?: readonly string[]) => string,
      survey: Survey,
    ) => SheetPlan | Result<never>,
  ): Promise<Result<SheetRef>> {
    return this.guarded(what, async (context) => {
      const survey = loadSurvey(context);
      await context.sync();
      const s = survey();
      const target = chooseTarget(kind, s.existing, options.replace ?? true);
      const plan = build(
        target.name,
        (wanted, suffixes) =>
          suffixes
            ? chooseTablePrefix(wanted, suffixes, s.tables, target.replaces)
            : chooseTableName(wanted, s.tables, target.replaces),
        s,
      );
      // Nothing is written when the plan cannot be made.
      if ("ok" in plan) return plan;

      this.suspendCalculation(context);
      const sheets = context.workbook.worksheets;
      let ws: Excel.Worksheet;
      if (target.replaces) {
        const temporary = chooseTarget(kind, [...s.existing, { name: `${target.name} new` }], false).name;
        ws = sheets.add(temporary);
        ws.position = s.positions.get(target.replaces) ?? 0;
        sheets.getItem(target.replaces).delete();
        ws.name = target.name;
      } else {
        ws = sheets.add(target.name);
      }
      const later = queuePlan(ws, plan, this.options.blockBytes);
      const tag = tagName(kind);
      if (s.tags.has(tag)) context.workbook.names.getItem(tag).delete();
      const named = context.workbook.names.add(
        tag,
        ws.getRange("A1"),
        `Sheet created by Tender Budget (${kind})`,
      );
      named.visible = false;
      if (options.activate ?? true) ws.activate();
      await context.sync();
      for (const block of later) {
        this.suspendCalculation(context);
        block();
        await context.sync();
      }
      return { ok: true, value: { kind, name: target.name, replaced: target.replaces !== undefined } };
    });
  }

  createTenderSheet(tender?: Tender): Promise<Result<SheetRef>> {
    return this.writePlan("tender", "add the Tender sheet", { replace: false }, (sheet, table) =>
      tenderSheetPlan(tender, { sheet, table: table("TenderLots") }),
    );
  }

  writeAllocation(report: CheckedTender, options: AllocationOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report, options.tolerance);
    return this.writePlan("allocation", "write the Allocation sheet", options, (sheet, table) =>
      allocationSheetPlan(view, { sheet, table: table("Allocation") }),
    );
  }

  writePhasing(report: CheckedTender, options: WriteOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report);
    return this.writePlan("phasing", "write the Phasing sheet", options, (sheet, table) =>
      phasingSheetPlan(view, { sheet, tablePrefix: table("Phasing", PHASING_TABLE_SUFFIXES) }),
    );
  }

  writeSummary(report: CheckedTender, options: SummaryOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report, options.tolerance);
    const source = this.source;
    const today = options.today ?? (this.options.today ?? todayIso)();
    return this.writePlan("summary", "write the Tender summary sheet", options, (sheet) =>
      summarySheetPlan(view, { sheet, today, where: source ? (p) => locatePath(source, p) : undefined }),
    );
  }

  createActualsSheet(tender?: Tender, lines: readonly ActualLine[] = []): Promise<Result<SheetRef>> {
    return this.writePlan("actuals", "add the Actuals sheet", { replace: false }, (sheet, table) =>
      actualsSheetPlan(tender, { sheet, table: table("Actuals") }, lines),
    );
  }

  /** Sync 1: sheets and tags; sync 2: the Actuals sheet's values. */
  async readActuals(): Promise<Result<ActualLine[]>> {
    const read = await this.guarded("read the invoices", async (context) => {
      const survey = loadSurvey(context);
      await context.sync();
      const sheet = actualsSheetOf(survey());
      if (!sheet)
        return failure<{ lines: ActualLine[]; source: ActualsSource }>("workbook", NO_ACTUALS_SHEET);
      // Geometry first, then the values in blocks under the 5 MB response limit (as tender reads do).
      const used = context.workbook.worksheets
        .getItem(sheet)
        .getUsedRangeOrNullObject(true)
        .load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) {
        return failure<{ lines: ActualLine[]; source: ActualsSource }>(
          qualified(sheet, "A1"),
          `the ${sheet} sheet is empty; paste the invoices into it`,
        );
      }
      const values = await loadValuesInBlocks(context, sheet, rectOf(used), this.options.readBlockBytes);
      if (!values.ok) return values;
      return readActualsGrid(values.value, sheet, { row: used.rowIndex, col: used.columnIndex });
    });
    if (!read.ok) return read;
    this.actualsSource = read.value.source;
    return { ok: true, value: read.value.lines };
  }

  actualsLineRef(): ((index: number) => string) | undefined {
    return this.actualsSource ? actualsLineRef(this.actualsSource) : undefined;
  }

  writeBudgetVsActual(
    report: CheckedTender,
    actuals: ActualsReport,
    options: WriteOptions = {},
  ): Promise<Result<SheetRef>> {
    return this.writePlan("budget", "write the Budget vs actual sheet", options, (sheet, table, s) => {
      const source = actualsSheetOf(s);
      const t = source ? s.tables.find((x) => x.sheet.toLowerCase() === source.toLowerCase()) : undefined;
      if (!source || !t) return failure("workbook", NO_ACTUALS_SHEET);
      return budgetSheetPlan(report.tender, actuals, report.phasing, {
        sheet,
        table: table("BudgetVsActual"),
        actuals: { table: t.name, sheet: source },
      });
    });
  }

  async readTender(options: ReadTenderOptions): Promise<Result<Tender>> {
    const read = await this.guarded("read the tender", (context) =>
      options.from === "selection"
        ? this.readSelection(context, options.base)
        : options.from === "table"
          ? this.readAnyTable(context, options.base)
          : this.readTenderSheet(context),
    );
    if (!read.ok) return read;
    this.source = read.value.source;
    return { ok: true, value: read.value.tender };
  }

  /** Sync 1: sheets and tags; sync 2: the Tender sheet's used range; sync 3 on: its values (blocks). */
  private async readTenderSheet(
    context: Excel.RequestContext,
  ): Promise<Result<{ tender: Tender; source: TenderSource }>> {
    const survey = loadSurvey(context);
    await context.sync();
    const s = survey();
    const sheet =
      s.existing.find((x) => x.owner === "tender") ??
      s.existing.find((x) => x.name.toLowerCase() === "tender");
    if (!sheet) {
      return failure(
        "workbook",
        'there is no Tender sheet; add one with "New tender sheet", or select a lots table',
      );
    }
    const used = context.workbook.worksheets
      .getItem(sheet.name)
      .getUsedRangeOrNullObject(true)
      .load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    if (used.isNullObject) {
      return failure(
        qualified(sheet.name, "A1"),
        `the ${sheet.name} sheet is empty; fill in the tender and its lots`,
      );
    }
    const values = await loadValuesInBlocks(context, sheet.name, rectOf(used), this.options.readBlockBytes);
    if (!values.ok) return values;
    return readTenderGrid(values.value, sheet.name, { row: used.rowIndex, col: used.columnIndex });
  }

  /**
   * Sync 1: tables and tags; sync 2: their header rows and ranges; sync 3 on: the first lots table's
   * values (one sync up to 100,000 cells).
   */
  private async readAnyTable(
    context: Excel.RequestContext,
    base?: Partial<Tender>,
  ): Promise<Result<{ tender: Tender; source: TenderSource }>> {
    const survey = loadSurvey(context);
    const tables = context.workbook.tables.load("items/name,items/showTotals,items/worksheet/name");
    await context.sync();
    const output = new Set(
      survey()
        .existing.filter((s) => s.owner && OUTPUT_KINDS.has(s.owner))
        .map((s) => s.name.toLowerCase()),
    );
    const candidates = tables.items.filter((t) => !output.has(t.worksheet.name.toLowerCase()));
    const headers = candidates.map((t) => t.getHeaderRowRange().load("values"));
    const ranges = candidates.map((t) => t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"));
    await context.sync();
    const i = headers.findIndex((h) => looksLikeLotsTable(h.values[0] ?? []));
    if (i < 0) return failure("workbook", NO_LOTS_TABLE);
    const table = candidates[i];
    const rect = rectOf(ranges[i]);
    if (table.showTotals) rect.r1 -= 1;
    const sheet = table.worksheet.name;
    const values = await loadValuesInBlocks(context, sheet, rect, this.options.readBlockBytes);
    if (!values.ok) return values;
    return readLotsGrid(values.value, sheet, { row: rect.r0, col: rect.c0 }, base);
  }

  /**
   * Sync 1: the selection, its region and tables; sync 2 on: the values (one sync up to 100,000 cells).
   * A selection inside a table reads the whole table, whose extent takes one more sync.
   */
  private async readSelection(
    context: Excel.RequestContext,
    base?: Partial<Tender>,
  ): Promise<Result<{ tender: Tender; source: TenderSource }>> {
    const selected = context.workbook
      .getSelectedRange()
      .load("rowIndex,columnIndex,rowCount,columnCount,cellCount");
    const sheet = selected.worksheet.load("name");
    const tables = selected.getTables(false).load("items/name,items/showTotals");
    const region = selected
      .getSurroundingRegion()
      .load("rowIndex,columnIndex,rowCount,columnCount,cellCount");
    await context.sync();

    let rect: Rect;
    const table = tables.items[0];
    if (table) {
      // The table's extent is known only now: one more sync for it.
      const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      rect = rectOf(range);
      if (table.showTotals) rect.r1 -= 1;
    } else {
      const single = selected.cellCount === 1;
      const from = single ? region : selected;
      rect = rectOf(from);
      const count = from.cellCount;
      if (count > MAX_READ_CELLS) {
        return failure(
          qualified(sheet.name, rangeAddress(rect)),
          `the selection has ${count.toLocaleString("en-GB")} cells; select just the lots table (up to ${MAX_READ_CELLS.toLocaleString("en-GB")} cells)`,
        );
      }
    }
    const values = await loadValuesInBlocks(context, sheet.name, rect, this.options.readBlockBytes);
    if (!values.ok) return values;
    return readLotsGrid(values.value, sheet.name, { row: rect.r0, col: rect.c0 }, base);
  }

  /** Sync 1 and 2: the highlight record kept in the workbook and its part (to replace). */
  private async loadHighlights(
    context: Excel.RequestContext,
  ): Promise<
    Result<{ previous: Highlight[]; parts: Excel.CustomXmlPartScopedCollection; sheets: Set<string> }>
  > {
    const parts = context.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NAMESPACE).load("items/id");
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    if (parts.items.length === 0) return { ok: true, value: { previous: [], parts, sheets: names } };
    const xml = parts.items[0].getXml();
    await context.sync();
    const read = xmlToHighlights(xml.value);
    if (!read.ok) return read;
    return { ok: true, value: { previous: read.value, parts, sheets: names } };
  }

  private fillOf(context: Excel.RequestContext, address: string): Excel.RangeFill | undefined {
    const p = parseAddress(address);
    if (!p?.sheet) return undefined;
    return context.workbook.worksheets
      .getItem(p.sheet)
      .getRange(cellAddress(p.rect.r0, p.rect.c0))
      .format.fill.load("color,pattern");
  }

  private static fillValue(fill: Excel.RangeFill | undefined): string | undefined {
    if (!fill || fill.pattern === "None" || fill.color === undefined) return undefined;
    return fill.color.toUpperCase();
  }

  private saveHighlights(
    context: Excel.RequestContext,
    parts: Excel.CustomXmlPartScopedCollection,
    next: Highlight[],
  ): void {
    for (const p of parts.items) p.delete();
    context.workbook.customXmlParts.add(highlightsToXml(next));
  }

  /** Restore the fill of previously highlighted cells (still ours, still on an existing sheet). */
  private restore(
    context: Excel.RequestContext,
    previous: readonly Highlight[],
    fills: Map<string, Excel.RangeFill | undefined>,
    keep: ReadonlySet<string>,
  ): void {
    for (const h of previous) {
      const key = normalise(h.address);
      if (keep.has(key)) continue;
      const fill = fills.get(key);
      if (!fill || OfficeWorkbookPort.fillValue(fill) !== HIGHLIGHT_FILL) continue;
      if (h.previousFill === undefined) fill.clear();
      else fill.color = h.previousFill;
    }
  }

  showFindings(findings: Finding[]): Promise<Result<FindingLocation[]>> {
    const source = this.source;
    return this.guarded("highlight the findings", async (context) => {
      const loaded = await this.loadHighlights(context);
      if (!loaded.ok) return loaded;
      const { previous, parts, sheets } = loaded.value;
      const { locations, cells } = locateFindings(findings, source, this.actualsSource);
      const onSheet = (a: string): boolean => sheets.has((parseAddress(a)?.sheet ?? "").toLowerCase());
      const fills = new Map<string, Excel.RangeFill | undefined>();
      for (const a of [...previous.map((h) => h.address), ...cells]) {
        const key = normalise(a);
        if (!fills.has(key) && onSheet(a)) fills.set(key, this.fillOf(context, a));
      }
      await context.sync();
      const targets = cells.filter(onSheet);
      const next = nextHighlights(previous, targets, (a) =>
        OfficeWorkbookPort.fillValue(fills.get(normalise(a))),
      );
      this.restore(context, previous, fills, new Set(next.map((h) => normalise(h.address))));
      for (const h of next) {
        const fill = fills.get(normalise(h.address));
        if (fill) fill.color = HIGHLIGHT_FILL;
      }
      this.saveHighlights(context, parts, next);
      await context.sync();
      return { ok: true, value: locations };
    });
  }

  clearFindings(): Promise<Result<void>> {
    return this.guarded("remove the highlight", async (context) => {
      const loaded = await this.loadHighlights(context);
      if (!loaded.ok) return loaded;
      const { previous, parts, sheets } = loaded.value;
      const fills = new Map<string, Excel.RangeFill | undefined>();
      for (const h of previous) {
        if (sheets.has((parseAddress(h.address)?.sheet ?? "").toLowerCase())) {
          fills.set(normalise(h.address), this.fillOf(context, h.address));
        }
      }
      await context.sync();
      this.restore(context, previous, fills, new Set());
      this.saveHighlights(context, parts, []);
      await context.sync();
      return { ok: true, value: undefined };
    });
  }

  selectCell(address: string): Promise<Result<void>> {
    const p = parseAddress(address);
    if (!p?.sheet) {
      return Promise.resolve(failure(address, `"${address}" is not a cell address; write it like Tender!B5`));
    }
    const sheetName = p.sheet;
    return this.guarded(`select ${address}`, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheetName).load("name");
      await context.sync();
      if (ws.isNullObject)
        return failure(address, `there is no sheet "${sheetName}" in this workbook any more`);
      ws.activate();
      ws.getRange(rangeAddress(p.rect)).select();
      await context.sync();
      return { ok: true, value: undefined };
    });
  }

  saveState(state: SavedState): Promise<Result<void>> {
    return this.guarded("keep the tender in the workbook", async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load("items/id");
      await context.sync();
      for (const part of parts.items) part.delete();
      context.workbook.customXmlParts.add(stateToXml(state));
      await context.sync();
      return { ok: true, value: undefined };
    });
  }

  loadState(): Promise<Result<SavedState | undefined>> {
    return this.guarded<SavedState | undefined>("read the tender kept in the workbook", async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load("items/id");
      await context.sync();
      if (parts.items.length === 0) return { ok: true, value: undefined };
      const xml = parts.items[0].getXml();
      await context.sync();
      return xmlToState(xml.value);
    });
  }
}
