/**
 * The draft kept over a reload (draft-store.ts): read once when the pane opens and offered back,
 * then kept after every change to the tender, a moment after the typing pauses (and at once when
 * the page is being closed, for a store that can do it then).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftStore, KeptDraft } from "./draft-store";
import type { PaneState } from "./state";

export interface KeptDraftState {
  /** Still reading the kept draft at start. */
  looking: boolean;
  /** A draft kept from before, offered back until it is resumed, discarded or replaced. */
  offer: KeptDraft | null;
  /** Why the draft cannot be kept or read, in words; null while it can. */
  problem: string | null;
  /** Forget the offer and the kept draft. */
  discard: () => void;
  /** Take the offer off the screen (it was resumed). */
  taken: () => void;
}

const cannotRead = (store: DraftStore, error: unknown): string =>
  `Could not read the draft kept in ${store.where}: ${error instanceof Error ? error.message : String(error)}.`;

/** The kept draft as the pane opens: read at once from a store that can, else after a round trip. */
function firstLook(store: DraftStore): {
  offer: KeptDraft | null;
  problem: string | null;
  later?: Promise<KeptDraft | undefined>;
} {
  try {
    const read = store.load();
    return read instanceof Promise
      ? { offer: null, problem: null, later: read }
      : { offer: read ?? null, problem: null };
  } catch (error) {
    return { offer: null, problem: cannotRead(store, error) };
  }
}

export function useKeptDraft(store: DraftStore, state: PaneState): KeptDraftState {
  const [first] = useState(() => firstLook(store));
  const [looking, setLooking] = useState(first.later !== undefined);
  const [offer, setOffer] = useState<KeptDraft | null>(first.offer);
  const [problem, setProblem] = useState<string | null>(first.problem);

  useEffect(() => {
    if (!first.later) return;
    let live = true;
    first.later.then(
      (kept) => {
        if (!live) return;
        setOffer(kept ?? null);
        setLooking(false);
      },
      (error: unknown) => {
        if (!live) return;
        setProblem(cannotRead(store, error));
        setLooking(false);
      },
    );
    return () => {
      live = false;
    };
  }, [first, store]);

  const save = useCallback(
    (kept: KeptDraft | null) =>
      store.save(kept).then(
        () => setProblem(null),
        (error: unknown) =>
          setProblem(
            `Your draft is not being kept over a reload: ${error instanceof Error ? error.message : String(error)}. Keep the pane open, or export the tender, so as not to lose it.`,
          ),
      ),
    [store],
  );

  // What to keep now, for the timer and for the page being closed.
  const pending = useRef<KeptDraft | null>(null);
  const { draft, source, sourceNotes, sourceHints, options, edited } = state;
  useEffect(() => {
    // Nothing is written before the kept draft has been read: it would replace what is offered.
    if (looking || draft === null) return;
    setOffer(null);
    pending.current = {
      draft,
      source,
      notes: sourceNotes,
      hints: sourceHints,
      options,
      edited,
      savedAt: new Date().toISOString(),
    };
    const timer = setTimeout(() => {
      const kept = pending.current;
      pending.current = null;
      if (kept) void save(kept);
    }, store.delayMs);
    return () => clearTimeout(timer);
  }, [looking, draft, source, sourceNotes, sourceHints, options, edited, store, save]);

  useEffect(() => {
    const flush = () => {
      const kept = pending.current;
      pending.current = null;
      if (kept) void save(kept);
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [save]);

  const discard = useCallback(() => {
    setOffer(null);
    void save(null);
  }, [save]);
  const taken = useCallback(() => setOffer(null), []);

  return { looking, offer, problem, discard, taken };
}
