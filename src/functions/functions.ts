/**
 * Excel custom functions, namespace TENDER (set in manifest.xml): the tender engine in any cell.
 *
 * The JSDoc of each function is read at build time by custom-functions-metadata-plugin to write
 * functions.json (names, parameters, help text); the build also adds the CustomFunctions.associate
 * calls. Each function is a thin wrapper: read Excel's arguments (./arguments), call src/domain,
 * return a number, text or a spilled array. Problems are Excel errors with a message, never text.
 */
import {
  allocate as allocateTender,
  DEFAULT_REGION,
  DEFAULT_VAT_RATE,
  financialYear,
  formatMoney,
  inferDayRate,
  isoToExcelSerial,
  largestRemainder,
  penceToPounds,
  rateTimesDays,
  workingDayEnd,
  reconcile as reconcileTender,
  workingDaysBetween,
  parseBuyerType,
  parseContractType,
  parseRegime,
  regimeOn,
  standstillEnd,
  thresholdCategoryWords,
  thresholdOn,
  parseTolerancePercent,
} from "../domain";
import type { IsoDate, Region, Tender, Tolerance } from "../domain";
import HOLIDAY_YEARS from "./holiday-years.json";
import {
  asRange,
  asShown,
  cellPositions,
  excelCall,
  invalidValue,
  isBlank,
  notAvailable,
  oneCell,
  readDate,
  readDays,
  readMoneyRange,
  readNumber,
  readPositiveMoney,
  readRegion,
  readStatedAmount,
} from "./arguments";

/**
 * The value of a number of days at a day rate, exact to the penny (part pence rounded half away from zero, as Excel's ROUND).
 * @customfunction VALUE
 * @param day_rate The day rate in pounds, e.g. 960 or "£960".
 * @param days Days of work; half days allowed, e.g. 112 or 2.5.
 * @returns The value in pounds, e.g. 107520.
 */
export function value(day_rate: number | string, days: number | string): number {
  return excelCall(() => {
    const rate = readPositiveMoney(day_rate, "day_rate");
    return penceToPounds(rateTimesDays(rate, readDays(days, "days")));
  });
}

/**
 * The years whose bank holidays the functions answer for (holiday-years.json): from the first year
 * the domain's bank-holiday rules describe (1970, src/domain/core/bank-holidays.ts) to 2100, beyond
 * which no one-off day can be known. A date outside them is named.
 */
const FIRST_WORKING_YEAR: number = HOLIDAY_YEARS.first;
const LAST_WORKING_YEAR: number = HOLIDAY_YEARS.last;
const WORKING_YEARS = `working days are worked out for ${FIRST_WORKING_YEAR} to ${LAST_WORKING_YEAR}, the years whose bank holidays are known`;
const LAST_WORKING_DAY: IsoDate = `${LAST_WORKING_YEAR}-12-31`;

/** A date for working days: readDate, within the years whose bank holidays are known. */
function readWorkingDate(value: unknown, name: string): IsoDate {
  const date = readDate(value, name);
  const year = Number(date.slice(0, 4));
  if (year < FIRST_WORKING_YEAR)
    return invalidValue(`${name} (${date}) is before ${FIRST_WORKING_YEAR}: ${WORKING_YEARS}`);
  if (year > LAST_WORKING_YEAR)
    return invalidValue(`${name} (${date}) is after ${LAST_WORKING_YEAR}: ${WORKING_YEARS}`);
  return date;
}

/**
 * Whether `days` of work at `perWeek` days a week from `from` end by the last day whose bank
 * holidays are known. The work spans days × 5 / perWeek working days (a part day counting as one,
 * as workingDayEnd counts them). Far from the limit a cheap bound answers; near it the working
 * days left are counted.
 */
function endsByLastYear(from: IsoDate, days: number, perWeek: number, region: Region): boolean {
  const span = (days * 5) / perWeek;
  const needed = Math.ceil(span - 1e-9 * Math.max(1, span));
  const calendarDays = isoToExcelSerial(LAST_WORKING_DAY) - isoToExcelSerial(from) + 1;
  const years = LAST_WORKING_YEAR - Number(from.slice(0, 4)) + 1;
  // At least 5 working days in each whole week, less at most 15 bank holidays a year.
  if (needed <= Math.floor(calendarDays / 7) * 5 - 15 * years) return true;
  if (needed > calendarDays) return false;
  return needed <= workingDaysBetween(from, LAST_WORKING_DAY, region);
}

/**
 * Working days from start to end, both included, leaving out weekends and bank holidays (England & Wales unless a region is given).
 * @customfunction WORKDAYS
 * @param start First day: an Excel date, "2017-08-31" or "31/08/2017".
 * @param end Last day: an Excel date, "2017-11-30" or "30/11/2017".
 * @param [region] Bank holidays of "England & Wales" (default), "Scotland" or "Northern Ireland".
 * @returns The number of working days, e.g. 66.
 */
export function workdays(start: number | string, end: number | string, region?: string): number {
  return excelCall(() => {
    const from = readWorkingDate(start, "start");
    const to = readWorkingDate(end, "end");
    if (to < from) return invalidValue(`end (${to}) is before start (${from})`);
    return workingDaysBetween(from, to, readRegion(region));
  });
}

/**
 * The working day on which a number of days of work ends, starting on start (counted when it is a working day).
 * @customfunction ENDDATE
 * @param start First day of the work: an Excel date, "2017-08-31" or "31/08/2017".
 * @param days Days of work, more than 0; a part day counts as a day.
 * @param [days_per_week] Days worked a week, more than 0 and at most 5 (default 5).
 * @param [region] Bank holidays of "England & Wales" (default), "Scotland" or "Northern Ireland".
 * @returns An Excel date (format the cell as a date).
 */
export function enddate(
  start: number | string,
  days: number | string,
  days_per_week?: number | string,
  region?: string,
): number {
  return excelCall(() => {
    const from = readWorkingDate(start, "start");
    const workDays = readDays(days, "days");
    if (workDays <= 0) return invalidValue(`days must be more than 0, not ${workDays}`);
    const perWeek = isBlank(days_per_week) ? 5 : readNumber(days_per_week, "days_per_week");
    if (perWeek <= 0 || perWeek > 5) {
      return invalidValue(
        `days_per_week must be more than 0 and at most 5 (leave it out for 5 a week), not ${perWeek}`,
      );
    }
    const where = readRegion(region);
    if (!endsByLastYear(from, workDays, perWeek, where)) {
      return invalidValue(
        `the work would end after ${LAST_WORKING_YEAR}: ${WORKING_YEARS}; check days and days_per_week`,
      );
    }
    return isoToExcelSerial(workingDayEnd(from, workDays, where, perWeek));
  });
}

/**
 * The day rate implied by a range of stated values: their greatest common divisor, when that is a plausible day rate (£300 to £3,000); otherwise #N/A with the reason.
 * @customfunction DAYRATE
 * @param values Stated values in pounds, e.g. 107520, 48960, 95040, 95040 or "£107,520"; blank cells are skipped.
 * @returns The day rate in pounds, e.g. 960.
 */
export function dayrate(values: unknown[][]): number {
  return excelCall(() => {
    const amounts = readMoneyRange(values, "values");
    if (amounts.length === 0)
      return invalidValue("values has no amounts; give the stated values of the lots");
    const found = inferDayRate(amounts);
    if (found.ok) return penceToPounds(found.rate);
    const band = `${formatMoney(found.band.min, { omitZeroPence: true })} to ${formatMoney(found.band.max, { omitZeroPence: true })}`;
    if (found.reason === "too-few-values") {
      return notAvailable(
        `A day rate needs at least two stated values above zero; values has ${found.valueCount}`,
      );
    }
    const divisor = formatMoney(found.gcd);
    return notAvailable(
      `No plausible day rate: the largest amount that divides every value is ${divisor}, ${found.reason === "below-band" ? "below" : "above"} the plausible range of ${band} a day`,
    );
  });
}

type AllocationUnit = "pence" | "pounds" | "days";

function readUnit(cell: unknown): AllocationUnit {
  const unit = oneCell(cell);
  if (isBlank(unit)) return "pence";
  const key = typeof unit === "string" ? unit.trim().toLowerCase() : "";
  if (key === "pence" || key === "penny" || key === "p") return "pence";
  if (key === "pounds" || key === "pound" || key === "£") return "pounds";
  if (key === "days" || key === "day" || key === "units" || key === "unit" || key === "whole") return "days";
  return invalidValue(
    `unit ${JSON.stringify(unit)} is not known; use "pence" (the default), "pounds" (whole pounds) or "days" (whole days or units)`,
  );
}

/**
 * Splits a total in proportion to weights so the parts add up exactly (largest remainder method), spilled in the shape of the weights.
 * @customfunction ALLOCATE
 * @param total The amount to split: pounds (e.g. 346000 or "£346,000") or, with unit "days", a whole number.
 * @param weights The range to split by, e.g. days per lot; blank cells get a blank part.
 * @param [unit] "pence" (default: parts to the penny), "pounds" (whole pounds) or "days" (whole days or units).
 * @returns The parts, one per weight, adding up exactly to the total.
 */
export function allocate(total: number | string, weights: unknown[][], unit?: string): unknown[][] {
  return excelCall(() => {
    const how = readUnit(unit);
    let whole: number;
    if (how === "days") {
      whole = readNumber(total, "total");
      if (!Number.isInteger(whole)) {
        return invalidValue(`total must be a whole number of days or units with unit "days", not ${whole}`);
      }
      if (!Number.isSafeInteger(whole)) {
        return invalidValue(
          `total ${whole.toFixed(0)} is too large to split exactly with unit "days"; give at most 15 digits`,
        );
      }
    } else {
      const pence = readStatedAmount(total, "total").pence;
      if (how === "pounds" && pence % 100 !== 0) {
        return invalidValue(`total must be whole pounds with unit "pounds", not ${penceToPounds(pence)}`);
      }
      whole = how === "pounds" ? pence / 100 : pence;
    }
    const range = asRange(weights);
    const position = cellPositions(range, "weights");
    const positions: [number, number][] = [];
    const shares: number[] = [];
    range.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (isBlank(cell)) return;
        if (typeof cell === "number" && Number.isFinite(cell) && cell >= 0) {
          positions.push([i, j]);
          shares.push(cell);
          return;
        }
        const where = position(i + 1, j + 1);
        if (typeof cell === "string" && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(cell)) {
          return invalidValue(
            `${where} is the text ${JSON.stringify(cell)}; weights must be numbers (convert the cell to a number)`,
          );
        }
        if (typeof cell !== "number" || !Number.isFinite(cell)) {
          return invalidValue(
            `${where} is ${typeof cell === "string" ? JSON.stringify(cell) : typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : "not a number"}; weights must be numbers`,
          );
        }
        return invalidValue(`${where} is ${cell}; weights must be zero or more`);
      }),
    );
    if (shares.length === 0) return invalidValue("weights has no numbers to split the total by");
    if (shares.every((w) => w === 0))
      return invalidValue("weights are all zero, so there is no proportion to split by");
    const parts = largestRemainder(whole, shares);
    const out: (number | string)[][] = range.map((row) => row.map(() => ""));
    parts.forEach((part, k) => {
      const [i, j] = positions[k];
      out[i][j] = how === "pence" ? penceToPounds(part) : part;
    });
    return out;
  });
}

function readTolerance(cell: unknown): Tolerance {
  const value = oneCell(cell);
  if (isBlank(value)) return { absolute: 0, percent: 0 };
  const hint = 'give pounds such as 600 or "£600", or a percentage as text such as "0.5%"';
  if (typeof value === "string" && value.trim().endsWith("%")) {
    // Read as the pane and the command line read it: 0 to 100, with or without a leading zero.
    const percent = parseTolerancePercent(value);
    if (!percent.ok) return invalidValue(`tolerance ${percent.error}`);
    return { absolute: 0, percent: percent.value };
  }
  // A fraction of a penny is most likely a percentage cell (0.5% holds 0.005): say how to give one.
  if (typeof value === "number" && Number.isFinite(value) && /e-|\.\d{3,}$/.test(String(asShown(value)))) {
    return invalidValue(`tolerance ${value} is not whole pence; ${hint}`);
  }
  const amount = readStatedAmount(value, "tolerance");
  if (amount.pence < 0) return invalidValue(`tolerance must be zero or more; ${hint}`);
  return { absolute: amount.pence, percent: 0 };
}

/**
 * Checks that values add up to a stated total: "OK", "Rounded" (the stated total is their sum rounded to the precision it was stated to, e.g. £1.2m) or "Mismatch: +£560.00".
 * @customfunction RECONCILE
 * @param values The lots' values in pounds, e.g. 107520 or "£107,520"; blank cells are skipped.
 * @param stated_total The total the tender states, e.g. 346000, "£346,000" or "£1.2m".
 * @param [tolerance] How far off is still OK: pounds (e.g. 600) or a percentage as text (e.g. "0.5%"); default none.
 * @returns "OK", "Rounded" or "Mismatch: " and the difference, e.g. "Mismatch: +£560.00".
 */
export function reconcile(
  values: unknown[][],
  stated_total: number | string,
  tolerance?: number | string,
): string {
  return excelCall(() => {
    const amounts = readMoneyRange(values, "values", { allowNegative: true });
    if (amounts.length === 0) return invalidValue("values has no amounts; give the values of the lots");
    const statedTotal = readStatedAmount(stated_total, "stated_total");
    if (statedTotal.pence <= 0) return invalidValue("stated_total must be a positive amount");
    const allowed = readTolerance(tolerance);
    const tender: Tender = {
      title: "TENDER.RECONCILE",
      buyer: "",
      currency: "GBP",
      statedTotal,
      region: DEFAULT_REGION,
      vatRate: DEFAULT_VAT_RATE,
      lots: amounts.map((pence, i) => ({ name: `value ${i + 1}`, statedValue: pence })),
    };
    const allocation = allocateTender(tender);
    const findings = reconcileTender(tender, allocation, { tolerance: allowed });
    const total = findings.find((f) => f.path === "statedTotal" && f.code.startsWith("TOTAL_"));
    if (total?.code === "TOTAL_ROUNDED") return "Rounded";
    if (total?.code === "TOTAL_MISMATCH" && total.severity === "error") {
      return `Mismatch: ${formatMoney(allocation.total - statedTotal.pence, { signed: true })}`;
    }
    return "OK";
  });
}

/**
 * The UK financial year (1 April to 31 March) a date falls in.
 * @customfunction FINYEAR
 * @param date An Excel date, "2017-08-31" or "31/08/2017".
 * @returns The financial year, e.g. "2017/18".
 */
export function finyear(date: number | string): string {
  return excelCall(() => financialYear(readDate(date, "date")));
}

/**
 * The procurement threshold in force for a procurement started on a date, for a buyer and contract type, in pounds (ex VAT before 2022, inc VAT from 2022). Not legal advice.
 * @customfunction THRESHOLD
 * @param date When the procurement started (the tender notice): an Excel date, "2017-07-26" or "26/07/2017".
 * @param buyer_type "central", "sub-central" or "utility".
 * @param contract_type "services", "supplies", "works" or "light-touch".
 * @returns The threshold in pounds, e.g. 106047.
 */
export function threshold(date: number | string, buyer_type: string, contract_type: string): number {
  return excelCall(() => {
    const started = readDate(date, "date");
    const buyer = parseBuyerType(oneCell(buyer_type));
    if (!buyer.ok) return invalidValue(`buyer_type: ${buyer.error}`);
    const contract = parseContractType(oneCell(contract_type));
    if (!contract.ok) return invalidValue(`contract_type: ${contract.error}`);
    const found = thresholdOn(started, buyer.value, contract.value);
    if (found === undefined) {
      return notAvailable(
        buyer.value === "utility" && contract.value === "works"
          ? "no utilities works threshold is held (not confirmed by the sources checked)"
          : `no thresholds are held for procurements started before 1 January 2016 (date is ${started})`,
      );
    }
    if (found.value === undefined) {
      return notAvailable(
        `the ${thresholdCategoryWords(found.category)} threshold from ${found.period.from} is not confirmed by the sources checked`,
      );
    }
    return penceToPounds(found.value);
  });
}

/**
 * The last day of the standstill after a contract award notice: PCR 2015, the 10th day after (moved to the next working day); Procurement Act 2023, the 8th working day counting the notice day. Bank holidays of every part of the UK are left out. Not legal advice.
 * @customfunction STANDSTILLEND
 * @param award_notice_date The day the award notice (PCR: standstill letters) went out: an Excel date, "2025-12-22" or "22/12/2025".
 * @param [regime] "PCR 2015" or "Procurement Act 2023"; default by the notice date (the Act from 24 February 2025).
 * @returns An Excel date (format the cell as a date).
 */
export function standstillend(award_notice_date: number | string, regime?: string): number {
  return excelCall(() => {
    const notice = readWorkingDate(award_notice_date, "award_notice_date");
    let which = regimeOn(notice);
    const given = oneCell(regime);
    if (!isBlank(given)) {
      const parsed = parseRegime(given);
      if (!parsed.ok) return invalidValue(`regime: ${parsed.error}`);
      which = parsed.value;
    }
    const end = standstillEnd(notice, which);
    if (Number(end.slice(0, 4)) > LAST_WORKING_YEAR) {
      return invalidValue(`the standstill would end after ${LAST_WORKING_YEAR}: ${WORKING_YEARS}`);
    }
    return isoToExcelSerial(end);
  });
}
