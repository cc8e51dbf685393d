/**
 * `--out FILE`: write the checked tender in the format its name asks for. Every name is
 * checked before anything is worked out or written, so a bad name writes nothing (files.ts).
 */

import type { Report } from "../domain/check/check";
import { allocationCsvChunks, findingsCsvChunks, tenderCsvChunks } from "../domain/formats/csv-export";
import { jsonChunks } from "../domain/formats/json-chunks";
import { reportToJson } from "../domain/formats/report-json";
import { tenderToOcds, utcDateTime } from "../domain/formats/ocds";
import type { ActualLine, ActualsReport } from "../domain/actuals";
import type { InputError, Tolerance } from "../domain/core/types";
import { reportToXlsx } from "../workbook/xlsx";

export interface OutputContext {
  tolerance?: Tolerance;
  /** `--ocid`: the OCDS id of the contracting process (else one under an unregistered prefix is made up). */
  ocid?: string;
  /** With `--actuals`: the invoices and their check, for the .xlsx's Actuals and Budget vs actual sheets. */
  actuals?: { lines: readonly ActualLine[]; report: ActualsReport };
}

export interface OutputFormat {
  /** The end of the file name, lower case: ".ocds.json". Longer suffixes are tried first. */
  suffix: string;
  /** What the file holds, for help and messages. */
  holds: string;
  /**
   * The file's content: bytes (a workbook), or text in chunks that are written one after the other
   * and never joined, so a large tender's CSV or JSON is never held as one string.
   */
  render: (report: Report, context: OutputContext) => Promise<Uint8Array | Iterable<string>>;
}

/** `JSON.stringify(value, null, 2)` and a line break, in chunks. */
function* json(value: unknown): Generator<string, void, undefined> {
  yield* jsonChunks(value);
  yield "\n";
}

/** The formats `--out` writes, by the end of the file name. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  {
    suffix: ".ocds.json",
    holds: "the tender as an OCDS 1.1 release package",
    render: async (report, context) =>
      json(
        tenderToOcds(report.tender, {
          publishedDate: utcDateTime(new Date()),
          allocation: report.allocation,
          ...(context.ocid !== undefined ? { ocid: context.ocid } : {}),
        }),
      ),
  },
  {
    suffix: ".tender.csv",
    holds: "the tender (its details, then the lots) as CSV, which check reads back",
    render: async (report) => tenderCsvChunks(report.tender),
  },
  {
    suffix: ".findings.csv",
    holds: "the findings as CSV",
    render: async (report) => findingsCsvChunks(report.findings),
  },
  {
    suffix: ".csv",
    holds: "the allocation table as CSV (UTF-8, opens in Excel)",
    render: async (report) => allocationCsvChunks(report),
  },
  {
    suffix: ".json",
    holds: "the report as JSON (what --json prints)",
    render: async (report) => json(reportToJson(report)),
  },
  {
    suffix: ".xlsx",
    holds:
      "a workbook with the Tender, Allocation, Phasing and Tender summary sheets (with --actuals also Actuals and Budget vs actual), formulas live",
    render: async (report, context) =>
      reportToXlsx(report, {
        ...(context.tolerance ? { tolerance: context.tolerance } : {}),
        ...(context.actuals ? { actuals: context.actuals } : {}),
      }),
  },
];

export function outputFormatOf(file: string): OutputFormat | undefined {
  const name = file.toLowerCase();
  return OUTPUT_FORMATS.find((f) => name.endsWith(f.suffix) && name.length > f.suffix.length);
}

/**
 * The format of each `--out` name. Whether a name may be written (not an input, not twice, not
 * an existing file without --force) is checked by `checkOutputs` in files.ts.
 */
export function planOutputs(outs: readonly string[]): {
  planned: { file: string; format: OutputFormat }[];
  errors: InputError[];
} {
  const errors: InputError[] = [];
  const planned: { file: string; format: OutputFormat }[] = [];
  for (const file of outs) {
    const format = outputFormatOf(file);
    if (format === undefined) {
      const known = OUTPUT_FORMATS.map((f) => f.suffix).join(", ");
      errors.push({
        path: "--out",
        message: `cannot tell what to write to "${file}"; end its name with ${known}`,
      });
    } else {
      planned.push({ file, format });
    }
  }
  return { planned, errors };
}
