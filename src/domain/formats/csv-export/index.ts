/** CSV exports that Excel opens correctly, and the tender CSV read back. */

export { CSV_BOM, neutraliseFormulaText, restoreFormulaText, csvTextField, poundsField } from "./fields";
export {
  FINDINGS_CSV_HEADER,
  findingsToCsv,
  findingsCsvChunks,
  ALLOCATION_CSV_HEADER,
  allocationToCsv,
  allocationCsvChunks,
} from "./report-csv";
export { TENDER_LOTS_CSV_HEADER, tenderToCsv, tenderCsvChunks, csvToTender } from "./tender-csv";
