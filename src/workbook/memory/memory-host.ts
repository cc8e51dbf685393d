/**
 * The WorkbookPort on a workbook kept in memory: the workbook service (service/service.ts) over the
 * in-memory workbook (memory-driver.ts). The task pane uses it outside Excel (in a browser tab), the
 * tests run the port contract against it, and it holds what an .xlsx file would: cells with values,
 * formulas and number formats, tables, validation, conditional formats, charts and print settings.
 */
import { WorkbookService, type ServiceOptions } from "../service/service";
import { MemoryDriver } from "./memory-driver";
import { MemoryWorkbook } from "./memory-workbook";

export { MemorySheet, MemoryWorkbook, type MemoryCell, type MemoryTable } from "./memory-workbook";

export class MemoryWorkbookPort extends WorkbookService {
  constructor(
    readonly workbook: MemoryWorkbook = new MemoryWorkbook(),
    options: ServiceOptions = {},
  ) {
    super(new MemoryDriver(workbook), options);
  }
}
