/** The audit command's options as values: the tolerance, the buyer and the dates to keep. */

import type { AuditFilters, AuditOptions } from "../../domain/audit";
import type { InputError, Result } from "../../domain/core/types";
import { readTableDate } from "../../domain/tables/lots-table";
import { VALUE_FLAGS, type CheckFlags } from "../args";
import { readCheckOptions } from "../options";

/** Flags of check that audit does not take: each tender's own figures are what is audited. */
const CHECK_ONLY = Object.entries(VALUE_FLAGS).filter(
  ([, key]) => !["tolerance", "tolerancePercent", "buyer", "from", "to"].includes(key),
);

export function readAuditOptions(flags: CheckFlags): Result<AuditOptions> {
  const errors: InputError[] = [];
  for (const [flag, key] of CHECK_ONLY) {
    if (flags[key] !== undefined) {
      errors.push({
        path: `--${flag}`,
        message:
          "is an option of check; audit reads each tender's own figures (its options are --json, --out, --force, --tolerance, --tolerance-percent, --buyer, --from, --to)",
      });
    }
  }
  const tolerance = readCheckOptions({
    json: false,
    force: false,
    out: [],
    ...(flags.tolerance !== undefined ? { tolerance: flags.tolerance } : {}),
    ...(flags.tolerancePercent !== undefined ? { tolerancePercent: flags.tolerancePercent } : {}),
  });
  if (!tolerance.ok) errors.push(...tolerance.errors);
  const filters: AuditFilters = {};
  if (flags.buyer !== undefined) filters.buyer = flags.buyer.trim();
  for (const [flag, text] of [
    ["from", flags.from],
    ["to", flags.to],
  ] as const) {
    if (text === undefined) continue;
    const got = readTableDate(text);
    if (!got.ok) errors.push({ path: `--${flag}`, message: got.message });
    else if (got.value !== undefined) filters[flag] = got.value;
  }
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    errors.push({
      path: "--to",
      message: `${filters.to} is before --from ${filters.from}; give the earlier date first`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const options: AuditOptions = { filters };
  if (tolerance.ok && tolerance.value.tolerance) options.tolerance = tolerance.value.tolerance;
  return { ok: true, value: options };
}
