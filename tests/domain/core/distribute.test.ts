import fc from "fast-check";
import { largestRemainder, prepareWeights, splitByWeights } from "../../../src/domain/core/distribute";

describe("largestRemainder", () => {
  it("splits so the parts add up exactly", () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainder(34656000, [112, 51, 99, 99])).toEqual([10752000, 4896000, 9504000, 9504000]);
    expect(largestRemainder(10, [0, 1, 0])).toEqual([0, 10, 0]);
    expect(largestRemainder(0, [3, 4])).toEqual([0, 0]);
  });

  it("gives leftover units to the largest remainders, ties by lot order", () => {
    // 7 × (1/6, 2/6, 3/6) = 1.1667, 2.3333, 3.5 → floors 1, 2, 3; one unit left → the third (0.5).
    expect(largestRemainder(7, [1, 2, 3])).toEqual([1, 2, 4]);
    // Exact ties: 2 over four equal weights → the first two.
    expect(largestRemainder(2, [5, 5, 5, 5])).toEqual([1, 1, 0, 0]);
    expect(largestRemainder(5, [1, 1, 1, 1])).toEqual([2, 1, 1, 1]);
  });

  it("splits negative totals symmetrically", () => {
    expect(largestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it("handles fractional weights (half days)", () => {
    expect(largestRemainder(1000, [0.5, 1.5])).toEqual([250, 750]);
    expect(largestRemainder(1, [1 / 3, 1 / 3, 1 / 3])).toEqual([1, 0, 0]);
  });

  it("handles totals and weights whose products pass 2^53", () => {
    const parts = largestRemainder(9e15, [1e6, 3e6, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(9e15);
    expect(parts[1]).toBeGreaterThan(parts[0] * 2.99);
  });

  it("rejects weights it cannot split by", () => {
    expect(() => largestRemainder(100, [1, -1])).toThrow(/Weight 2 is -1; weights must be zero or more/);
    expect(() => largestRemainder(100, [0, 0])).toThrow(/All the weights are zero/);
    expect(() => largestRemainder(100, [])).toThrow(/nothing to split/);
    expect(() => largestRemainder(100, [Number.NaN])).toThrow(RangeError);
    expect(() => largestRemainder(1.5, [1])).toThrow(/whole number/);
    expect(() => largestRemainder(1e20, [1, 2])).toThrow(
      "The total to split, 100000000000000000000, is too large to split exactly",
    );
  });

  it("always adds up exactly and stays within one unit of the exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.oneof(fc.nat({ max: 1e6 }), fc.double({ min: 0, max: 1e4, noNaN: true })), {
          minLength: 1,
          maxLength: 40,
        }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const copy = [...weights];
          const parts = largestRemainder(total, weights);
          expect(weights).toEqual(copy);
          expect(parts.length).toBe(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            if (weights[i] === 0) expect(p).toBe(0);
            expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1 + Math.abs(total) * 1e-9);
          });
        },
      ),
    );
  });

  it("splits many totals by prepared weights exactly as it splits each one", () => {
    const months = prepareWeights([18, 21, 22, 3]);
    expect(splitByWeights(1_000_001, months)).toEqual(largestRemainder(1_000_001, [18, 21, 22, 3]));
    expect(splitByWeights(7, prepareWeights([1, 2, 3]))).toEqual([1, 2, 4]);
    expect(splitByWeights(5, prepareWeights([1, 1, 1, 1]))).toEqual([2, 1, 1, 1]);
    expect(splitByWeights(2, prepareWeights([5, 0, 5, 5, 5]))).toEqual([1, 0, 1, 0, 0]);
    expect(splitByWeights(-100, prepareWeights([1, 1, 1]))).toEqual([-34, -33, -33]);
    expect(splitByWeights(1000, prepareWeights([0.5, 1.5]))).toEqual([250, 750]);
    expect(() => prepareWeights([0, 0])).toThrow(/All the weights are zero/);
    expect(() => prepareWeights([1, -1])).toThrow(/Weight 2 is -1/);
    expect(() => prepareWeights([])).toThrow(/nothing to split/);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.oneof(fc.nat({ max: 30 }), fc.nat({ max: 1e6 }), fc.double({ min: 0, max: 1e4, noNaN: true })),
          { minLength: 1, maxLength: 30 },
        ),
        (totals, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const prepared = prepareWeights(weights);
          for (const total of totals) {
            expect(splitByWeights(total, prepared)).toEqual(largestRemainder(total, weights));
          }
        },
      ),
    );
  });
});
