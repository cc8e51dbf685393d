/**
 * Counting the work regular expressions do, without a clock: while `countRegexpSteps` runs, every
 * regular expression match (exec, and through it test, match, matchAll, replace, split and search,
 * which all call exec by the language's rules once it is replaced) adds the characters its search
 * passed over:
 *
 * - a search that found a match, from where it started to the end of the match;
 * - a search that found none, from where it started to the end of the text, or one character when
 *   the pattern is anchored at the start (`^…` without the m flag, or sticky), since only one place
 *   is tried.
 *
 * This sees a reader that searches the same text again and again (a figure's sentence scanned once
 * per figure, a search from the start of the text for each mention), which is where work grows
 * with the square of the text. It cannot see a pattern backtracking inside one search (the engine
 * does not tell JavaScript): such a pattern shows as a test that takes far longer than its
 * neighbours, on texts built to make it fail at every place (a long run of spaces, digits, commas).
 */

export interface RegexpSteps {
  /** Characters passed over by all searches. */
  steps: number;
  /** Searches made. */
  searches: number;
}

/** True when the pattern can only match at the start: `^` first and no top-level alternative. */
function anchoredAtStart(re: RegExp): boolean {
  if (re.sticky) return true;
  if (re.multiline || !re.source.startsWith("^")) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < re.source.length; i++) {
    const c = re.source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return false;
  }
  return true;
}

/** Runs `work` with every regular expression search counted; the count and the work's result. */
export function countRegexpSteps<T>(work: () => T): { counted: RegexpSteps; result: T } {
  const counted: RegexpSteps = { steps: 0, searches: 0 };
  const exec = RegExp.prototype.exec;
  const anchored = new WeakMap<RegExp, boolean>();
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, text);
    let isAnchored = anchored.get(this);
    if (isAnchored === undefined) anchored.set(this, (isAnchored = anchoredAtStart(this)));
    counted.searches++;
    counted.steps +=
      m !== null ? m.index + m[0].length - from + 1 : isAnchored ? 1 : Math.max(1, text.length - from);
    return m;
  };
  try {
    return { counted, result: work() };
  } finally {
    RegExp.prototype.exec = exec;
  }
}
