/** The tender fields the procurement rules read: the report and the summary sheet show a rules
 * section once a tender gives any of them. */
import type { Tender } from "../core/types";

export const RULE_FIELDS = [
  "buyerType",
  "contractType",
  "procedure",
  "publishedDate",
  "awardNoticeDate",
  "optionsValue",
] as const satisfies readonly (keyof Tender)[];

/** True when the tender gives at least one of the rule fields. */
export function givesRuleFields(tender: Tender): boolean {
  return RULE_FIELDS.some((f) => tender[f] !== undefined);
}
