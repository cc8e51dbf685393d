/** The engine's public API: everything the task pane, Excel adapter, functions and CLI call. */
// notice/ is imported directly ("./notice"), not re-exported: it keeps chrono-node out of bundles that do not read notices.
export * from "./core/types";
export * from "./core/money";
export * from "./core/distribute";
export * from "./core/calendar";
export * from "./check/tender";
export * from "./check/allocation";
export * from "./check/reconcile";
export * from "./check/tolerance";
export * from "./check/phasing";
export * from "./check/check";
export * from "./formats/report-json";
export * from "./tables/csv";
export * from "./tables/lots-table";
export * from "./formats/ocds";
export * from "./formats/csv-export";
export * from "./actuals";
export * from "./core/examples";
export * from "./rules";
