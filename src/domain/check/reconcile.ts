/**
 * Reconciliation: what is wrong with (or worth knowing about) a tender's figures and dates, as
 * findings {code, severity, message, path}. Errors first, then warnings, then information; within
 * each, tender-level findings first and then lot by lot.
 */
import type { Allocation } from "./allocation";
import {
  compareIso,
  dayOfWeek,
  isWorkingDay,
  regionName,
  toDayNumber,
  workingDaysBetween,
} from "../core/calendar";
import { findingMessages as m } from "../core/messages";
import { roundToUnit } from "../core/money";
import { totalStatus, withinTolerance } from "./total-status";
import type { Finding, FindingCode, IsoDate, Severity, Tender, Tolerance } from "../core/types";
import { quoted } from "../core/messages";

export { withinTolerance } from "./total-status";

export const ZERO_TOLERANCE: Readonly<Tolerance> = Object.freeze({ absolute: 0, percent: 0 });

export interface ReconcileOptions {
  /** How far the lots may be from a stated figure before it is an error (default zero). */
  tolerance?: Tolerance;
  /**
   * Days worked a week, more than 0 and at most 5 (default 5): a lot's days must fit in the working
   * days from its start to its end at this pace (3 days a week: 3/5 of them).
   */
  daysPerWeek?: number;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** What a date is, against the tender's dates (compareIso's -1, 0 or 1), each worked out once asked. */
interface DateFacts {
  vsClosing: number | undefined;
  vsStart: number | undefined;
  vsEnd: number | undefined;
  /** Whether it is a working day in the tender's region, once asked. */
  working: boolean | undefined;
  /** Working days from this date to an end date, once counted. */
  workingDaysTo: Map<IsoDate, number>;
  /**
   * The end date last seen with this date as a start, its facts, and the working days between:
   * lots that share a start mostly share an end too, so most lots need one look-up, not three.
   */
  pairEnd: IsoDate | undefined;
  pairEndFacts: DateFacts | undefined;
  pairAvailable: number | undefined;
}

/** The path of a lot's field: `lots[2].dayRate`. */
/**
 * A tender that looks priced by the day: a day rate (its own or a lot's) or days given. One with
 * neither (an insurance or supplies tender, stated values only) is not asked for a day rate when
 * none can be inferred from its values.
 */
function looksDayPriced(tender: Tender): boolean {
  return (
    tender.dayRate !== undefined ||
    tender.lots.some((lot) => lot.dayRate !== undefined || lot.days !== undefined)
  );
}

/**
 * One finding more. Bound to each call's findings, not a closure made per call: V8 compiles it
 * once, where a new closure per reconcile was compiled again each time (seen with --trace-opt).
 */
function addFinding(
  findings: Finding[],
  code: FindingCode,
  severity: Severity,
  path: string,
  message: string,
): void {
  findings.push({ code, severity, message, path });
}

function lotField(index: number, field: string): string {
  return `lots[${index}].${field}`;
}

function checkTolerance(tolerance: Tolerance): void {
  if (!Number.isSafeInteger(tolerance.absolute) || tolerance.absolute < 0) {
    throw new RangeError(`tolerance.absolute must be whole pence, 0 or more, got ${tolerance.absolute}`);
  }
  if (!Number.isFinite(tolerance.percent) || tolerance.percent < 0) {
    throw new RangeError(`tolerance.percent must be 0 or more, got ${tolerance.percent}`);
  }
}

/** Reconcile a tender against its allocation (from `allocate(tender)`). Changes neither. */
export function reconcile(tender: Tender, allocation: Allocation, options: ReconcileOptions = {}): Finding[] {
  const tolerance = options.tolerance ?? ZERO_TOLERANCE;
  checkTolerance(tolerance);
  const daysPerWeek = options.daysPerWeek ?? 5;
  if (!Number.isFinite(daysPerWeek) || daysPerWeek <= 0 || daysPerWeek > 5) {
    throw new RangeError(`daysPerWeek must be more than 0 and at most 5, got ${daysPerWeek}`);
  }
  const findings: Finding[] = [];
  const add = addFinding.bind(null, findings);
  const band = allocation.rateBand;
  const region = regionName(tender.region);

  // The stated total.
  const stated = tender.statedTotal;
  if (stated !== undefined) {
    const total = allocation.total;
    const diff = total - stated.pence;
    const status = totalStatus(total, stated, tolerance, tender.statedTotalIsCeiling === true);
    const rounded = stated.precision > 1 ? roundToUnit(total, stated.precision) : total;
    if (status === "overBudget") {
      add("TOTAL_MISMATCH", "error", "statedTotal", m.totalOverBudget(total, stated.pence));
    } else if (status === "rounded") {
      add("TOTAL_ROUNDED", "info", "statedTotal", m.totalRounded(total, stated.pence, stated.precision));
    } else if (status === "withinTolerance") {
      add("TOTAL_MISMATCH", "info", "statedTotal", m.totalWithinTolerance(total, stated.pence));
    } else if (status === "mismatch") {
      const percent = stated.pence === 0 ? 100 : (diff / stated.pence) * 100;
      add(
        "TOTAL_MISMATCH",
        "error",
        "statedTotal",
        m.totalMismatch(total, stated.pence, stated.precision, rounded, percent),
      );
    }
  }

  // The day rate: inferred, not inferable, or implausible.
  const inference = allocation.rateInference;
  if (inference?.ok) {
    const inferredDays: number[] = [];
    const inferredLots: string[] = [];
    for (const line of allocation.lines) {
      if (line.daysSource === "inferred") {
        inferredDays.push(line.days);
        inferredLots.push(line.lot);
      }
    }
    add(
      "RATE_INFERRED",
      "info",
      "dayRate",
      m.rateInferred(
        inference.rate,
        inference.valueCount,
        band.min,
        band.max,
        inferredDays,
        // Which lots, when some have days of their own.
        inferredDays.length < allocation.lines.length ? inferredLots : undefined,
      ),
    );
  } else if (inference && !inference.ok && looksDayPriced(tender)) {
    add(
      "NO_PLAUSIBLE_RATE",
      "warning",
      "dayRate",
      m.noPlausibleRate(inference.reason, inference.gcd, band.min, band.max),
    );
  }
  if (tender.dayRate !== undefined && (tender.dayRate < band.min || tender.dayRate > band.max)) {
    add(
      "RATE_IMPLAUSIBLE",
      "warning",
      "dayRate",
      m.rateImplausible("The day rate", tender.dayRate, band.min, band.max),
    );
  }

  // The tender's dates.
  if (
    tender.closingDate !== undefined &&
    tender.startDate !== undefined &&
    compareIso(tender.closingDate, tender.startDate) >= 0
  ) {
    add("DATE_ORDER", "error", "closingDate", m.closingNotBeforeStart(tender.closingDate, tender.startDate));
  }
  if (
    tender.startDate !== undefined &&
    tender.endDate !== undefined &&
    compareIso(tender.endDate, tender.startDate) < 0
  ) {
    add("DATE_ORDER", "error", "endDate", m.endBeforeStart("The contract", tender.endDate, tender.startDate));
  }
  if (tender.startDate !== undefined && !isWorkingDay(tender.startDate, tender.region)) {
    nonWorkingStart("startDate", "The start date", tender.startDate);
  }

  function nonWorkingStart(path: string, what: string, date: string): void {
    const weekday = dayOfWeek(date);
    const reason = weekday === 0 || weekday === 6 ? "weekend" : "bank holiday";
    add("NON_WORKING_START", "warning", path, m.nonWorkingStart(what, date, reason, region));
  }

  // Lot by lot. Lots often share their dates: check each date against the tender's once, and
  // count each period's working days once.
  const dates = new Map<IsoDate, DateFacts>();
  const factsOf = (date: IsoDate): DateFacts => {
    let facts = dates.get(date);
    if (facts === undefined) {
      toDayNumber(date); // a RangeError for a date that is not one, as compareIso gives
      facts = {
        vsClosing: undefined,
        vsStart: undefined,
        vsEnd: undefined,
        working: undefined,
        workingDaysTo: new Map(),
        pairEnd: undefined,
        pairEndFacts: undefined,
        pairAvailable: undefined,
      };
      dates.set(date, facts);
    }
    return facts;
  };
  const lines = allocation.lines;
  // An index, not for…of: no iterator results made per lot where the loop is not optimised.
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j];
    const lot = tender.lots[line.index];
    const i = line.index;
    const name = lot.name;

    if (lot.dayRate !== undefined && (lot.dayRate < band.min || lot.dayRate > band.max)) {
      add(
        "RATE_IMPLAUSIBLE",
        "warning",
        lotField(i, "dayRate"),
        m.rateImplausible(`Lot ${quoted(name)}'s day rate`, lot.dayRate, band.min, band.max),
      );
    }
    if (line.value === undefined && lot.days !== undefined) {
      add("NO_PLAUSIBLE_RATE", "warning", lotField(i, "dayRate"), m.lotNotValued(name, lot.days));
    }
    if (
      line.valueSource === "computed" &&
      line.variance !== undefined &&
      line.variance !== 0 &&
      line.statedValue !== undefined &&
      !withinTolerance(line.variance, line.statedValue, tolerance)
    ) {
      add(
        "LOT_VALUE_MISMATCH",
        "error",
        lotField(i, "statedValue"),
        m.lotValueMismatch(name, line.dayRate, line.dayRateSource, line.days, line.value, line.statedValue),
      );
    }
    if (
      line.valueSource === "statedValue" &&
      line.daysSource === "inferred" &&
      line.dayRate !== undefined &&
      line.statedValue % line.dayRate !== 0
    ) {
      add(
        "DAYS_NOT_WHOLE",
        "warning",
        lotField(i, "statedValue"),
        m.daysNotWhole(name, line.statedValue, line.dayRate, line.days),
      );
    }

    // Dates: the lot's own against the tender's.
    const start = line.startDate;
    const end = line.endDate;
    // The line's start is the lot's own or else the tender's: one look-up either way.
    const startFacts = start === undefined ? undefined : factsOf(start);
    // The end date is looked at when there is a start to compare it with, or a contract end.
    let endFacts: DateFacts | undefined;
    if (
      end !== undefined &&
      (start !== undefined || (lot.endDate !== undefined && tender.endDate !== undefined))
    ) {
      if (startFacts !== undefined && startFacts.pairEnd === end) {
        endFacts = startFacts.pairEndFacts;
      } else {
        endFacts = factsOf(end);
        if (startFacts !== undefined) {
          startFacts.pairEnd = end;
          startFacts.pairEndFacts = endFacts;
          startFacts.pairAvailable = undefined;
        }
      }
    }
    if (lot.startDate !== undefined) {
      const facts = lot.startDate === start ? (startFacts as DateFacts) : factsOf(lot.startDate);
      if (
        tender.closingDate !== undefined &&
        (facts.vsClosing ??= compareIso(lot.startDate, tender.closingDate)) <= 0
      ) {
        add(
          "DATE_ORDER",
          "error",
          lotField(i, "startDate"),
          m.lotStartsBeforeClosing(name, lot.startDate, tender.closingDate),
        );
      } else if (
        tender.startDate !== undefined &&
        (facts.vsStart ??= compareIso(lot.startDate, tender.startDate)) < 0
      ) {
        add(
          "DATE_ORDER",
          "warning",
          lotField(i, "startDate"),
          m.lotStartsBeforeTender(name, lot.startDate, tender.startDate),
        );
      }
      if (facts.working === undefined) facts.working = isWorkingDay(lot.startDate, tender.region);
      if (!facts.working) {
        nonWorkingStart(lotField(i, "startDate"), `Lot ${quoted(name)}'s start date`, lot.startDate);
      }
    }
    let ordered = true;
    // Both are real dates (factsOf checked them), so their text compares as the dates do.
    if (start !== undefined && end !== undefined && end < start) {
      ordered = false;
      if (lot.startDate !== undefined || lot.endDate !== undefined) {
        const path = lot.endDate !== undefined ? lotField(i, "endDate") : lotField(i, "startDate");
        add("DATE_ORDER", "error", path, m.endBeforeStart(`Lot ${quoted(name)}`, end, start));
      }
    }
    if (
      lot.endDate !== undefined &&
      tender.endDate !== undefined &&
      ((endFacts as DateFacts).vsEnd ??= compareIso(lot.endDate, tender.endDate)) > 0
    ) {
      add(
        "DATE_ORDER",
        "warning",
        lotField(i, "endDate"),
        m.lotEndsAfterTender(name, lot.endDate, tender.endDate),
      );
    }

    // Capacity: the days must fit in the working days between start and end.
    if (
      ordered &&
      startFacts !== undefined &&
      end !== undefined &&
      line.days !== undefined &&
      line.days > 0
    ) {
      // end is startFacts.pairEnd here (set above).
      let available = startFacts.pairAvailable ?? startFacts.workingDaysTo.get(end);
      if (available === undefined) {
        available = workingDaysBetween(start as IsoDate, end, tender.region);
        startFacts.workingDaysTo.set(end, available);
      }
      startFacts.pairAvailable = available;
      // At fewer days a week, that share of the working days (to the hundredth of a day).
      const atPace = daysPerWeek === 5 ? available : Math.floor((available * daysPerWeek * 100) / 5) / 100;
      if (line.days > atPace) {
        add(
          "CAPACITY",
          "error",
          lotField(i, "days"),
          m.capacity(name, line.days, available, start as IsoDate, end, region, daysPerWeek, atPace),
        );
      }
    }
  }

  // Errors, then warnings, then information, each in the order found.
  const ordered: Finding[] = [];
  for (const severity of SEVERITIES) for (const f of findings) if (f.severity === severity) ordered.push(f);
  return ordered;
}
