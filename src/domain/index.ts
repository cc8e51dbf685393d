/** The engine's public API: everything the task pane, Excel adapter, functions and CLI call. */
// notice/ is imported directly ("./notice"), not re-exported: it keeps chrono-node out of bundles that do not read notices.
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
export * from "./actuals";
export * from "./examples";
