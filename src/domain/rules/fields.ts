/** The tender fields the procurement rules read: declared with the tender's other fields in
 * core/fields.ts; the report and the summary sheet show a rules section once a tender gives any. */
export { RULE_FIELDS, givesRuleFields, type RuleField } from "../core/fields";
