/**
 * Letters typed where digits were meant. "85O" (the letter O for a zero) reads to the money reader as
 * 85 followed by a unit it does not know, and its message ("use k, m or bn") sends the user the
 * wrong way: the pane says what it found and what to type instead.
 */
import { parseMoney } from "../domain/core/money";
import { quoted } from "../domain/core/quoted";

/** Each letter O next to a digit (or a comma or point after one, or such an O) read as a zero: "1O,OOO" → "10,000". */
function zeroesFor(text: string): string {
  let meant = text;
  for (let before = ""; before !== meant;) {
    before = meant;
    meant = meant.replace(
      /(\d[,.]?)[oO]|[oO]([,.]?\d)/g,
      (_, a: string | undefined, b: string | undefined) => (a === undefined ? `0${b}` : `${a}0`),
    );
  }
  return meant;
}

/**
 * The message for an amount typed with the letter O for a zero, or undefined when that is not what
 * is wrong with it.
 *
 * @example
 * letterOMessage("85O"); // → '"85O" has the letter O where a zero seems meant: type 850'
 */
export function letterOMessage(raw: string): string | undefined {
  const text = raw.trim();
  const meant = zeroesFor(text);
  if (meant === text || !parseMoney(meant).ok) return undefined;
  return `${quoted(text)} has the letter O where a zero seems meant: type ${meant}`;
}
