/** Contract tracking: invoices and days worked against the allocation. */
export { ACTUALS_COLUMN_LABELS, ACTUALS_COLUMNS, workDate } from "./model";
export type { ActualLine, ActualsColumn } from "./model";
export {
  ACTUALS_COLUMN_HEADERS,
  csvLineRef,
  readActualsCsv,
  readActualsTable,
  readActualsTableLayout,
  recogniseActualsHeader,
} from "./read";
export type { ActualsTableLayout, ActualsTableOptions } from "./read";
export { forecastExhaustion, threeMonthsBefore } from "./forecast";
export type { Forecast } from "./forecast";
export type { LotPosition, Pace, PositionFigures } from "./position";
export { actualsToJson, checkActuals } from "./report";
export type {
  ActualsJson,
  ActualsLineJson,
  ActualsOptions,
  ActualsReport,
  NotCountedReason,
  PositionJson,
} from "./report";
