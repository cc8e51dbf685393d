/**
 * The reconciliation status of the lots' total against the stated total: the one rule that the
 * engine's findings (reconcile), the Allocation sheet's Status cell and formula, and the pane's
 * Check headline all follow.
 *
 * - exact: Reconciles;
 * - the stated total is a ceiling (a budget, an allocation, a cap or an "up to" amount) and the
 *   lots go over it: Over budget, whatever the rounding or tolerance;
 * - the stated total is the lots' total rounded to the precision it was written to, and has two or
 *   more significant digits (£346,000, £1.2m; never £300,000): a rounding;
 * - the difference is within the tolerance: Within tolerance;
 * - else: Does not reconcile.
 */
import { roundToUnit } from "../core/money";
import type { Pence, StatedAmount, Tolerance } from "../core/types";

export type TotalStatus = "reconciles" | "overBudget" | "rounded" | "withinTolerance" | "mismatch";

/** Each status in words, as the Allocation sheet's Status cell and the pane's headline say it. */
export const TOTAL_STATUS_LABELS: Readonly<Record<TotalStatus | "noStatedTotal", string>> = {
  reconciles: "Reconciles",
  overBudget: "Over budget",
  rounded: "Stated total is a rounding",
  withinTolerance: "Within tolerance",
  mismatch: "Does not reconcile",
  noStatedTotal: "No stated total",
};

/** Whether `diff` is within the tolerance of `stated`: at most the larger of the absolute and percent allowances. */
export function withinTolerance(diff: number, stated: number, tolerance: Tolerance): boolean {
  const size = Math.abs(diff);
  return size <= tolerance.absolute || size * 100 <= tolerance.percent * Math.abs(stated);
}

/**
 * Whether a stated figure is a rounding of `total`: written to a unit above a penny, with two or
 * more significant digits at that unit, and equal to the total rounded to it (half away from zero).
 */
export function isRoundingOf(total: Pence, stated: StatedAmount): boolean {
  return (
    stated.precision > 1 &&
    Math.abs(stated.pence) >= 10 * stated.precision &&
    roundToUnit(total, stated.precision) === stated.pence
  );
}

/** The status of `total` against the stated total (see the module's comment for the rule). */
export function totalStatus(
  total: Pence,
  stated: StatedAmount,
  tolerance: Tolerance,
  ceiling = false,
): TotalStatus {
  const diff = total - stated.pence;
  if (diff === 0) return "reconciles";
  if (ceiling && diff > 0) return "overBudget";
  if (isRoundingOf(total, stated)) return "rounded";
  if (withinTolerance(diff, stated.pence, tolerance)) return "withinTolerance";
  return "mismatch";
}
