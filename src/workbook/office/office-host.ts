/**
 * The WorkbookPort inside Excel: the workbook service (service/service.ts) over Office.js
 * (office-driver.ts). Each command makes a fixed number of context.sync() calls whatever the number
 * of lots: a write surveys the workbook, then writes in one more (a write of more rows than fit in one
 * request, Excel on the web's 5 MB, reached past ~10,000 lots, goes in further blocks of rows, one
 * sync each); a read finds its range, then reads its values in blocks of rows under the same limit.
 */
import { WorkbookService, type ServiceOptions } from "../service/service";
import { OfficeDriver, type OfficeDriverOptions } from "./office-driver";

export { excelWouldConvert } from "./queue-plan";
export { MAX_READ_CELLS } from "../service/reads";
export { tagName } from "../driver";
export type { ExcelRun } from "./office-driver";

export interface OfficePortOptions extends OfficeDriverOptions, ServiceOptions {}

export class OfficeWorkbookPort extends WorkbookService {
  constructor(options: OfficePortOptions = {}) {
    super(new OfficeDriver(options), options);
  }
}
