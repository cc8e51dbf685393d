/**
 * Downloads from the Export step. Each writer (exceljs for .xlsx, the OCDS and CSV exporters) is
 * loaded with import() only when the user asks for that file, so the pane opens without them.
 */
import type { Report } from "../domain/check/check";
import type { Tolerance } from "../domain/core/types";
import { deliverText, deliverWorkbook } from "./deliver";
import { fileStem } from "./download";
import { PaneError } from "./use-task";

export interface DownloadAction {
  id: "xlsx" | "allocation-csv" | "findings-csv" | "ocds";
  label: string;
  description: string;
  /** What is being made, for messages: "Excel workbook". */
  what: string;
  busyLabel: string;
  /** Makes the file and saves it; resolves with what was saved. */
  run: () => Promise<string>;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ExportOptions {
  /** The OCDS id as the user typed it; empty for one made up under Tender Budget's own prefix. */
  ocid?: string;
}

type CsvExport = typeof import("../domain/formats/csv-export");

/** A CSV file to download, written by the CSV exporter, which is loaded when it is first asked for. */
function csvDownload(
  action: Pick<DownloadAction, "id" | "label" | "description" | "what">,
  name: string,
  write: (csv: CsvExport) => string,
): DownloadAction {
  return {
    ...action,
    busyLabel: `Making the ${action.what}…`,
    run: async () => {
      const csv = await import(/* webpackChunkName: "csv-export" */ "../domain/formats/csv-export");
      return deliverText(name, write(csv), "text/csv;charset=utf-8");
    },
  };
}

/** The downloads for a checked tender. */
export function exportActions(
  report: Report,
  tolerance: Tolerance,
  options: ExportOptions = {},
): DownloadAction[] {
  const stem = fileStem(report.tender.title);
  return [
    {
      id: "xlsx",
      label: "Download Excel workbook (.xlsx)",
      description: "Tender, Allocation, Phasing and Tender summary sheets, with live formulas.",
      what: "Excel workbook",
      busyLabel: "Making the Excel workbook…",
      run: async () => {
        const { reportToXlsx } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
        const bytes = await reportToXlsx(report, { tolerance });
        const name = `${stem}.xlsx`;
        return deliverWorkbook(name, bytes as Uint8Array, XLSX_TYPE);
      },
    },
    csvDownload(
      {
        id: "allocation-csv",
        label: "Download allocation (.csv)",
        description: "One row per lot with totals, for finance systems. Opens in Excel.",
        what: "allocation CSV file",
      },
      `${stem}-allocation.csv`,
      (csv) => csv.allocationToCsv(report),
    ),
    csvDownload(
      {
        id: "findings-csv",
        label: "Download findings (.csv)",
        description: "Every finding with its severity and the field it concerns.",
        what: "findings CSV file",
      },
      `${stem}-findings.csv`,
      (csv) => csv.findingsToCsv(report.findings),
    ),
    {
      id: "ocds",
      label: "Download OCDS release package (.json)",
      description: "The tender in the Open Contracting Data Standard, as Contracts Finder publishes.",
      what: "OCDS release package",
      busyLabel: "Making the OCDS release package…",
      run: async () => {
        const { parseOcid, tenderToOcds, utcDateTime } = await import(
          /* webpackChunkName: "ocds" */ "../domain/formats/ocds"
        );
        const typed = options.ocid?.trim() ?? "";
        const ocid = typed === "" ? undefined : parseOcid(typed);
        if (ocid !== undefined && !ocid.ok) {
          throw new PaneError(
            "Could not make the OCDS release package",
            `OCDS id: ${ocid.error}.`,
            "Correct the OCDS id, or leave it empty for an id under Tender Budget's own prefix.",
          );
        }
        const pkg = tenderToOcds(report.tender, {
          publishedDate: utcDateTime(new Date()),
          allocation: report.allocation,
          ...(ocid?.ok ? { ocid: ocid.value } : {}),
        });
        const name = `${stem}.ocds.json`;
        return deliverText(name, JSON.stringify(pkg, null, 2), "application/json");
      },
    },
  ];
}
