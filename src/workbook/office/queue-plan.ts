/**
 * Queueing a sheet plan on an Excel worksheet: values, formats, tables, formulas, validation,
 * conditional formats, charts and print settings, as Office.js calls batched for one sync. Plain
 * cells go first, then the tables, then the formula cells (a formula's structured reference must
 * name a table that already exists when it is written). A table's data rows are queued by block
 * (queueRows), in the requests service/requests.ts makes.
 */
import { cellAddress, columnLetter, rangeAddress, type Rect } from "../a1";
import {
  FORMATS,
  tableBodyRect,
  type CellStyle,
  type Scalar,
  type SheetPlan,
  type TablePlan,
} from "../layout/plan";
import type { RowBlock } from "../driver";
import { blockRows, constantRuns, dataRows } from "../service/requests";
import { excelSerialToIso } from "../../domain/core/calendar";

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

/** Queue a table: header, the table, formats and calculated columns copied down, totals; not its rows. */
function queueTable(ws: Excel.Worksheet, t: TablePlan): void {
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
}

/** Queue a block of a table's data rows: its constant columns, in runs of adjacent columns. */
export function queueRows(ws: Excel.Worksheet, plan: SheetPlan, block: RowBlock): void {
  const t = plan.tables[block.table];
  const rows = dataRows(t);
  const { r0, r1 } = blockRows(t, block);
  for (const [a, b] of constantRuns(t)) {
    const rect: Rect = { r0, c0: t.col + a, r1, c1: t.col + b };
    const values: (string | number | boolean)[][] = new Array(block.end - block.start);
    for (let r = block.start; r < block.end; r++) {
      const row = rows[r];
      const out: (string | number | boolean)[] = new Array(b - a + 1);
      for (let c = a; c <= b; c++) out[c - a] = safe(row[c] ?? null, t.columns[c].numberFormat);
      values[r - block.start] = out;
    }
    ws.getRange(rangeAddress(rect)).values = values;
  }
}

/** Queue a sheet plan on an empty worksheet, all but its tables' data rows (queueRows). */
export function queuePlan(ws: Excel.Worksheet, plan: SheetPlan): void {
  plan.columnWidths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = Math.round(w * CHAR_POINTS + 5);
  });
  const cell = (c: SheetPlan["cells"][number]): Excel.Range => {
    const range = ws.getRange(cellAddress(c.row, c.col));
    if (c.numberFormat) range.numberFormat = [[c.numberFormat]];
    if (c.style) applyStyle(range, c.style);
    return range;
  };
  for (const c of plan.cells) if (!c.formula) cell(c).values = [[safe(c.value, c.numberFormat)]];
  for (const t of plan.tables) queueTable(ws, t);
  // Formula cells after the tables their structured references name.
  for (const c of plan.cells) if (c.formula) cell(c).formulas = [[c.formula.structured]];
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
}
