/**
 * The pane's state and the one reducer that changes it. Pure: tested without React.
 */
import type { Region } from "../domain/core/types";
import { emptyLot, type LotDraft, type LotField, type TenderDraft, type TenderField } from "./draft";

export type Step = "start" | "review" | "build" | "check" | "export" | "track";

export const STEPS: readonly { id: Step; label: string }[] = [
  { id: "start", label: "Start" },
  { id: "review", label: "Review" },
  { id: "build", label: "Build" },
  { id: "check", label: "Check" },
  { id: "export", label: "Export" },
  { id: "track", label: "Contract tracking" },
];

export type PhasingView = "month" | "quarter" | "financialYear";

export interface BuildOptions {
  /** Show and export totals including VAT at `vatRate`; off means no VAT is charged. */
  vatOn: boolean;
  /** Tolerance before a difference against the stated total is an error: pounds, as typed. */
  toleranceAmount: string;
  /** Tolerance in percent of the stated total, as typed. */
  tolerancePercent: string;
  phasingView: PhasingView;
  /** Days worked a week when phasing, 1 to 5. */
  daysPerWeek: number;
}

export const DEFAULT_OPTIONS: BuildOptions = {
  vatOn: true,
  toleranceAmount: "0",
  tolerancePercent: "0",
  phasingView: "month",
  daysPerWeek: 5,
};

export interface PaneState {
  step: Step;
  /** The tender being reviewed; null until one has been started or read. */
  draft: TenderDraft | null;
  /** Where the tender came from, in words: "the DfE 2017 example", "budget.csv". */
  source: string;
  /** Things the user should confirm about what was read, e.g. fields a notice did not give. */
  sourceNotes: string[];
  /** Where individual fields came from (e.g. the notice sentence), by path, shown under their boxes. */
  sourceHints: Record<string, string>;
  options: BuildOptions;
  /** The allocation has been built at least once; from then on it follows every edit. */
  built: boolean;
  /**
   * The lot last removed, where it stood and its boxes' notes from the source (keyed by field), for
   * Undo; cleared by the next load or added lot.
   */
  removedLot?: { lot: LotDraft; index: number; hints: Record<string, string> };
  /**
   * The user has changed the tender since it was started or read (or it is a draft they resumed):
   * starting another asks first.
   */
  edited: boolean;
}

export const INITIAL_STATE: PaneState = {
  step: "start",
  draft: null,
  source: "",
  sourceNotes: [],
  sourceHints: {},
  options: DEFAULT_OPTIONS,
  built: false,
  edited: false,
};

export type PaneAction =
  | {
      type: "loaded";
      draft: TenderDraft;
      source: string;
      notes?: string[];
      hints?: Record<string, string>;
      /** A draft the user resumed is their edited work. */
      edited?: boolean;
    }
  | { type: "editTender"; field: TenderField; value: string }
  | { type: "setCeiling"; ceiling: boolean }
  | { type: "editLot"; index: number; field: LotField; value: string }
  | { type: "addLot" }
  | { type: "removeLot"; index: number }
  | { type: "undoRemoveLot" }
  | { type: "setOptions"; options: Partial<BuildOptions> }
  | { type: "built" }
  | { type: "goTo"; step: Step };

/**
 * Which steps can be opened: Review and Build once there is a tender; Check, Export and Contract
 * tracking once built.
 */
export function stepEnabled(state: PaneState, step: Step): boolean {
  if (step === "start") return true;
  if (step === "review" || step === "build") return state.draft !== null;
  return state.draft !== null && state.built;
}

/**
 * Why the later steps cannot be opened yet, said beside the step bar (and tied to each step button
 * it concerns by aria-describedby), or null when every step can be opened.
 *
 * @example
 * stepsClosedReason({ ...INITIAL_STATE }); // → "Start a tender first: Review and the later steps open then."
 */
export function stepsClosedReason(state: PaneState): string | null {
  if (state.draft === null) return "Start a tender first: Review and the later steps open then.";
  if (!state.built) return "Build the allocation first: Check, Export and Contract tracking open then.";
  return null;
}

/** The hints without the quote from the source under a box the user has changed: it is theirs now. */
function withoutHint(hints: Record<string, string>, path: string): Record<string, string> {
  if (!(path in hints)) return hints;
  const { [path]: _changed, ...rest } = hints;
  return rest;
}

const LOT_HINT = /^lots\[(\d+)\]\.(.+)$/;

/**
 * The source notes once lot `index` is removed: the removed lot's own (by field, kept for Undo) and
 * the rest, the later lots' moved up one place so that each note stays under its own lot's box.
 */
function lotHintsWithout(
  hints: Record<string, string>,
  index: number,
): { kept: Record<string, string>; removed: Record<string, string> } {
  const kept: Record<string, string> = {};
  const removed: Record<string, string> = {};
  for (const [path, note] of Object.entries(hints)) {
    const m = LOT_HINT.exec(path);
    const lot = m ? Number(m[1]) : -1;
    if (!m || lot < index) kept[path] = note;
    else if (lot === index) removed[m[2]] = note;
    else kept[`lots[${lot - 1}].${m[2]}`] = note;
  }
  return { kept, removed };
}

/** The source notes with a lot put back at `index`: later lots' notes move down one place. */
function lotHintsWith(
  hints: Record<string, string>,
  index: number,
  lotHints: Record<string, string>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, note] of Object.entries(hints)) {
    const m = LOT_HINT.exec(path);
    const lot = m ? Number(m[1]) : -1;
    result[m && lot >= index ? `lots[${lot + 1}].${m[2]}` : path] = note;
  }
  for (const [field, note] of Object.entries(lotHints)) result[`lots[${index}].${field}`] = note;
  return result;
}

/** The actions that change the tender itself: after one, the tender is the user's edited work. */
const EDITS: ReadonlySet<PaneAction["type"]> = new Set([
  "editTender",
  "setCeiling",
  "editLot",
  "addLot",
  "removeLot",
  "undoRemoveLot",
]);

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  const next = change(state, action);
  return next !== state && EDITS.has(action.type) && !next.edited ? { ...next, edited: true } : next;
}

function change(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "loaded":
      return {
        ...state,
        draft: action.draft,
        source: action.source,
        sourceNotes: action.notes ?? [],
        sourceHints: action.hints ?? {},
        built: false,
        removedLot: undefined,
        edited: action.edited === true,
        step: "review",
      };
    case "editTender": {
      if (!state.draft) return state;
      const value = action.field === "region" ? (action.value as Region) : action.value;
      return {
        ...state,
        draft: { ...state.draft, [action.field]: value },
        sourceHints: withoutHint(state.sourceHints, action.field),
      };
    }
    case "setCeiling":
      if (!state.draft) return state;
      return { ...state, draft: { ...state.draft, statedTotalIsCeiling: action.ceiling } };
    case "editLot": {
      if (!state.draft || !state.draft.lots[action.index]) return state;
      const lots = state.draft.lots.map((lot, i) =>
        i === action.index ? { ...lot, [action.field]: action.value } : lot,
      );
      return {
        ...state,
        draft: { ...state.draft, lots },
        sourceHints: withoutHint(state.sourceHints, `lots[${action.index}].${action.field}`),
      };
    }
    case "addLot":
      if (!state.draft) return state;
      return {
        ...state,
        draft: { ...state.draft, lots: [...state.draft.lots, emptyLot()] },
        removedLot: undefined,
      };
    case "removeLot": {
      if (!state.draft || state.draft.lots.length <= 1) return state;
      const lots = state.draft.lots.filter((_, i) => i !== action.index);
      const { kept, removed } = lotHintsWithout(state.sourceHints, action.index);
      const removedLot = { lot: state.draft.lots[action.index], index: action.index, hints: removed };
      return { ...state, draft: { ...state.draft, lots }, sourceHints: kept, removedLot };
    }
    case "undoRemoveLot": {
      if (!state.draft || !state.removedLot) return state;
      const { lot, index, hints } = state.removedLot;
      const at = Math.min(index, state.draft.lots.length);
      const lots = [...state.draft.lots];
      lots.splice(at, 0, lot);
      const sourceHints = lotHintsWith(state.sourceHints, at, hints);
      return { ...state, draft: { ...state.draft, lots }, sourceHints, removedLot: undefined };
    }
    case "setOptions":
      return { ...state, options: { ...state.options, ...action.options } };
    case "built":
      return { ...state, built: true };
    case "goTo":
      return stepEnabled(state, action.step) ? { ...state, step: action.step } : state;
  }
}
