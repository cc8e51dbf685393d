/**
 * The tenders the bench measures: `n` lots with their own day rates, days (some half days), stated
 * values (every seventh one £100 out, so reconciliation has findings to write) and dates spread over a
 * year, so phasing works across many months and financial years.
 */
import { rateTimesDays } from "../src/domain/core/money";
import type { Lot, Tender } from "../src/domain/core/types";

/** First working Mondays of April 2025 to March 2026: the lots' start dates, in turn. */
const STARTS = [
  "2025-04-07",
  "2025-05-12",
  "2025-06-02",
  "2025-07-07",
  "2025-08-04",
  "2025-09-01",
  "2025-10-06",
  "2025-11-03",
  "2025-12-01",
  "2026-01-05",
  "2026-02-02",
  "2026-03-02",
];

/** A lot name as long as real ones often are (48 characters at 100,000 lots). */
export function longLotName(i: number): string {
  return `London Borough of Barking and Dagenham, lot ${i + 1}`;
}

export function benchTender(n: number, options: { longNames?: boolean } = {}): Tender {
  const lots: Lot[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const dayRate = 45_000 + (i % 20) * 5_000;
    const days = 5 + (i % 40) + (i % 4 === 0 ? 0.5 : 0);
    const value = rateTimesDays(dayRate, days);
    total += value;
    const start = STARTS[i % STARTS.length];
    const year = Number(start.slice(0, 4)) + 1;
    lots.push({
      name: options.longNames ? longLotName(i) : `Lot ${i + 1}`,
      dayRate,
      days,
      statedValue: i % 7 === 0 ? value + 10_000 : value,
      startDate: start,
      endDate: `${year}${start.slice(4, 8)}28`,
    });
  }
  return {
    title: `Bench tender of ${n.toLocaleString("en-GB")} lots`,
    buyer: "Bench County Council",
    currency: "GBP",
    // The lots' total, stated to the nearest £1,000: a TOTAL_ROUNDED or TOTAL_MISMATCH to find.
    statedTotal: { pence: Math.round(total / 100_000) * 100_000, precision: 100_000 },
    dayRate: 60_000,
    closingDate: "2025-03-14",
    startDate: "2025-04-07",
    endDate: "2027-03-31",
    region: "GB-ENG",
    vatRate: 20,
    lots,
  };
}
