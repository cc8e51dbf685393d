/**
 * A tolerance as the user types it, read the same way in the pane's two boxes, the command line's
 * `--tolerance` and `--tolerance-percent`, and TENDER.RECONCILE's tolerance cell: an amount of
 * money (£0 or more) and a percentage of the stated total (0 to 100; "0.5", ".5", "0.5%", ".5 %").
 */

import { parseMoney } from "../core/money";
import type { Parsed, Pence, Tolerance } from "../core/types";

/** The largest percentage tolerance: the whole stated total. */
export const MAX_TOLERANCE_PERCENT = 100;

/** A tolerance percentage: a plain number from 0 to 100, with or without "%" and a leading zero; blank is 0. */
export function parseTolerancePercent(input: string | number): Parsed<number> {
  if (String(input).trim() === "") return { ok: true, value: 0 };
  const text = String(input).trim().replace(/%$/, "").trim();
  const percent = Number(text);
  if (!/^(\d+(\.\d+)?|\.\d+)$/.test(text) || !(percent <= MAX_TOLERANCE_PERCENT)) {
    const over = /^\d/.test(text) && percent > MAX_TOLERANCE_PERCENT;
    return {
      ok: false,
      error: `"${String(input).trim()}" is not a percentage from 0 to ${MAX_TOLERANCE_PERCENT}${
        over ? " (a tolerance cannot be more than the stated total)" : ""
      }: write 0, or a percentage such as 0.5`,
    };
  }
  return { ok: true, value: percent };
}

/** A tolerance amount: money as `parseMoney` reads it ("£500", "500"), £0 or more; blank is £0. */
export function parseToleranceAmount(input: string | number): Parsed<Pence> {
  if (typeof input === "string" && input.trim() === "") return { ok: true, value: 0 };
  const amount = parseMoney(input);
  if (!amount.ok) return amount;
  if (amount.value.pence < 0) {
    return {
      ok: false,
      error: "the tolerance cannot be negative: write 0, or the difference you accept, such as £500",
    };
  }
  return { ok: true, value: amount.value.pence };
}

/**
 * A tolerance given in one place: a percentage when it ends in "%" ("0.5%", ".5%"), else an amount
 * of money ("£600", 600).
 */
export function parseTolerance(input: string | number): Parsed<Tolerance> {
  if (typeof input === "string" && input.trim().endsWith("%")) {
    const percent = parseTolerancePercent(input);
    return percent.ok ? { ok: true, value: { absolute: 0, percent: percent.value } } : percent;
  }
  const amount = parseToleranceAmount(input);
  return amount.ok ? { ok: true, value: { absolute: amount.value, percent: 0 } } : amount;
}
