/**
 * Contract tracking's invoices: read from a .csv file or pasted text in a browser, or from the
 * Actuals sheet in Excel (which also writes the Budget vs actual sheet and marks the invoice rows),
 * and checked again against the tender whenever it or the as-of date changes.
 */
import { useMemo, useState } from "react";
import type { ActualsReport } from "../domain/actuals";
import type { FindingLocation } from "../workbook/port";
import type { Checked } from "./engine";
import { loadedActuals, readAsOf, readInvoicesCsv, trackActuals, type LoadedActuals } from "./tracking";
import { errorsCaveat, PaneError, type Task } from "./use-task";
import { EXCEL_BUSY_NEXT, runWorkbookWrite, unwrap, useWorkbook } from "./workbook-context";

export interface Invoices {
  /** The position and findings of the invoices last read, checked against the tender as it is now. */
  report?: ActualsReport;
  /** Where they came from, in words ("" before any). */
  source: string;
  asOfText: string;
  asOfError?: string;
  setAsOfText: (text: string) => void;
  onFile: (file: File) => void;
  onPaste: (text: string) => void;
  onCreateSheet: () => void;
  onCheckSheet: () => void;
}

export function useInvoices(
  task: Task,
  checked: Checked | null,
  onLocated: (locations: FindingLocation[]) => void,
): Invoices {
  const workbook = useWorkbook();
  const [actuals, setActuals] = useState<LoadedActuals | null>(null);
  const [asOfText, setAsOfText] = useState("");

  const read = (source: string, text: () => Promise<string>, again: string) =>
    void task.run(
      `Reading ${source}…`,
      {
        title: `Could not read ${source}`,
        next: "Check that it is a .csv file of invoices with a header row, then open it again.",
      },
      async () => {
        const loaded = await readInvoicesCsv(await text(), source, again);
        setActuals(loaded);
        const n = loaded.lines.length;
        const message = `Read ${n} invoice ${n === 1 ? "line" : "lines"} from ${source}.`;
        const when = readAsOf(asOfText);
        if (!checked?.ok || when.error !== undefined) return message;
        const tracked = trackActuals(loaded, checked.report, when.asOf);
        return { message, caveat: errorsCaveat(tracked.findings, "see the errors below") };
      },
    );

  const onCreateSheet = () =>
    runWorkbookWrite(
      task,
      "Creating the Actuals sheet…",
      "Could not create the Actuals sheet",
      () => workbook.createActualsSheet(checked?.ok ? checked.tender : undefined),
      (sheet) =>
        `Created the sheet "${sheet.name}". Paste or type the invoices into its table, then check them.`,
    );

  const onCheckSheet = () =>
    void task.run(
      "Checking the invoices…",
      { title: "Could not check the invoices", next: EXCEL_BUSY_NEXT },
      async () => {
        if (!checked?.ok) return;
        const when = readAsOf(asOfText);
        if (when.error !== undefined) {
          throw new PaneError(
            "The as-of date needs correcting",
            when.error,
            "Correct the As of box, or empty it.",
          );
        }
        const lines = unwrap(
          await workbook.readActuals(),
          "The invoices in the Actuals sheet have problems",
          "Correct the cells named above in Excel, then check the invoices again.",
        );
        if (lines.length === 0) {
          throw new PaneError(
            "There are no invoices to check",
            "The Actuals sheet has no invoice lines yet.",
            "Paste or type the invoices into the table on the Actuals sheet, then check them again.",
          );
        }
        const loaded = await loadedActuals(lines, workbook.actualsLineRef(), "the Actuals sheet");
        const tracked = trackActuals(loaded, checked.report, when.asOf);
        const title = "Could not write the Budget vs actual sheet";
        const sheet = unwrap(
          await workbook.writeBudgetVsActual(checked.report, tracked),
          title,
          EXCEL_BUSY_NEXT,
        );
        const located = unwrap(
          await workbook.showFindings([...checked.report.findings, ...tracked.findings]),
          "Could not mark the invoice rows",
          EXCEL_BUSY_NEXT,
        );
        onLocated(located);
        setActuals(loaded);
        const n = lines.length;
        return `Checked ${n} invoice ${n === 1 ? "line" : "lines"} and wrote the sheet "${sheet.name}".`;
      },
    );

  const report = checked?.ok ? checked : undefined;
  const asOf = readAsOf(asOfText);
  // The invoices follow the tender: an edit in Review or a new as-of date checks them again.
  const tracked = useMemo(
    () =>
      actuals && report && asOf.error === undefined
        ? trackActuals(actuals, report.report, asOf.asOf)
        : undefined,
    [actuals, report, asOf.asOf, asOf.error],
  );

  return {
    report: tracked,
    source: actuals?.source ?? "",
    asOfText,
    asOfError: asOf.error,
    setAsOfText,
    onFile: (file) => read(file.name, () => file.text(), "open the invoices again"),
    onPaste: (text) => read("the pasted invoices", () => Promise.resolve(text), "paste the invoices again"),
    onCreateSheet,
    onCheckSheet,
  };
}
