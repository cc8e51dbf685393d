/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) as whole day numbers: no time, no time zone,
 * never a local-time `Date`. Working days exclude Saturdays, Sundays and the region's bank
 * holidays as gov.uk publishes them (./bank-holidays: England and Wales, Scotland, Northern Ireland).
 */
import { bankHolidayDates } from "./bank-holidays";
import { civilFromDays, daysFromCivil, isoOf } from "./day-numbers";
import type { IsoDate, Region } from "./types";

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** January … December. */
export const MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The short forms of the month names, lower case, as written with a full stop ("1 Sept. 2017"):
 * the first three letters of each name longer than three, and "sept". May has none.
 */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  ...MONTH_NAMES.filter((name) => name.length > 3).map((name) => name.slice(0, 3).toLowerCase()),
  "sept",
];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True for a real calendar date written `YYYY-MM-DD` (years 0001–9999): 2019-02-30 is not. */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_PATTERN.exec(value);
  if (!match) return false;
  const y = Number(match[1]);
  const mo = Number(match[2]);
  const d = Number(match[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: IsoDate): [number, number, number] {
  if (!isValidIsoDate(date))
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

// Tenders repeat the same few dates many times: remember their day numbers (bounded).
const dayNumberCache = new Map<string, number>();
const DAY_NUMBER_CACHE_LIMIT = 20_000;

/** Whole days since 1970-01-01 (proleptic Gregorian calendar). */
export function toDayNumber(date: IsoDate): number {
  const cached = dayNumberCache.get(date);
  if (cached !== undefined) return cached;
  const [year, m, d] = parts(date);
  const dayNumber = daysFromCivil(year, m, d);
  if (dayNumberCache.size >= DAY_NUMBER_CACHE_LIMIT) dayNumberCache.clear();
  dayNumberCache.set(date, dayNumber);
  return dayNumber;
}

/** The calendar year of a day number, by arithmetic alone. */
function yearOfDayNumber(dayNumber: number): number {
  return civilFromDays(dayNumber)[0];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** The ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`Not a whole day number: ${dayNumber}`);
  const [y, m, d] = civilFromDays(dayNumber);
  if (y < 1 || y > 9999) throw new RangeError(`Day number ${dayNumber} is outside the years 0001–9999`);
  return isoOf(y, m, d);
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** -1, 0 or 1 as `a` is before, the same as, or after `b`. */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  toDayNumber(a);
  toDayNumber(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Day of the week: 0 Sunday, 1 Monday … 6 Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

function weekdayOfNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Minutes since the epoch (UTC) at which UK summer time (BST) starts and ends in a year: 01:00 UTC
 * on the last Sunday of March and of October, as the Summer Time Act 1972 and the Summer Time
 * Order 2002 (SI 2002/262) set it; right for 1996 on.
 */
export function ukSummerTime(year: number): [number, number] {
  const known = summerTimes.get(year);
  if (known !== undefined) return [known[0], known[1]];
  const bounds = summerTimeOf(year);
  if (summerTimes.size >= 1_000) summerTimes.clear();
  summerTimes.set(year, bounds);
  return [bounds[0], bounds[1]];
}

/** Each year's summer-time bounds, worked out once (every UK date-time read needs its year's). */
const summerTimes = new Map<number, readonly [number, number]>();

function summerTimeOf(year: number): [number, number] {
  const lastSunday = (month: number): number => {
    const last = `${String(year).padStart(4, "0")}-${month === 3 ? "03" : "10"}-31`;
    return toDayNumber(last) - dayOfWeek(last);
  };
  return [lastSunday(3) * 1440 + 60, lastSunday(10) * 1440 + 60];
}

/** "31 July 2017". */
export function formatLongDate(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "July 2017" for a month key "2017-07". */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

const QUARTER_MONTHS = ["Apr–Jun", "Jul–Sep", "Oct–Dec", "Jan–Mar"];

/** "Q2 2017/18 (Jul–Sep)" for a financial quarter key "2017/18 Q2" (as `financialQuarter` gives); other text as it is. */
export function formatQuarter(quarter: string): string {
  const m = /^(\d{4}\/\d{2}) Q([1-4])$/.exec(quarter);
  return m ? `Q${m[2]} ${m[1]} (${QUARTER_MONTHS[Number(m[2]) - 1]})` : quarter;
}

/** Each bank-holiday region by name, as every shell shows it (pane, workbook, command line). */
export const REGION_NAMES: Readonly<Record<Region, string>> = {
  "GB-ENG": "England & Wales",
  "GB-SCT": "Scotland",
  "GB-NIR": "Northern Ireland",
};

/** "England & Wales", "Scotland", "Northern Ireland". */
export function regionName(region: Region): string {
  return REGION_NAMES[region];
}

interface YearHolidays {
  dates: ReadonlySet<IsoDate>;
  numbers: ReadonlySet<number>;
  /** Day numbers of the weekday bank holidays, ascending. */
  dayNumbers: readonly number[];
}
const holidayCache = new Map<Region, Map<number, YearHolidays>>();

function yearHolidays(region: Region, year: number): YearHolidays {
  let byYear = holidayCache.get(region);
  const cached = byYear?.get(year);
  if (cached) return cached;
  if (!(region in REGION_NAMES))
    throw new RangeError(`Unknown bank-holiday region: ${JSON.stringify(region)}`);
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  // gov.uk lists every bank holiday on a weekday (substitute days included).
  const dates = new Set<IsoDate>(bankHolidayDates(region, year));
  const dayNumbers = [...dates].map(toDayNumber).sort((a, b) => a - b);
  const entry: YearHolidays = { dates, numbers: new Set(dayNumbers), dayNumbers };
  if (!byYear) {
    byYear = new Map();
    holidayCache.set(region, byYear);
  }
  byYear.set(year, entry);
  return entry;
}

/** The region's bank holidays in a year that fall on weekdays (substitute days included). */
export function bankHolidays(region: Region, year: number): ReadonlySet<IsoDate> {
  return yearHolidays(region, year).dates;
}

function isWorkingDayNumber(dayNumber: number, region: Region): boolean {
  const weekday = weekdayOfNumber(dayNumber);
  if (weekday === 0 || weekday === 6) return false;
  return !yearHolidays(region, yearOfDayNumber(dayNumber)).numbers.has(dayNumber);
}

/** A weekday that is not a bank holiday in the region. */
export function isWorkingDay(date: IsoDate, region: Region): boolean {
  return isWorkingDayNumber(toDayNumber(date), region);
}

function weekdaysBetweenNumbers(a: number, b: number): number {
  if (b < a) return 0;
  const n = b - a + 1;
  let count = Math.floor(n / 7) * 5;
  const start = weekdayOfNumber(a);
  for (let i = 0; i < n % 7; i++) {
    const w = (start + i) % 7;
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

function workingDaysBetweenNumbers(a: number, b: number, region: Region): number {
  if (b < a) return 0;
  let count = weekdaysBetweenNumbers(a, b);
  const firstYear = yearOfDayNumber(a);
  const lastYear = yearOfDayNumber(b);
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of yearHolidays(region, year).dayNumbers) {
      if (h >= a && h <= b) count--;
    }
  }
  return count;
}

/** Working days from `start` to `end`, both included; 0 when `end` is before `start`. */
export function workingDaysBetween(start: IsoDate, end: IsoDate, region: Region): number {
  return workingDaysBetweenNumbers(toDayNumber(start), toDayNumber(end), region);
}

/**
 * The working day on which `days` days of work end, starting on `start` (counted when it is a
 * working day) at `daysPerWeek` days a week (5 = every working day; 2.5 = every other one).
 * Part days count as a day: 0.5 days starting on a working day ends that day.
 */
export function workingDayEnd(start: IsoDate, days: number, region: Region, daysPerWeek = 5): IsoDate {
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`days must be more than 0, got ${days}`);
  if (!Number.isFinite(daysPerWeek) || daysPerWeek <= 0 || daysPerWeek > 5) {
    throw new RangeError(`daysPerWeek must be more than 0 and at most 5, got ${daysPerWeek}`);
  }
  // Working days the work spans: days × 5 / daysPerWeek, a part day counting as one.
  const span = (days * 5) / daysPerWeek;
  let remaining = Math.ceil(span - 1e-9 * Math.max(1, span));
  let cursor = toDayNumber(start);
  // Whole weeks never hold more working days than remain, so jump them first.
  while (remaining > 10) {
    const next = cursor + Math.floor(remaining / 5 - 1) * 7;
    remaining -= workingDaysBetweenNumbers(cursor, next - 1, region);
    cursor = next;
  }
  for (;;) {
    if (isWorkingDayNumber(cursor, region)) {
      remaining--;
      if (remaining <= 0) return fromDayNumber(cursor);
    }
    cursor++;
  }
}

/** UK financial year (1 April – 31 March) of a date: 2017-08-31 → "2017/18". */
export function financialYear(date: IsoDate): string {
  const [y, m] = parts(date);
  const first = m >= 4 ? y : y - 1;
  return `${first}/${pad((first + 1) % 100, 2)}`;
}

/** UK financial quarter: Q1 April–June … Q4 January–March; 2017-08-31 → "2017/18 Q2". */
export function financialQuarter(date: IsoDate): string {
  const [, m] = parts(date);
  const quarter = Math.floor(((m + 8) % 12) / 3) + 1;
  return `${financialYear(date)} Q${quarter}`;
}

/** The calendar month of a date: "2017-08". */
export function monthOf(date: IsoDate): string {
  parts(date);
  return date.slice(0, 7);
}

/** The last day of the date's month. */
/**
 * The dates Tender Budget works with, for a tender, its lots, its invoices and the date a position
 * is taken at: 1 January 1900 (Excel's first date) to 31 December 2199. Far beyond any contract,
 * and near enough that phasing and working days counted on from the last of them never pass
 * 31 December 9999, the last date Excel and ISO 8601's four-digit years hold.
 */
export const DATE_RANGE: Readonly<{ first: IsoDate; last: IsoDate }> = Object.freeze({
  first: "1900-01-01",
  last: "2199-12-31",
});

/** Whether a date lies within `DATE_RANGE` (both ends included). */
export function isInDateRange(date: IsoDate): boolean {
  return date >= DATE_RANGE.first && date <= DATE_RANGE.last;
}

export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = parts(date);
  return isoOf(y, m, daysInMonth(y, m));
}

const EXCEL_EPOCH = toDayNumber("1899-12-30");
const EXCEL_MARCH_1900 = 61;
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

/**
 * True for an Excel (1900 date system) serial that is a real date: 1 (1900-01-01) up to
 * 2958465 (9999-12-31), except 60, Excel's 29 February 1900 that never existed.
 */
export function isExcelDateSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= 1 && serial < EXCEL_MAX_SERIAL + 1 && Math.floor(serial) !== 60;
}

/**
 * The date of an Excel serial (1900 date system; a time of day in the fraction is dropped):
 * 42947 → "2017-07-31". Throws for serials that are not dates (see `isExcelDateSerial`).
 */
export function excelSerialToIso(serial: number): IsoDate {
  if (!isExcelDateSerial(serial)) {
    throw new RangeError(
      Math.floor(serial) === 60
        ? "Excel serial 60 is 29 February 1900, a date that never existed (an old Lotus 1-2-3 quirk)"
        : `Excel serial ${serial} is not a date (1 = 1 January 1900 … 2958465 = 31 December 9999)`,
    );
  }
  const whole = Math.floor(serial);
  return fromDayNumber(EXCEL_EPOCH + (whole < EXCEL_MARCH_1900 ? whole + 1 : whole));
}

/** The Excel serial (1900 date system) of a date from 1900-01-01 on: "2017-07-31" → 42947. */
export function isoToExcelSerial(date: IsoDate): number {
  const serial = toDayNumber(date) - EXCEL_EPOCH;
  if (serial < EXCEL_MARCH_1900) {
    if (serial < 2) throw new RangeError(`Excel dates start on 1 January 1900, not ${date}`);
    return serial - 1;
  }
  return serial;
}
