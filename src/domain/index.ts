/** The engine's public API: everything the task pane, Excel adapter, functions and CLI call. */
export * from "./types";
export * from "./money";
export * from "./distribute";
export * from "./calendar";
export * from "./tender";
export * from "./allocation";
export * from "./reconcile";
export * from "./phasing";
export * from "./check";
export * from "./csv";
export * from "./lots-table";
export * from "./ocds";
export * from "./csv-export";
export * from "./notice";
export * from "./actuals";
