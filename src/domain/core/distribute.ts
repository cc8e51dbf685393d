/**
 * The largest-remainder method: split a whole-number total (pence, or days) in proportion to
 * weights so that the parts are whole numbers and add up exactly to the total.
 */

/**
 * Split `total` (a whole number, may be negative) by `weights` (non-negative, not all zero).
 * Each part gets the floor of its exact share; the units left over go one each to the parts
 * with the largest remainders, ties going to the earlier part (lot order). Parts add up to
 * `total` exactly. Throws a RangeError for a negative, non-finite or all-zero weight list.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) {
    throw new RangeError(
      Number.isInteger(total)
        ? `The total to split, ${total}, is too large to split exactly`
        : `The total to split must be a whole number, got ${total}`,
    );
  }
  const { sum, max, allIntegers } = checkWeights(weights);
  if (total < 0) return largestRemainder(-total, weights).map((p) => (p === 0 ? 0 : -p));

  const parts: number[] = [];
  const remainders: number[] = [];
  let allotted = 0;
  if (allIntegers && Number.isSafeInteger(sum) && Number.isSafeInteger(total * max)) {
    // Exact integer arithmetic: share = total × w / sum.
    for (let i = 0; i < weights.length; i++) {
      const product = total * weights[i];
      const part = Math.floor(product / sum);
      parts.push(part);
      remainders.push(product - part * sum);
      allotted += part;
    }
  } else if (allIntegers && Number.isSafeInteger(sum)) {
    const bigSum = BigInt(sum);
    for (let i = 0; i < weights.length; i++) {
      const product = BigInt(total) * BigInt(weights[i]);
      const part = product / bigSum;
      parts.push(Number(part));
      remainders.push(Number(product - part * bigSum) / sum);
      allotted += Number(part);
    }
  } else {
    for (let i = 0; i < weights.length; i++) {
      const share = (total * weights[i]) / sum;
      const part = Math.floor(share);
      parts.push(part);
      remainders.push(share - part);
      allotted += part;
    }
  }
  let left = total - allotted;
  if (left === 0) return parts;
  if (left < 0) {
    // Floating shares can overshoot by a unit; take it back from the smallest remainders.
    const order = weights.map((_, i) => i).sort((a, b) => remainders[a] - remainders[b] || b - a);
    for (const i of order) {
      if (left === 0) break;
      if (parts[i] > 0) {
        parts[i]--;
        left++;
      }
    }
    return parts;
  }
  const order = weights
    .map((_, i) => i)
    .filter((i) => weights[i] > 0)
    .sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    parts[order[k]]++;
    left--;
  }
  return parts;
}

/** Weights checked once, to split many totals by them (see `splitByWeights`). */
export interface PreparedWeights {
  readonly weights: readonly number[];
  readonly sum: number;
  readonly max: number;
  readonly allIntegers: boolean;
  /** How many weights are more than zero. */
  readonly positive: number;
}

/** Check `weights` once (as `largestRemainder` does) for splitting many totals by them. */
export function prepareWeights(weights: readonly number[]): PreparedWeights {
  // Written out, not spread: one object shape that V8 keeps from one call to the next.
  const { sum, max, allIntegers, positive } = checkWeights(weights);
  return { weights: weights.slice(), sum, max, allIntegers, positive };
}

/**
 * The sum, largest and number of positive weights, and whether all are whole; throws a RangeError
 * for no weights, a negative or non-finite weight, or weights that are all zero.
 */
function checkWeights(weights: readonly number[]): Omit<PreparedWeights, "weights"> {
  if (weights.length === 0) throw new RangeError("There is nothing to split the total between (no weights)");
  let sum = 0;
  let max = 0;
  let positive = 0;
  let allIntegers = true;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`Weight ${i + 1} is ${w}; weights must be zero or more`);
    }
    if (!Number.isInteger(w)) allIntegers = false;
    if (w > 0) positive++;
    sum += w;
    if (w > max) max = w;
  }
  if (sum === 0)
    throw new RangeError("All the weights are zero, so there is no proportion to split the total by");
  return { sum, max, allIntegers, positive };
}

// Remainders of the split under way (reused: splitting is never re-entered).
let scratch = new Float64Array(16);

/**
 * `largestRemainder(total, prepared.weights)`, the same parts, without checking the weights again
 * or sorting: for splitting many totals by the same weights (each lot's value over its months).
 */
export function splitByWeights(total: number, prepared: PreparedWeights): number[] {
  const { weights, sum, max, allIntegers, positive } = prepared;
  if (total < 0 || !Number.isSafeInteger(total) || !allIntegers || !Number.isSafeInteger(total * max)) {
    // Negative totals, and the BigInt and floating-point paths, as largestRemainder does them.
    return largestRemainder(total, weights);
  }
  const n = weights.length;
  if (scratch.length < n) scratch = new Float64Array(n * 2);
  const remainders = scratch;
  const parts = new Array<number>(n);
  let allotted = 0;
  for (let i = 0; i < n; i++) {
    const product = total * weights[i];
    const part = Math.floor(product / sum);
    parts[i] = part;
    remainders[i] = product - part * sum;
    allotted += part;
  }
  let left = total - allotted;
  if (left === 0) return parts;
  // Every weight above zero gets one unit per full round; the rest go to the largest remainders,
  // ties to the earlier part: the order largestRemainder hands them out in.
  if (left >= positive) {
    const rounds = Math.floor(left / positive);
    for (let i = 0; i < n; i++) if (weights[i] > 0) parts[i] += rounds;
    left -= rounds * positive;
  }
  for (; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best])) best = i;
    }
    parts[best]++;
    remainders[best] = -1;
  }
  return parts;
}
