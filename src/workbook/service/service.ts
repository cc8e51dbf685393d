/**
 * The WorkbookPort's use cases, once, over a WorkbookDriver (driver.ts): reading a tender from the
 * Tender sheet, a table or the selection; the write commands; actuals; showing and clearing findings;
 * saved state. `OfficeWorkbookPort` runs it over Office.js, `MemoryWorkbookPort` over the in-memory
 * workbook. Each command makes a fixed number of round trips whatever the number of lots: a write
 * surveys the workbook and writes in one more (further blocks of rows past 5 MB, one each); a read
 * finds its range, then reads its values in blocks. A workbook's refusal comes back as our message for
 * its code (errors.ts), with Excel's code and debugInfo kept as details.
 */
import { parseAddress } from "../a1";
import { allocationSheetPlan } from "../layout/allocation-sheet";
import { actualsLineRef, actualsSheetPlan, type ActualsSource } from "../layout/actuals-sheet";
import { budgetSheetPlan } from "../layout/budget-sheet";
import { PHASING_TABLE_SUFFIXES, phasingSheetPlan } from "../layout/phasing-sheet";
import type { SheetKind } from "../layout/plan";
import { reportView, type CheckedTender } from "../../domain/formats/report-view";
import { summarySheetPlan } from "../layout/summary-sheet";
import { tenderSheetPlan } from "../layout/tender-sheet";
import { locatePath, type TenderSource } from "../layout/tender-sheet-read";
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
  DRAFT_NAMESPACE,
  draftToXml,
  STATE_NAMESPACE,
  stateToXml,
  xmlToDraft,
  xmlToState,
  type SavedState,
} from "../state";
import { NO_ACTUALS_SHEET } from "../targets";
import { todayIso } from "../today";
import type { WorkbookDriver } from "../driver";
import { workbookError } from "../errors";
import { clearFindingsIn, showFindingsIn } from "./highlights";
import { actualsSheetOf, readActualsSheet, readAnyTable, readSelection, readTenderSheet } from "./reads";
import { writeSheet, type PlanBuilder } from "./write-sheet";
import type { ActualLine, ActualsReport } from "../../domain/actuals";
import type { AuditResult } from "../../domain/audit/audit";
import type { Finding, Result, Tender } from "../../domain/core/types";

export interface ServiceOptions {
  today?: () => string;
  /** Largest block of table rows written in one request, in bytes of serialised values. */
  blockBytes?: number;
  /** Bytes a block of rows read in one response aims at, once the first block's size is measured. */
  readBlockBytes?: number;
}

export class WorkbookService implements WorkbookPort {
  readonly host: "excel" | "memory";
  private source?: TenderSource;
  private actualsSource?: ActualsSource;

  constructor(
    protected readonly driver: WorkbookDriver,
    private readonly options: ServiceOptions = {},
  ) {
    this.host = driver.host;
  }

  /** Run a command; the workbook's refusals become our message for their code. */
  private async guarded<T>(what: string, command: () => Promise<Result<T>>): Promise<Result<T>> {
    const unavailable = this.driver.unavailable();
    if (unavailable) return failure("Excel", unavailable);
    try {
      return await command();
    } catch (e) {
      if (!this.driver.isWorkbookError(e)) throw e;
      return { ok: false, errors: [workbookError(what, e)] };
    }
  }

  private write(
    kind: SheetKind,
    what: string,
    options: WriteOptions,
    build: PlanBuilder,
  ): Promise<Result<SheetRef>> {
    return this.guarded(what, () => writeSheet(this.driver, kind, options, build, this.options.blockBytes));
  }

  createTenderSheet(tender?: Tender): Promise<Result<SheetRef>> {
    return this.write("tender", "add the Tender sheet", { replace: false }, (sheet, table) =>
      tenderSheetPlan(tender, { sheet, table: table("TenderLots") }),
    );
  }

  writeAllocation(report: CheckedTender, options: AllocationOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report, options.tolerance);
    return this.write("allocation", "write the Allocation sheet", options, (sheet, table) =>
      allocationSheetPlan(view, { sheet, table: table("Allocation") }),
    );
  }

  writePhasing(report: CheckedTender, options: WriteOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report);
    return this.write("phasing", "write the Phasing sheet", options, (sheet, table) =>
      phasingSheetPlan(view, { sheet, tablePrefix: table("Phasing", PHASING_TABLE_SUFFIXES) }),
    );
  }

  writeSummary(report: CheckedTender, options: SummaryOptions = {}): Promise<Result<SheetRef>> {
    const view = reportView(report, options.tolerance);
    const source = this.source;
    const today = options.today ?? (this.options.today ?? todayIso)();
    return this.write("summary", "write the Tender summary sheet", options, (sheet) =>
      summarySheetPlan(view, { sheet, today, where: source ? (p) => locatePath(source, p) : undefined }),
    );
  }

  createActualsSheet(tender?: Tender, lines: readonly ActualLine[] = []): Promise<Result<SheetRef>> {
    return this.write("actuals", "add the Actuals sheet", { replace: false }, (sheet, table) =>
      actualsSheetPlan(tender, { sheet, table: table("Actuals") }, lines),
    );
  }

  async readActuals(): Promise<Result<ActualLine[]>> {
    const read = await this.guarded("read the invoices", () =>
      readActualsSheet(this.driver, this.options.readBlockBytes),
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
    return this.write("budget", "write the Budget vs actual sheet", options, (sheet, table, s) => {
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

  async writeAudit(audit: AuditResult, options: WriteOptions = {}): Promise<Result<SheetRef>> {
    // Loaded when first asked for: the audit's sheet plan brings the audit engine, which the pane's
    // first screen does without.
    const { AUDIT_TABLE, auditSheetPlan } = await import(
      /* webpackChunkName: "audit" */ "../layout/audit-sheet"
    );
    return this.write("audit", "write the Audit sheet", options, (sheet, table) =>
      auditSheetPlan(audit, sheet, table(AUDIT_TABLE)),
    );
  }

  async readTender(options: ReadTenderOptions): Promise<Result<Tender>> {
    const blocks = this.options.readBlockBytes;
    const read = await this.guarded("read the tender", () =>
      options.from === "selection"
        ? readSelection(this.driver, { base: options.base, blockBytes: blocks })
        : options.from === "table"
          ? readAnyTable(this.driver, { base: options.base, blockBytes: blocks })
          : readTenderSheet(this.driver, blocks),
    );
    if (!read.ok) return read;
    this.source = read.value.source;
    return { ok: true, value: read.value.tender };
  }

  showFindings(findings: Finding[]): Promise<Result<FindingLocation[]>> {
    const { source, actualsSource } = this;
    return this.guarded("highlight the findings", () =>
      showFindingsIn(this.driver, findings, source, actualsSource),
    );
  }

  clearFindings(): Promise<Result<void>> {
    return this.guarded("remove the highlight", () => clearFindingsIn(this.driver));
  }

  selectCell(address: string): Promise<Result<void>> {
    const p = parseAddress(address);
    if (!p?.sheet) {
      return Promise.resolve(failure(address, `"${address}" is not a cell address; write it like Tender!B5`));
    }
    const sheet = p.sheet;
    return this.guarded(`select ${address}`, async () =>
      (await this.driver.select(sheet, p.rect))
        ? { ok: true, value: undefined }
        : failure(address, `there is no sheet "${sheet}" in this workbook any more`),
    );
  }

  saveState(state: SavedState): Promise<Result<void>> {
    return this.keepPart("keep the tender in the workbook", STATE_NAMESPACE, () => stateToXml(state));
  }

  loadState(): Promise<Result<SavedState | undefined>> {
    return this.guarded<SavedState | undefined>("read the tender kept in the workbook", async () => {
      const part = await this.driver.readPart(STATE_NAMESPACE);
      return part.xml === undefined ? { ok: true, value: undefined } : xmlToState(part.xml);
    });
  }

  saveDraft(draft: unknown): Promise<Result<void>> {
    return this.keepPart("keep the draft in the workbook", DRAFT_NAMESPACE, () => draftToXml(draft));
  }

  loadDraft(): Promise<Result<unknown>> {
    return this.guarded<unknown>("read the draft kept in the workbook", async () => {
      const part = await this.driver.readPart(DRAFT_NAMESPACE);
      return part.xml === undefined ? { ok: true, value: undefined } : xmlToDraft(part.xml);
    });
  }

  /** Keep the XML `write` makes in the workbook as the custom XML part of `namespace`, in place of the one kept before. */
  private keepPart(what: string, namespace: string, write: () => string): Promise<Result<void>> {
    return this.guarded(what, async () => {
      const part = await this.driver.readPart(namespace, false);
      await this.driver.writeFills([], { namespace, xml: write(), replaces: part.ids });
      return { ok: true, value: undefined };
    });
  }
}
