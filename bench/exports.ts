/**
 * Exports: writing the .xlsx (Tender, Allocation, Phasing and Tender summary sheets, via exceljs) and
 * the OCDS release package for a tender of 10,000 lots; and, to show they grow linearly, the OCDS
 * import and the allocation CSV at 5,000 and 50,000 lots.
 */
import { checkTender } from "../src/domain/check/check";
import { allocationToCsv } from "../src/domain/formats/csv-export";
import { ocdsToTender, tenderToOcds } from "../src/domain/formats/ocds";
import { reportToXlsx } from "../src/workbook/xlsx";
import { benchTender } from "./tenders";
import { timeAsync, timeMedian, timeOnce, type Medians, type Timed } from "./timing";

export interface ExportTimes {
  lots: number;
  xlsx: Timed<number>;
  /** The package written as JSON text. */
  ocds: Timed<number>;
  /** OCDS import and allocation CSV at each size. */
  growth: { lots: number; ocdsImport: Medians; csv: Medians }[];
}

export async function measureExports(lots: number, growthSizes: readonly number[]): Promise<ExportTimes> {
  const report = checkTender(benchTender(lots));
  // exceljs is loaded on first use: load it (and warm up) before timing.
  await reportToXlsx(checkTender(benchTender(100)), { today: "2025-04-01" });
  const xlsx = await timeAsync(() => reportToXlsx(report, { today: "2025-04-01" }));
  const ocds = timeOnce(() => JSON.stringify(tenderToOcds(report.tender, { publishedDate: "2017-07-03" })));

  const growth: ExportTimes["growth"] = [];
  for (const n of growthSizes) {
    const r = checkTender(benchTender(n));
    const pkg = JSON.parse(
      JSON.stringify(tenderToOcds(r.tender, { publishedDate: "2017-07-03" })),
    ) as unknown;
    const read = timeOnce(() => ocdsToTender(pkg));
    if (!read.value.ok || read.value.value.lots.length !== n) {
      throw new Error(`the OCDS package of ${n} lots did not read back`);
    }
    const csv = timeMedian(() => allocationToCsv(r), 5);
    const imports = timeMedian(() => ocdsToTender(pkg), 5);
    growth.push({ lots: n, ocdsImport: imports, csv });
  }
  return {
    lots,
    xlsx: { ...xlsx, value: xlsx.value.byteLength },
    ocds: { ...ocds, value: Buffer.byteLength(ocds.value, "utf8") },
    growth,
  };
}
