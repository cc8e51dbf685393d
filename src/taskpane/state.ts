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
  /** The lot last removed and where it stood, for Undo; cleared by the next load or added lot. */
  removedLot?: { lot: LotDraft; index: number };
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

/** The hints without the quote from the source under a box the user has changed: it is theirs now. */
function withoutHint(hints: Record<string, string>, path: string): Record<string, string> {
  if (!(path in hints)) return hints;
  const { [path]: _changed, ...rest } = hints;
  return rest;
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
      const removedLot = { lot: state.draft.lots[action.index], index: action.index };
      return { ...state, draft: { ...state.draft, lots }, removedLot };
    }
    case "undoRemoveLot": {
      if (!state.draft || !state.removedLot) return state;
      const { lot, index } = state.removedLot;
      const lots = [...state.draft.lots];
      lots.splice(Math.min(index, lots.length), 0, lot);
      return { ...state, draft: { ...state.draft, lots }, removedLot: undefined };
    }
    case "setOptions":
      return { ...state, options: { ...state.options, ...action.options } };
    case "built":
      return { ...state, built: true };
    case "goTo":
      return stepEnabled(state, action.step) ? { ...state, step: action.step } : state;
  }
}
