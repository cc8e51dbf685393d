/** Procurement rules: thresholds, regime, notices, tendering periods and standstill. */
export * from "./sources";
export * from "./thresholds";
export * from "./timing";
export * from "./assess";
export type { NoticeDuty } from "./notices";
export * from "./findings";
