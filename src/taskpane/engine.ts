/**
 * The pane's one call into the engine: the tender being edited, with the build options, checked
 * into a Report and the figures the pane shows. Input problems come back as values with the path
 * of the box they belong to.
 */
import { checkTender, type Report } from "../domain/check/check";
import { parseTender } from "../domain/check/tender";
import { parseToleranceAmount, parseTolerancePercent } from "../domain/check/tolerance";
import type { InputError, Tender, Tolerance } from "../domain/core/types";
import type { Choices } from "../workbook/port";
import { draftToInput, errorsByPath, fieldOfPath, type TenderDraft } from "./draft";
import type { BuildOptions } from "./state";
import { reportView, type ReportView } from "../domain/formats/report-view";

export type Checked =
  | { ok: true; tender: Tender; tolerance: Tolerance; report: Report; view: ReportView }
  | {
      ok: false;
      errors: InputError[];
      /** Messages by path, for the boxes in Review and the options in Build. */
      byPath: Map<string, string[]>;
      /** Messages no single box shows. */
      unplaced: string[];
    };

/** Paths of problems shown beside the build options rather than in Review. */
export const OPTION_PATHS: ReadonlySet<string> = new Set([
  "vatRate",
  "region",
  "toleranceAmount",
  "tolerancePercent",
]);

/** Paths shown in Review: the tender boxes there and every lot box. */
function shownInReview(path: string): boolean {
  const field = fieldOfPath(path);
  return field !== undefined && !OPTION_PATHS.has(path);
}

/** The engine's message as a sentence: "the tolerance …" → "The tolerance … ." */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith(".") ? "" : ".");
}

/** The tolerance from its two boxes (read as everywhere else, by the engine), or the problems with them. */
export function readTolerance(options: BuildOptions): { tolerance?: Tolerance; errors: InputError[] } {
  const errors: InputError[] = [];
  const amount = parseToleranceAmount(options.toleranceAmount);
  if (!amount.ok) errors.push({ path: "toleranceAmount", message: sentence(amount.error) });
  const percent = parseTolerancePercent(options.tolerancePercent);
  if (!percent.ok) errors.push({ path: "tolerancePercent", message: sentence(percent.error) });
  if (!amount.ok || !percent.ok) return { errors };
  return { tolerance: { absolute: amount.value, percent: percent.value }, errors };
}

/** The build options as the workbook keeps them. */
export function choicesOf(options: BuildOptions): Choices {
  return {
    vatOn: options.vatOn,
    toleranceAmount: options.toleranceAmount,
    tolerancePercent: options.tolerancePercent,
    phasingView: options.phasingView,
    daysPerWeek: options.daysPerWeek,
  };
}

/** Build options from what the workbook kept; anything missing or of the wrong type keeps its default. */
export function optionsFromChoices(choices: Choices): Partial<BuildOptions> {
  const out: Partial<BuildOptions> = {};
  if (typeof choices.vatOn === "boolean") out.vatOn = choices.vatOn;
  if (typeof choices.toleranceAmount === "string") out.toleranceAmount = choices.toleranceAmount;
  if (typeof choices.tolerancePercent === "string") out.tolerancePercent = choices.tolerancePercent;
  if (
    choices.phasingView === "month" ||
    choices.phasingView === "quarter" ||
    choices.phasingView === "financialYear"
  ) {
    out.phasingView = choices.phasingView;
  }
  if (typeof choices.daysPerWeek === "number" && [1, 2, 3, 4, 5].includes(choices.daysPerWeek)) {
    out.daysPerWeek = choices.daysPerWeek;
  }
  return out;
}

function failed(errors: InputError[]): Checked {
  const byPath = errorsByPath(errors);
  const unplaced = errors
    .filter((e) => !shownInReview(e.path) && !OPTION_PATHS.has(e.path))
    .map((e) => e.message);
  return { ok: false, errors, byPath, unplaced };
}

/**
 * Check the tender in the boxes with the build options.
 *
 * @example
 * // The DfE 2017 example as loaded:
 * const c = checkDraft(tenderToDraft(DFE_2017_TENDER), DEFAULT_OPTIONS);
 * c.ok && c.view.headline.total; // → 34_656_000 (£346,560)
 */
export function checkDraft(draft: TenderDraft, options: BuildOptions): Checked {
  const { input, errors: dateErrors } = draftToInput(draft);
  if (!options.vatOn) input.vatRate = 0;
  const parsed = parseTender(input);
  const { tolerance, errors: toleranceErrors } = readTolerance(options);
  const errors = [...dateErrors, ...(parsed.ok ? [] : parsed.errors), ...toleranceErrors];
  if (errors.length > 0 || !parsed.ok || !tolerance) return failed(errors);
  const report = checkTender(parsed.value, { tolerance, daysPerWeek: options.daysPerWeek });
  // Dates in the wrong order (bids closing after the work starts, an end before its start) are
  // corrected in Review, beside the boxes, before anything is built.
  const misordered = report.findings.filter((f) => f.code === "DATE_ORDER" && f.severity === "error");
  if (misordered.length > 0) return failed(misordered.map((f) => ({ path: f.path, message: f.message })));
  return { ok: true, tender: parsed.value, tolerance, report, view: reportView(report, tolerance) };
}
