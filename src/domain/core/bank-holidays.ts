/**
 * UK bank holidays as gov.uk publishes them (https://www.gov.uk/bank-holidays, "UK bank holidays"),
 * for its three divisions: England and Wales, Scotland, Northern Ireland.
 *
 * The regular days follow the Banking and Financial Dealings Act 1971 (Schedule 1) and the royal
 * proclamations made under it each year; the changes since 1971 and the one-off days are data below,
 * not rules, so that a new proclamation is one line. Substitute days: a fixed-date holiday on a
 * Saturday or Sunday moves to the next weekday that is not already a bank holiday (Christmas on a
 * Saturday gives Monday 27 and Tuesday 28 December).
 *
 * Pure: no time zones, no `Date` in local time; dates are `YYYY-MM-DD`.
 */
import { civilFromDays, daysFromCivil, isoOf } from "./day-numbers";
import type { IsoDate, Region } from "./types";

/** gov.uk's names for its three divisions, as in https://www.gov.uk/bank-holidays.json. */
export type Division = "england-and-wales" | "scotland" | "northern-ireland";

export const REGION_DIVISIONS: Readonly<Record<Region, Division>> = {
  "GB-ENG": "england-and-wales",
  "GB-SCT": "scotland",
  "GB-NIR": "northern-ireland",
};

/** One bank holiday: the day it is kept, its title, and whether it is a substitute day. */
export interface BankHoliday {
  date: IsoDate;
  title: string;
  substitute: boolean;
}

/** The first year the rules here describe; earlier years have other holidays (Whit Monday…). */
export const FIRST_RULE_YEAR = 1970;

const ALL: readonly Division[] = ["england-and-wales", "scotland", "northern-ireland"];

/**
 * When a regular holiday began in a division under the 1971 Act and the proclamations after it:
 * New Year's Day in England, Wales and Northern Ireland and Boxing Day in Scotland from 1974, the
 * early May bank holiday in England, Wales and Northern Ireland from 1978, St Andrew's Day in
 * Scotland from 2007 (St Andrew's Day Bank Holiday (Scotland) Act 2007).
 */
export const HOLIDAY_SINCE: Readonly<Record<string, Partial<Record<Division, number>>>> = {
  newYear: { "england-and-wales": 1974, "northern-ireland": 1974 },
  boxingDay: { scotland: 1974 },
  earlyMay: { "england-and-wales": 1978, "northern-ireland": 1978 },
  stAndrew: { scotland: 2007 },
};

/** A regular holiday kept on another day by proclamation that year: [year, holiday, date]. */
export const MOVED_HOLIDAYS: readonly {
  year: number;
  holiday: "earlyMay" | "spring";
  date: IsoDate;
  title: string;
  divisions: readonly Division[];
}[] = [
  { year: 1977, holiday: "spring", date: "1977-06-06", title: "Spring bank holiday", divisions: ALL },
  {
    year: 1995,
    holiday: "earlyMay",
    date: "1995-05-08",
    title: "Early May bank holiday (VE day)",
    divisions: ALL,
  },
  { year: 2002, holiday: "spring", date: "2002-06-04", title: "Spring bank holiday", divisions: ALL },
  { year: 2012, holiday: "spring", date: "2012-06-04", title: "Spring bank holiday", divisions: ALL },
  {
    year: 2020,
    holiday: "earlyMay",
    date: "2020-05-08",
    title: "Early May bank holiday (VE day)",
    divisions: ALL,
  },
  { year: 2022, holiday: "spring", date: "2022-06-02", title: "Spring bank holiday", divisions: ALL },
];

/** Days added once by proclamation. */
export const ONE_OFF_HOLIDAYS: readonly { date: IsoDate; title: string; divisions: readonly Division[] }[] = [
  { date: "1977-06-07", title: "Silver Jubilee of Queen Elizabeth II", divisions: ALL },
  { date: "1981-07-29", title: "Wedding of Prince Charles and Lady Diana Spencer", divisions: ALL },
  { date: "1999-12-31", title: "Millennium celebrations", divisions: ALL },
  { date: "2002-06-03", title: "Golden Jubilee of Queen Elizabeth II", divisions: ALL },
  { date: "2011-04-29", title: "Wedding of Prince William and Catherine Middleton", divisions: ALL },
  { date: "2012-06-05", title: "Queen’s Diamond Jubilee", divisions: ALL },
  { date: "2022-06-03", title: "Platinum Jubilee bank holiday", divisions: ALL },
  { date: "2022-09-19", title: "Bank Holiday for the State Funeral of Queen Elizabeth II", divisions: ALL },
  { date: "2023-05-08", title: "Bank holiday for the coronation of King Charles III", divisions: ALL },
  { date: "2026-06-15", title: "Additional bank holiday in Scotland", divisions: ["scotland"] },
];

const civilDate = (n: number): IsoDate => isoOf(...civilFromDays(n));

const dayOf = (date: IsoDate): number =>
  daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/** 0 Sunday … 6 Saturday. */
const weekday = (n: number): number => (((n + 4) % 7) + 7) % 7;
const isWeekend = (n: number): boolean => weekday(n) === 0 || weekday(n) === 6;

/** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" computus) as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** The first Monday of a month. */
function firstMonday(year: number, month: number): number {
  const first = daysFromCivil(year, month, 1);
  return first + ((8 - weekday(first)) % 7);
}

/** The last Monday of a month. */
function lastMonday(year: number, month: number): number {
  const last = daysFromCivil(year, month + 1, 1) - 1;
  return last - ((weekday(last) + 6) % 7);
}

const since = (holiday: string, division: Division, year: number): boolean =>
  year >= (HOLIDAY_SINCE[holiday]?.[division] ?? FIRST_RULE_YEAR);

function moved(year: number, holiday: "earlyMay" | "spring", division: Division) {
  return MOVED_HOLIDAYS.find(
    (m) => m.year === year && m.holiday === holiday && m.divisions.includes(division),
  );
}

const cache = new Map<string, readonly BankHoliday[]>();

/**
 * The bank holidays of a division in a year, in date order, as gov.uk lists them: the regular days
 * (moved or substituted as proclaimed) and the one-off days. Throws a RangeError before 1970.
 */
export function bankHolidaysOf(division: Division, year: number): readonly BankHoliday[] {
  if (!ALL.includes(division))
    throw new RangeError(`Unknown bank-holiday division: ${JSON.stringify(division)}`);
  if (!Number.isInteger(year) || year > 9999) throw new RangeError(`Not a year: ${year}`);
  if (year < FIRST_RULE_YEAR)
    throw new RangeError(`UK bank holidays are known from ${FIRST_RULE_YEAR}, not for ${year}`);
  const key = `${division} ${year}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const kept = new Map<number, BankHoliday>();
  const add = (n: number, title: string, substitute = false): void => {
    kept.set(n, { date: civilDate(n), title, substitute });
  };
  /** Fixed-date holidays, in order: each on a weekend moves to the next free weekday. */
  const fixed: [number, string][] = [];

  const ew = division === "england-and-wales";
  const scot = division === "scotland";
  const ni = division === "northern-ireland";

  if (since("newYear", division, year)) fixed.push([daysFromCivil(year, 1, 1), "New Year’s Day"]);
  if (scot) fixed.push([daysFromCivil(year, 1, 2), "2nd January"]);
  if (ni) fixed.push([daysFromCivil(year, 3, 17), "St Patrick’s Day"]);
  const easter = easterSunday(year);
  add(easter - 2, "Good Friday");
  if (!scot) add(easter + 1, "Easter Monday");
  if (since("earlyMay", division, year)) {
    const m = moved(year, "earlyMay", division);
    if (m) add(dayOf(m.date), m.title);
    else add(firstMonday(year, 5), "Early May bank holiday");
  }
  const spring = moved(year, "spring", division);
  if (spring) add(dayOf(spring.date), spring.title);
  else add(lastMonday(year, 5), "Spring bank holiday");
  if (ni) fixed.push([daysFromCivil(year, 7, 12), "Battle of the Boyne (Orangemen’s Day)"]);
  add(scot ? firstMonday(year, 8) : lastMonday(year, 8), "Summer bank holiday");
  if (scot && since("stAndrew", division, year)) fixed.push([daysFromCivil(year, 11, 30), "St Andrew’s Day"]);
  fixed.push([daysFromCivil(year, 12, 25), "Christmas Day"]);
  if (ew || ni || since("boxingDay", division, year)) fixed.push([daysFromCivil(year, 12, 26), "Boxing Day"]);

  for (const one of ONE_OFF_HOLIDAYS) {
    if (one.date.startsWith(`${year}-`) && one.divisions.includes(division)) add(dayOf(one.date), one.title);
  }
  // Fixed dates on weekdays first, so that a substitute never lands on another holiday.
  for (const [n, title] of fixed) if (!isWeekend(n)) add(n, title);
  for (const [n, title] of fixed) {
    if (!isWeekend(n)) continue;
    let day = n;
    while (isWeekend(day) || kept.has(day)) day++;
    add(day, title, true);
  }
  const list = [...kept.entries()].sort((a, b) => a[0] - b[0]).map(([, h]) => h);
  cache.set(key, list);
  return list;
}

/** The dates of a region's bank holidays in a year (all on weekdays), in order. */
export function bankHolidayDates(region: Region, year: number): readonly IsoDate[] {
  const division = REGION_DIVISIONS[region];
  if (division === undefined) throw new RangeError(`Unknown bank-holiday region: ${JSON.stringify(region)}`);
  return bankHolidaysOf(division, year).map((h) => h.date);
}
