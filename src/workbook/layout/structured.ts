/**
 * Structured references (`Allocation[Value]`, `[@[Day rate]]`, `[[Ahead/behind]]`): spelling them as
 * Excel requires, and checking a formula's references against the tables that exist.
 *
 * Microsoft's rules ("Using structured references with Excel tables", support.microsoft.com): a column
 * header containing a space, tab, line feed, carriage return or one of , : . [ ] # ' " { } $ ^ & * + =
 * - > < / must itself be enclosed in brackets (double brackets in a column specifier); a space alone
 * needs none. The characters [ ] # and ' have special meaning and are escaped with a single quotation
 * mark (').
 */

/** The characters that make a column header need its own brackets. */
const SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-></]/;

/** A header with `[`, `]`, `#` and `'` escaped by `'`. */
export function escapeHeader(header: string): string {
  return header.replace(/([[\]#'])/g, "'$1");
}

/** A header as a column specifier: `[Value]`, `[Day rate]`, or `[[Ahead/behind]]` with escapes. */
export function columnSpecifier(header: string): string {
  return SPECIAL.test(header) ? `[[${escapeHeader(header)}]]` : `[${header}]`;
}

/** The same row of a column, inside its table: `[@Days]`, `[@[Day rate]]`. */
export function thisRow(header: string): string {
  return /^[\p{L}0-9_]+$/u.test(header) ? `[@${header}]` : `[@[${escapeHeader(header)}]]`;
}

/** A whole column of a table: `Allocation[Value]`, `BudgetVsActual[[Ahead/behind]]`. */
export function wholeColumn(table: string, header: string): string {
  return `${table}${columnSpecifier(header)}`;
}

/** A column of the table the formula is in (a totals-row or calculated-column formula): `[Value]`. */
export function ownColumn(header: string): string {
  return columnSpecifier(header);
}

/** One structured reference found in a formula: its table (empty for the formula's own table) and columns. */
export interface StructuredRef {
  table: string;
  columns: string[];
  /** Why Excel would refuse the spelling, when it would. */
  problem?: string;
}

const ITEMS = new Set(["#all", "#data", "#headers", "#totals", "#this row"]);

/** The bracketed text from `open` (a `[`) to its matching `]`, honouring `'` escapes; -1 if unclosed. */
function closing(formula: string, open: number): number {
  let depth = 0;
  for (let i = open; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  return -1;
}

function unescape(text: string): string {
  return text.replace(/'(.)/g, "$1");
}

/** Whether an escaped header has an unescaped `[`, `]`, `#` or `'`. */
function unescapedSpecial(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") {
      i++;
      continue;
    }
    if ("[]#".includes(text[i])) return true;
  }
  return false;
}

/** Read the specifier between a reference's outer brackets. */
function readSpecifier(inner: string): { columns: string[]; problem?: string } {
  let text = inner.trim();
  if (text.startsWith("@")) text = text.slice(1).trim();
  if (!text.startsWith("[")) {
    // A bare header: only letters, digits, underscores and spaces.
    if (text === "") return { columns: [] };
    if (SPECIAL.test(text.replace(/'[[\]#']/g, "x")) || unescapedSpecial(text)) {
      return {
        columns: [unescape(text)],
        problem: `the column "${unescape(text)}" has special characters and must be written [[${text}]]`,
      };
    }
    return { columns: [text] };
  }
  const columns: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "[") {
      i++;
      continue;
    }
    const end = closing(text, i);
    if (end < 0) return { columns, problem: "a bracket is not closed" };
    const item = text.slice(i + 1, end);
    if (unescapedSpecial(item)) {
      return { columns, problem: `"${item}" has [, ] or # that must be escaped with '` };
    }
    if (!ITEMS.has(item.toLowerCase())) columns.push(unescape(item));
    i = end + 1;
  }
  return { columns };
}

/**
 * The structured references in a formula (text in double quotes is skipped). A reference is a table
 * name followed by brackets, or brackets alone (the formula's own table).
 */
export function structuredRefs(formula: string): StructuredRef[] {
  const refs: StructuredRef[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      i = end < 0 ? formula.length : end + 1;
      continue;
    }
    if (ch !== "[") {
      i++;
      continue;
    }
    const name = /[\p{L}_\\][\p{L}0-9_.\\]*$/u.exec(formula.slice(0, i))?.[0] ?? "";
    const end = closing(formula, i);
    if (end < 0) {
      refs.push({ table: name, columns: [], problem: "a bracket is not closed" });
      break;
    }
    refs.push({ table: name, ...readSpecifier(formula.slice(i + 1, end)) });
    i = end + 1;
  }
  return refs;
}

/** A table as a formula may name it: its name and its column headers. */
export interface KnownTable {
  name: string;
  headers: readonly string[];
}

/**
 * Why Excel would refuse `formula` written in a cell of `own` (the table it is in, if any), given
 * the tables that exist now; undefined when every reference names a table and column that exist and
 * is spelled as Microsoft's rules require.
 */
export function structuredRefProblem(
  formula: string,
  tables: readonly KnownTable[],
  own?: KnownTable,
): string | undefined {
  for (const ref of structuredRefs(formula)) {
    if (ref.problem) return ref.problem;
    const table = ref.table ? tables.find((t) => t.name.toLowerCase() === ref.table.toLowerCase()) : own;
    if (!table) {
      return ref.table
        ? `there is no table named ${ref.table}`
        : "a reference without a table name is outside any table";
    }
    const headers = new Set(table.headers.map((h) => h.toLowerCase()));
    const missing = ref.columns.find((c) => !headers.has(c.toLowerCase()));
    if (missing !== undefined) return `the table ${table.name} has no column "${missing}"`;
  }
  return undefined;
}
