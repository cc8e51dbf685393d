/**
 * Tables of cases: one test per row of a table, each checking what a function gives for the row's
 * input.
 */

/**
 * One test per `[input, expected]` row: `fn(input)` equals `expected` (`toEqual`, so a value or a
 * structure). `title` names each test as `test.each` does ("%s → %s").
 */
export function eachGives<I, O>(
  title: string,
  fn: (input: I) => O,
  cases: readonly (readonly [I, O])[],
): void {
  test.each(cases.map(([input, expected]) => [input, expected] as [I, O]))(title, (input, expected) => {
    expect(fn(input)).toEqual(expected);
  });
}
