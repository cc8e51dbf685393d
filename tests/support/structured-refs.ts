/**
 * Structured references (Excel Table formulas) spelled as A1 references, so that a formula engine
 * without tables (HyperFormula) can compute what Excel computes from the add-in's live formulas.
 *
 * Handles the forms the add-in writes, after Microsoft's "Using structured references with Excel
 * tables" (support.microsoft.com/office/f5ed2452-2337-4f71-bed3-c8ae6d2b276e):
 * - `Table[Column]`, `Table[[Column]]`: the column's data rows;
 * - `[Column]` inside a table: the same, in the table the formula stands in;
 * - `[@Column]`, `[@[Column]]`, `Table[@Column]`: the column's cell in the formula's own row;
 * - `Table[[#Totals],[Column]]`: the column's totals-row cell.
 * Inside a column specifier the characters `[ ] # '` must be escaped with a single quote (`'#`), as
 * the page's "special characters" table says; anything this translator does not know is refused with
 * an error, so an unknown or badly escaped reference fails the test instead of computing nonsense.
 */
import { cellAddress } from "../../src/workbook/a1";
import { tableBodyRect, type SheetPlan, type TablePlan } from "../../src/workbook/layout/plan";

export interface PlacedTable {
  sheet: string;
  table: TablePlan;
}

/** Every table of the plans, by name (case-insensitive, as Excel compares names). */
export function tablesOf(plans: readonly SheetPlan[]): Map<string, PlacedTable> {
  const tables = new Map<string, PlacedTable>();
  for (const plan of plans) {
    for (const table of plan.tables) {
      const key = table.name.toLowerCase();
      if (tables.has(key)) throw new Error(`two tables named ${table.name}`);
      tables.set(key, { sheet: plan.name, table });
    }
  }
  return tables;
}

/** The table a cell of a sheet stands in (header, data or totals row), if any. */
export function tableAt(
  tables: Map<string, PlacedTable>,
  sheet: string,
  row: number,
  col: number,
): PlacedTable | undefined {
  for (const placed of tables.values()) {
    const t = placed.table;
    const body = tableBodyRect(t);
    const last = body.r1 + (t.showTotals ? 1 : 0);
    if (placed.sheet === sheet && row >= t.row && row <= last && col >= body.c0 && col <= body.c1) {
      return placed;
    }
  }
  return undefined;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The text of one `[...]` specifier from `i` (at its `[`), with `'` escapes undone; and where it ends. */
function readSpecifier(formula: string, i: number): { items: string[]; end: number } {
  // Either `[name]` / `[@name]` or `[[a],[b]]` / `[@[name]]`.
  if (formula[i] !== "[") throw new Error(`expected [ at ${i} in ${formula}`);
  let j = i + 1;
  const items: string[] = [];
  const readSimple = (stopAtComma: boolean): string => {
    let text = "";
    while (j < formula.length) {
      const ch = formula[j];
      if (ch === "'") {
        const next = formula[j + 1];
        if (next === undefined) throw new Error(`a lone ' ends ${formula}`);
        text += next;
        j += 2;
        continue;
      }
      if (ch === "]" || (stopAtComma && ch === ",")) break;
      if (ch === "[") throw new Error(`an unescaped [ inside a column name in ${formula}`);
      if (ch === "#" && text !== "") throw new Error(`an unescaped # inside a column name in ${formula}`);
      text += ch;
      j++;
    }
    return text;
  };
  if (formula[j] === "@") {
    items.push("#This Row");
    j++;
    if (formula[j] === "[") {
      j++;
      items.push(readSimple(false));
      if (formula[j] !== "]") throw new Error(`unclosed [ in ${formula}`);
      j++;
    } else {
      items.push(readSimple(false));
    }
    if (formula[j] !== "]") throw new Error(`unclosed [ in ${formula}`);
    return { items, end: j + 1 };
  }
  if (formula[j] === "[") {
    for (;;) {
      if (formula[j] !== "[") throw new Error(`expected [ at ${j} in ${formula}`);
      j++;
      items.push(readSimple(false));
      if (formula[j] !== "]") throw new Error(`unclosed [ in ${formula}`);
      j++;
      if (formula[j] === ",") {
        j++;
        continue;
      }
      if (formula[j] === "]") return { items, end: j + 1 };
      throw new Error(`unexpected ${formula[j]} at ${j} in ${formula}`);
    }
  }
  items.push(readSimple(false));
  if (formula[j] !== "]") throw new Error(`unclosed [ in ${formula}`);
  return { items, end: j + 1 };
}

/** The A1 spelling of one structured reference to `placed`, for a formula at (`row`) on `sheet`. */
function resolve(placed: PlacedTable, items: string[], sheet: string, row: number, formula: string): string {
  const t = placed.table;
  const specials = items.filter((s) => s.startsWith("#"));
  const names = items.filter((s) => !s.startsWith("#"));
  if (names.length !== 1) throw new Error(`one column expected in ${formula}`);
  const index = t.columns.findIndex((c) => c.header.toLowerCase() === names[0].toLowerCase());
  if (index < 0) throw new Error(`table ${t.name} has no column "${names[0]}" (${formula})`);
  const col = t.col + index;
  const body = tableBodyRect(t);
  const prefix = placed.sheet === sheet ? "" : `${quoteSheet(placed.sheet)}!`;
  const special = specials.join(",");
  if (special === "" || special === "#Data") {
    return `${prefix}${cellAddress(body.r0, col, true)}:${cellAddress(body.r1, col, true)}`;
  }
  if (special === "#This Row") {
    if (placed.sheet !== sheet || row < body.r0 || row > body.r1) {
      throw new Error(`[@${names[0]}] outside the data rows of ${t.name} (${formula})`);
    }
    return cellAddress(row, col);
  }
  if (special === "#Totals") {
    if (!t.showTotals) throw new Error(`${t.name} has no totals row (${formula})`);
    return `${prefix}${cellAddress(body.r1 + 1, col, true)}`;
  }
  throw new Error(`unknown specifier ${special} in ${formula}`);
}

/** `formula` (written at `row`, `col` of `sheet`) with every structured reference spelled in A1. */
export function structuredToA1(
  formula: string,
  tables: Map<string, PlacedTable>,
  sheet: string,
  row: number,
  col: number,
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      if (close < 0) throw new Error(`unclosed string in ${formula}`);
      out += formula.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: copy it whole ('' is an escaped quote).
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'"))
        j += formula[j] === "'" ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const name = /^[A-Za-z_\\][A-Za-z0-9_.]*(?=\[)/.exec(formula.slice(i));
    if (name) {
      const placed = tables.get(name[0].toLowerCase());
      if (!placed) throw new Error(`no table named ${name[0]} when ${formula} is written`);
      const spec = readSpecifier(formula, i + name[0].length);
      out += resolve(placed, spec.items, sheet, row, formula);
      i = spec.end;
      continue;
    }
    if (ch === "[") {
      const placed = tableAt(tables, sheet, row, col);
      if (!placed) throw new Error(`${formula} at ${cellAddress(row, col)} names a column outside any table`);
      const spec = readSpecifier(formula, i);
      out += resolve(placed, spec.items, sheet, row, formula);
      i = spec.end;
      continue;
    }
    const word = /^[A-Za-z0-9_.$!:]+/.exec(formula.slice(i));
    if (word) {
      out += word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
