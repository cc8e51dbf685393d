/** Bulk audit: many contracting processes from a download of published notices, checked at once. */
export * from "./merge";
export * from "./releases";
export * from "./check";
export * from "./audit";
export * from "./document";
