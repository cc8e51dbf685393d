/** What is wrong with an amount of money as typed: the messages of `parseMoney`. Imports no money code, so money.ts can use it. */

import { quoted } from "./quoted";

const q = quoted;

export const moneyMessages = {
  empty: (): string => "is empty; enter an amount such as £107,520",
  notAmount: (raw: string): string =>
    `${q(raw)} is not an amount of money; write it like 107520, £107,520, £107,520.00, £1.2m or £346k`,
  manyPoints: (raw: string): string =>
    `${q(raw)} has more than one decimal point; write it like £107,520.00 (commas between thousands)`,
  noDigits: (raw: string): string => `${q(raw)} has no amount after the £ sign`,
  badGrouping: (raw: string): string =>
    `${q(raw)} has commas in the wrong places; commas go between groups of three digits, like 1,000,000`,
  badSuffix: (raw: string, suffix: string): string =>
    `${q(raw)} ends in ${q(suffix)}, which is not an amount; use k, m (or million) or bn`,
  tooManyDecimals: (raw: string): string =>
    `${q(raw)} has more than 2 decimal places; amounts are in pounds and pence, like 1,000.10`,
  fractionOfPenny: (raw: string): string =>
    `${q(raw)} is a fraction of a penny; give it to the nearest penny`,
  tooLarge: (raw: string): string => `${q(raw)} is too large to hold exactly to the penny`,
  letterO: (typed: string, meant: string): string =>
    `${q(typed)} has the letter O where a zero seems meant: type ${meant}`,
};
