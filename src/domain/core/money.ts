/**
 * Money: integer pence throughout. Pounds appear only at the edges (JSON, cells, CSV).
 *
 * Rounding rule everywhere: Excel's ROUND, half away from zero (2.5 → 3, -2.5 → -3).
 */
import { moneyMessages as m } from "./money-messages";
import type { Parsed, Pence, StatedAmount } from "./types";

const POUND = 100;

/** Exact decimal digits of a finite number as JavaScript writes it: value = sign × digits × 10^-scale. */
interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`Expected a finite number, got ${x}`);
  const text = String(Math.abs(x));
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Cannot read the number ${text}`);
  const [, whole, frac = "", exp = "0"] = match;
  let scale = frac.length - Number(exp);
  let digits = BigInt(whole + frac);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { negative: x < 0, digits, scale };
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
function divRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  if ((n % denominator) * 2n >= denominator) q += 1n;
  return negative ? -q : q;
}

function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is too large to hold exactly (${value})`);
  return n;
}

/**
 * Excel's ROUND: `x` rounded to `digits` decimal places, halves away from zero. Works on the
 * number's decimal digits as written, so ROUND(2.675, 2) = 2.68 as in Excel (not 2.67).
 */
export function roundHalfAwayFromZero(x: number, digits = 0): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new RangeError(`digits must be a whole number from 0 to 15, got ${digits}`);
  }
  if (Number.isInteger(x)) return x;
  const d = toDecimal(x);
  if (d.scale <= digits) return x;
  const rounded = divRoundHalfAway(d.digits, 10n ** BigInt(d.scale - digits));
  const result = Number(rounded) / 10 ** digits;
  return d.negative && result !== 0 ? -result : result;
}

/** Pence as pounds (a JavaScript number) for JSON, cells and CSV. */
export function penceToPounds(p: Pence): number {
  return p / POUND;
}

/** Pounds (a JavaScript number) as whole pence, rounded half away from zero. */
export function poundsToPence(pounds: number): Pence {
  // Whole pounds (most amounts) times 100 are exact while safe; -0 is 0, as below.
  if (Number.isInteger(pounds) && Number.isSafeInteger(pounds * 100)) return pounds * 100 + 0;
  const d = toDecimal(pounds);
  const p = divRoundHalfAway(d.digits * 100n, 10n ** BigInt(d.scale));
  return toSafeNumber(d.negative ? -p : p, "The amount");
}

/**
 * The same number, held as a small integer when it is a whole number that fits in 32 bits (any
 * amount under £10 million, say). Numbers worked out from a fraction (a lot's 10 days read from a
 * tender where another lot has 2.5) are otherwise held as floating point, and every object that
 * keeps one, such as an allocation line, then gets a separate box for it: at 100,000 lots that is
 * hundreds of thousands of extra objects. Anything else (fractions, larger amounts, -0) is returned as is.
 */
export function asSmallInteger(n: number): number {
  const small = n | 0;
  return small === n && (small !== 0 || 1 / n > 0) ? small : n;
}

/**
 * A day rate times a number of days, exact to the penny. Days may be fractional (half days);
 * a part penny is rounded half away from zero, like Excel's ROUND(rate * days, 2) in pounds.
 */
export function rateTimesDays(rate: Pence, days: number): Pence {
  if (!Number.isSafeInteger(rate)) throw new RangeError(`rate must be whole pence, got ${rate}`);
  if (Number.isInteger(days)) {
    const product = rate * days;
    if (Number.isSafeInteger(product)) return asSmallInteger(product);
  }
  // Days to at most 2 decimals (half and quarter days) in plain integer arithmetic.
  const hundredths = Math.round(days * 100);
  if (hundredths / 100 === days) {
    const product = rate * hundredths;
    if (Math.abs(product) < 2 ** 46) {
      const q = Math.trunc(product / 100);
      const r = Math.abs(product - q * 100);
      return asSmallInteger(r * 2 >= 100 ? q + Math.sign(product) : q);
    }
  }
  const d = toDecimal(days);
  const product = divRoundHalfAway(BigInt(rate) * d.digits, 10n ** BigInt(d.scale));
  return toSafeNumber(d.negative ? -product : product, "rate × days");
}

/** VAT on an ex-VAT amount at `ratePercent` (20 = 20%), rounded to the penny half away from zero. */
export function vatOn(p: Pence, ratePercent: number): Pence {
  if (!Number.isSafeInteger(p)) throw new RangeError(`amount must be whole pence, got ${p}`);
  const d = toDecimal(ratePercent);
  const vat = divRoundHalfAway(BigInt(p) * d.digits, 100n * 10n ** BigInt(d.scale));
  return toSafeNumber(d.negative ? -vat : vat, "VAT");
}

/** `p` rounded to a multiple of `unit` pence, halves away from zero (£346,560 to £1,000 → £347,000). */
export function roundToUnit(p: Pence, unit: Pence): Pence {
  if (!Number.isSafeInteger(unit) || unit <= 0)
    throw new RangeError(`unit must be positive pence, got ${unit}`);
  return Number(divRoundHalfAway(BigInt(p), BigInt(unit)) * BigInt(unit));
}

/** Greatest common divisor of whole numbers (signs ignored); gcd() = 0, gcd(0, n) = |n|. */
export function gcd(...values: number[]): number {
  return gcdOf(values);
}

/** `gcd` of a list, however long. */
export function gcdOf(values: readonly number[]): number {
  let g = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`gcd needs whole numbers, got ${v}`);
    let a = g;
    let b = Math.abs(v);
    while (b !== 0) {
      const t = a % b;
      a = b;
      b = t;
    }
    g = a;
  }
  return g;
}

export interface FormatMoneyOptions {
  /** Put a + sign on positive amounts ("+£560.00"), as for a variance. */
  signed?: boolean;
  /** Leave off ".00" when the amount is whole pounds ("£346,560"). */
  omitZeroPence?: boolean;
}

/** A whole number's digits in groups of three: 1234567 → "1,234,567". */
export function groupThousands(whole: number): string {
  const digits = String(whole);
  let head = digits.length % 3;
  if (head === 0) head = 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return out;
}

/** ".00" to ".99": pence as written after the pounds. */
const PENCE_TEXT: readonly string[] = Array.from({ length: POUND }, (_, k) => (k < 10 ? `.0${k}` : `.${k}`));

/** en-GB money: 10752000 → "£107,520.00"; negatives "-£560.00". */
export function formatMoney(p: Pence, opts?: FormatMoneyOptions): string {
  if (!Number.isSafeInteger(p)) throw new RangeError(`amount must be whole pence, got ${p}`);
  const abs = p < 0 ? -p : p;
  const pence = abs % POUND;
  const pounds = (abs - pence) / POUND;
  // Built in two joins (sign and £ are one piece, pence come written): a tender's findings quote
  // thousands of amounts, and every string made on the way is garbage to collect.
  const lead = p < 0 ? "-£" : opts?.signed && p > 0 ? "+£" : "£";
  const head = lead + (pounds < 1000 ? String(pounds) : groupThousands(pounds));
  return opts?.omitZeroPence && pence === 0 ? head : head + PENCE_TEXT[pence];
}

/** A precision in pence written for people: 100000 → "£1,000", 1 → "1p". */
export function formatPrecision(precision: Pence): string {
  if (precision < POUND) return `${precision}p`;
  return formatMoney(precision, { omitZeroPence: true });
}

const MULTIPLIERS: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  million: 6,
  bn: 9,
  billion: 9,
};

/** Precision of whole pence: the unit of the last significant digit, counting trailing zeros. */
function trailingZeroUnit(pence: bigint, minimum: bigint): bigint {
  if (pence === 0n) return minimum;
  let unit = minimum;
  let rest = pence / minimum;
  while (rest % 10n === 0n) {
    rest /= 10n;
    unit *= 10n;
  }
  return unit;
}

/**
 * Read an amount the way procurement people type and paste it: `107520`, `£107,520`,
 * `£107,520.00`, `£1.2m`, `£1.2 million`, `£346k`, `1,000.10`, `-£560`. A number is pounds.
 *
 * The precision is what the figure was stated to: `£346,000` → £1,000; `£1.2m` → £100,000;
 * `£107,520.00` → 1p; `£107,520.5` → 10p.
 */
export function parseMoney(input: string | number): Parsed<StatedAmount> {
  if (typeof input === "number") return parseMoneyNumber(input);
  if (typeof input !== "string") return { ok: false, error: m.notAmount(String(input)) };
  const read = parseMoneyText(input);
  if (read.ok) return read;
  const letterO = letterOMessage(input);
  return letterO === undefined ? read : { ok: false, error: letterO };
}

/**
 * The longest text looked at for the letter O typed for a zero: longer than any amount written out,
 * so a pasted page is not searched over and over.
 */
const LETTER_O_LENGTH = 80;

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
 * The message for an amount typed with the letter O for a zero ("85O" would otherwise read as 85
 * followed by a unit, and be answered with "use k, m or bn"), or undefined when that is not what is
 * wrong with it: the Os read as zeroes must make an amount.
 *
 * @example
 * letterOMessage("85O"); // → '"85O" has the letter O where a zero seems meant: type 850'
 * letterOMessage("85x"); // → undefined
 */
export function letterOMessage(raw: string): string | undefined {
  const text = raw.trim();
  if (text.length > LETTER_O_LENGTH) return undefined;
  const meant = zeroesFor(text);
  if (meant === text || !parseMoneyText(meant).ok) return undefined;
  return m.letterO(text, meant);
}

/** `parseMoney` for text, without looking for the letter O typed for a zero. */
function parseMoneyText(input: string): Parsed<StatedAmount> {
  const raw = input;
  let text = input.trim().replace(/\u2212/g, "-");
  if (text === "") return { ok: false, error: m.empty() };
  let negative = false;
  const signMatch = /^([+-])\s*/.exec(text);
  if (signMatch) {
    negative = signMatch[1] === "-";
    text = text.slice(signMatch[0].length);
  }
  const currency = /^(?:£|GBP)\s*/i.exec(text);
  if (currency) {
    text = text.slice(currency[0].length);
    const afterSign = /^([+-])\s*/.exec(text);
    if (afterSign && !signMatch) {
      negative = afterSign[1] === "-";
      text = text.slice(afterSign[0].length);
    }
    if (text === "") return { ok: false, error: m.noDigits(raw) };
  }
  const match = /^([0-9][0-9,]*)(?:\.([0-9]+))?\s*([a-z]+)?$/i.exec(text);
  if (!match) {
    return { ok: false, error: (text.match(/\./g) ?? []).length > 1 ? m.manyPoints(raw) : m.notAmount(raw) };
  }
  const [, whole, frac = "", suffixRaw] = match;
  if (whole.includes(",") && !/^[0-9]{1,3}(?:,[0-9]{3})+$/.test(whole)) {
    return { ok: false, error: m.badGrouping(raw) };
  }
  let exponent = 0;
  if (suffixRaw !== undefined) {
    const suffix = suffixRaw.toLowerCase();
    if (!(suffix in MULTIPLIERS)) return { ok: false, error: m.badSuffix(raw, suffixRaw) };
    exponent = MULTIPLIERS[suffix];
  }
  const digits = BigInt(whole.replace(/,/g, "") + frac);
  // value in pence = digits × 10^(exponent + 2 - frac.length)
  const penceExponent = exponent + 2 - frac.length;
  if (penceExponent < 0) {
    return { ok: false, error: suffixRaw === undefined ? m.tooManyDecimals(raw) : m.fractionOfPenny(raw) };
  }
  const pence = digits * 10n ** BigInt(penceExponent);
  const minimumUnit = 10n ** BigInt(penceExponent);
  // Written decimals fix the precision ("£1.20m" → £10,000); whole figures count trailing zeros.
  const precision =
    frac.length > 0 ? minimumUnit : trailingZeroUnit(pence, minimumUnit > 100n ? minimumUnit : 100n);
  const value = Number(negative ? -pence : pence);
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(Number(precision))) {
    return { ok: false, error: m.tooLarge(raw) };
  }
  return { ok: true, value: { pence: value === 0 ? 0 : value, precision: Number(precision) } };
}

function parseMoneyNumber(input: number): Parsed<StatedAmount> {
  if (!Number.isFinite(input)) return { ok: false, error: m.notAmount(String(input)) };
  if (Number.isInteger(input) && Number.isSafeInteger(input * 100)) {
    // Whole pounds: stated to the pound or to its trailing zeros (£346,000 → £1,000), as below.
    let precision = 100;
    for (let rest = Math.abs(input); rest !== 0 && rest % 10 === 0; rest /= 10) precision *= 10;
    return { ok: true, value: { pence: input * 100 + 0, precision } };
  }
  const d = toDecimal(input);
  if (d.scale > 2) return { ok: false, error: m.tooManyDecimals(String(input)) };
  const pence = d.digits * 10n ** BigInt(2 - d.scale);
  const value = Number(d.negative ? -pence : pence);
  if (!Number.isSafeInteger(value)) return { ok: false, error: m.tooLarge(String(input)) };
  const precision = d.scale > 0 ? 10n ** BigInt(2 - d.scale) : trailingZeroUnit(pence, 100n);
  return { ok: true, value: { pence: value === 0 ? 0 : value, precision: Number(precision) } };
}
