/**
 * Keeping the draft over a reload: the tender as the user is typing it (every box as text), where it
 * came from and the build options. Outside Excel it is kept in the browser's localStorage; inside
 * Excel in the workbook's saved state, through the workbook port (src/workbook is the only code that
 * touches Office.js). Storage may be missing, blocked or full: each store says so in plain words, by
 * throwing an Error the pane shows, never by losing the draft quietly.
 */
import type { WorkbookPort } from "../workbook/port";
import { emptyDraft, emptyLot, type TenderDraft } from "./draft";
import { listProblems } from "./problems";
import { DEFAULT_OPTIONS, type BuildOptions } from "./state";

export interface KeptDraft {
  draft: TenderDraft;
  /** Where the tender came from, in words (as PaneState.source). */
  source: string;
  notes: string[];
  hints: Record<string, string>;
  options: BuildOptions;
  /** The user had changed it since it was started or read. */
  edited: boolean;
  /** When it was kept: an ISO 8601 date-time. */
  savedAt: string;
}

export interface DraftStore {
  /** Where the draft is kept, in words: "this browser", "this workbook". */
  where: string;
  /** How long to wait after a change before keeping it, in milliseconds. */
  delayMs: number;
  /** Keep the draft, replacing the one kept before; null discards it. Throws with the reason. */
  save(kept: KeptDraft | null): Promise<void>;
  /**
   * The draft kept, or undefined when there is none; at once when the store can (the browser's), so
   * the first screen already offers it. Throws (or rejects) with the reason it cannot be read.
   */
  load(): KeptDraft | undefined | Promise<KeptDraft | undefined>;
}

/** The localStorage key of the draft, versioned so a later release can read or migrate it. */
export const DRAFT_KEY = "tender-budget:draft:v1";

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The string fields of `value` that `shape` has, over `shape`'s own values. */
function strings<T extends object>(shape: T, value: Record<string, unknown>): T {
  const out = { ...shape } as Record<string, unknown>;
  for (const key of Object.keys(shape)) if (typeof value[key] === "string") out[key] = value[key];
  return out as T;
}

/**
 * A kept draft read back, its shape checked field by field (a box that is not text is left empty);
 * undefined for something that is not a kept draft at all.
 */
export function readKept(value: unknown): KeptDraft | undefined {
  if (!isRecord(value) || !isRecord(value.draft) || !Array.isArray(value.draft.lots)) return undefined;
  const { lots, ...tender } = value.draft;
  const draft: TenderDraft = {
    ...strings(emptyDraft(), tender),
    ...(tender.statedTotalIsCeiling === true ? { statedTotalIsCeiling: true } : {}),
    lots: lots.filter(isRecord).map((lot) => ({ ...strings(emptyLot(), lot), key: emptyLot().key })),
  };
  if (draft.lots.length === 0) draft.lots.push(emptyLot());
  const options = isRecord(value.options) ? value.options : {};
  const hints = isRecord(value.hints) ? value.hints : {};
  return {
    draft,
    source: typeof value.source === "string" ? value.source : "",
    notes: Array.isArray(value.notes) ? value.notes.filter((n): n is string => typeof n === "string") : [],
    hints: Object.fromEntries(Object.entries(hints).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >,
    options: {
      ...DEFAULT_OPTIONS,
      ...(Object.fromEntries(
        Object.entries(options).filter(
          ([k, v]) => k in DEFAULT_OPTIONS && typeof v === typeof DEFAULT_OPTIONS[k as keyof BuildOptions],
        ),
      ) as Partial<BuildOptions>),
    },
    edited: value.edited === true,
    savedAt: typeof value.savedAt === "string" ? value.savedAt : "",
  };
}

/**
 * The draft in the browser's localStorage. `storage` is asked each time: reading `localStorage` itself
 * throws where the browser blocks storage (a privacy setting, some embedded frames).
 */
export function browserDraftStore(
  storage: () => Storage | null | undefined = () => localStorage,
): DraftStore {
  const open = (): Storage => {
    let found: Storage | null | undefined;
    try {
      found = storage();
    } catch (error) {
      throw new Error(`this browser does not let the pane keep anything (${reason(error)})`);
    }
    if (!found) throw new Error("this browser has no storage for the pane");
    return found;
  };
  return {
    where: "this browser",
    delayMs: 400,
    async save(kept) {
      const store = open();
      try {
        if (kept === null) store.removeItem(DRAFT_KEY);
        else store.setItem(DRAFT_KEY, JSON.stringify(kept));
      } catch (error) {
        const full = error instanceof DOMException && /quota/i.test(`${error.name} ${error.message}`);
        throw new Error(
          full
            ? "this browser's storage for the pane is full"
            : `this browser refused to keep it (${reason(error)})`,
        );
      }
    },
    load() {
      const text = open().getItem(DRAFT_KEY);
      if (text === null) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new Error(`the draft kept in this browser is damaged (${reason(error)})`);
      }
      const kept = readKept(value);
      if (!kept) throw new Error("the draft kept in this browser is not in the expected form");
      return kept;
    },
  };
}

/** The draft in the workbook's saved state (a custom XML part the add-in keeps, see src/workbook/state.ts). */
export function workbookDraftStore(workbook: Pick<WorkbookPort, "saveDraft" | "loadDraft">): DraftStore {
  return {
    where: "this workbook",
    // Each save is a round trip to Excel: wait for a pause in the typing.
    delayMs: 1500,
    async save(kept) {
      const saved = await workbook.saveDraft(kept);
      if (!saved.ok) throw new Error(listProblems(saved.errors));
    },
    async load() {
      const read = await workbook.loadDraft();
      if (!read.ok) throw new Error(listProblems(read.errors));
      if (read.value === undefined) return undefined;
      const kept = readKept(read.value);
      if (!kept) throw new Error("the draft kept in this workbook is not in the expected form");
      return kept;
    },
  };
}

/** What a draft holds, in a few words: `“DfE consultancy” with 4 lots`. */
export function draftWords(draft: TenderDraft): string {
  const n = draft.lots.length;
  return `${draft.title.trim() === "" ? "an untitled tender" : `“${draft.title.trim()}”`} with ${n} ${n === 1 ? "lot" : "lots"}`;
}
