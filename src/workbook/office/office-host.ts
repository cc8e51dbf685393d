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
import { parseAddress, rangeAddress } from "../a1";
import { allocationSheetPlan } from "../layout/allocation-sheet";
import { actualsLineRef, actualsSheetPlan, type ActualsSource } from "../layout/actuals-sheet";
import { budgetSheetPlan } from "../layout/budget-sheet";
import { PHASING_TABLE_SUFFIXES, phasingSheetPlan } from "../layout/phasing-sheet";
import type { SheetKind, SheetPlan } from "../layout/plan";
import { reportView, type CheckedTender } from "../layout/report-view";
import { summarySheetPlan } from "../layout/summary-sheet";
import { locatePath, tenderSheetPlan, type TenderSource } from "../layout/tender-sheet";
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
import { STATE_NAMESPACE, stateToXml, xmlToState, type SavedState } from "../state";
import { chooseTableName, chooseTablePrefix, chooseTarget, NO_ACTUALS_SHEET } from "../targets";
import { todayIso } from "../today";
import { workbookError } from "./errors";
import { clearFindingsIn, showFindingsIn } from "./highlights";
import { queuePlan } from "./queue-plan";
import { readActualsSheet, readAnyTable, readSelection, readTenderSheet } from "./read-commands";
import { actualsSheetOf, loadSurvey, TAG_PREFIX, type Survey } from "./reads";
import { MIN_EXCEL_API, requirementMessage, type RequirementChecker } from "./requirements";
import type { ActualLine, ActualsReport } from "../../domain/actuals";
import type { Finding, Result, Tender } from "../../domain/core/types";

export { excelWouldConvert, queuePlan } from "./queue-plan";
export { loadValuesInBlocks } from "./reads";
export { MAX_READ_CELLS } from "./read-commands";

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
  return `${TAG_PREFIX}${kind}`;
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

  /**
   * Check the API version, run a batch, and turn any Excel error into our message for its code
   * (Excel's own message and debugInfo kept as details).
   */
  private async guarded<T>(
    what: string,
    batch: (context: Excel.RequestContext) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    if (!this.supported()) return failure("Excel", requirementMessage());
    try {
      return await this.run(batch);
    } catch (e) {
      return { ok: false, errors: [workbookError(what, e)] };
    }
  }

  private suspendCalculation(context: Excel.RequestContext): void {
    if (this.supported("1.6")) context.application.suspendApiCalculationUntilNextSync();
  }

  /**
   * Survey, then write one plan. A new sheet is built in full under a temporary name (its tables
   * under free names) before anything of the user's changes; only then, in one last request, is the
   * add-in's earlier sheet of that kind deleted and the new one renamed into its place (Excel renames
   * the structured references with the tables). Office.js batches are not rolled back, so a build
   * that fails part-way deletes its own half-built sheet and leaves the earlier one as it was.
   */
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
      // Tables share one namespace with defined names (a user's own "Actuals" name included).
      const taken = [...s.tables, ...s.names.map((name) => ({ name, sheet: "" }))];
      const renames: [string, string][] = [];
      const plan = build(
        target.name,
        (wanted, suffixes) => {
          if (suffixes) {
            const now = chooseTablePrefix(wanted, suffixes, taken);
            const final = chooseTablePrefix(wanted, suffixes, taken, target.replaces);
            if (now !== final) for (const x of suffixes) renames.push([now + x, final + x]);
            return now;
          }
          const now = chooseTableName(wanted, taken);
          const final = chooseTableName(wanted, taken, target.replaces);
          if (now !== final) renames.push([now, final]);
          return now;
        },
        s,
      );
      // Nothing is written when the plan cannot be made.
      if ("ok" in plan) return plan;

      const sheets = context.workbook.worksheets;
      const building = target.replaces
        ? chooseTarget(kind, [...s.existing, { name: `${target.name} new` }], false).name
        : target.name;
      const ws = sheets.add(building);
      // The swap, queued after the last of the build: a batch stops at its first failure, so the
      // earlier sheet is deleted only once everything before it has been written.
      const swap = (): void => {
        if (target.replaces) {
          sheets.getItem(target.replaces).delete();
          ws.name = target.name;
          ws.position = s.positions.get(target.replaces) ?? 0;
          for (const [from, to] of renames) ws.tables.getItem(from).name = to;
        }
        const tag = tagName(kind);
        if (s.tags.has(tag)) context.workbook.names.getItem(tag).delete();
        const named = context.workbook.names.add(
          tag,
          ws.getRange("A1"),
          `Sheet created by Tender Budget (${kind})`,
        );
        named.visible = false;
        if (options.activate ?? true) ws.activate();
      };
      try {
        this.suspendCalculation(context);
        const later = queuePlan(ws, plan, this.options.blockBytes);
        if (later.length === 0) swap();
        await context.sync();
        for (let i = 0; i < later.length; i++) {
          this.suspendCalculation(context);
          later[i]();
          if (i === later.length - 1) swap();
          await context.sync();
        }
      } catch (e) {
        await this.discard(building, target.replaces);
        throw e;
      }
      return { ok: true, value: { kind, name: target.name, replaced: target.replaces !== undefined } };
    });
  }

  /**
   * Delete a half-built sheet, in a batch of its own (the failed one is spent); kept if the sheet it
   * was to replace is already gone, so that the user is never left with neither.
   */
  private async discard(sheet: string, replaces?: string): Promise<void> {
    await this.run(async (context) => {
      const built = context.workbook.worksheets.getItemOrNullObject(sheet).load("name");
      const earlier = replaces
        ? context.workbook.worksheets.getItemOrNullObject(replaces).load("name")
        : undefined;
      await context.sync();
      if (built.isNullObject || earlier?.isNullObject) return;
      built.delete();
      await context.sync();
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

  async readActuals(): Promise<Result<ActualLine[]>> {
    const read = await this.guarded("read the invoices", (context) =>
      readActualsSheet(context, this.options.readBlockBytes),
    );
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
        ? readSelection(context, options.base, this.options.readBlockBytes)
        : options.from === "table"
          ? readAnyTable(context, options.base, this.options.readBlockBytes)
          : readTenderSheet(context, this.options.readBlockBytes),
    );
    if (!read.ok) return read;
    this.source = read.value.source;
    return { ok: true, value: read.value.tender };
  }

  showFindings(findings: Finding[]): Promise<Result<FindingLocation[]>> {
    const { source, actualsSource } = this;
    return this.guarded("highlight the findings", (context) =>
      showFindingsIn(context, findings, source, actualsSource),
    );
  }

  clearFindings(): Promise<Result<void>> {
    return this.guarded("remove the highlight", (context) => clearFindingsIn(context));
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
