/**
 * Code the pane loads after its first screen (the steps after Start, the charts): fetched once, on
 * first use or ahead of it, and rendered straight away once it is there. React.lazy would suspend
 * on the first render even when the code has already arrived; this does not, so a step fetched
 * ahead of time appears without a placeholder in between.
 */
import { useEffect, useReducer } from "react";

export interface LazyModule<T> {
  /** Fetch the module (once; again after a failed attempt). */
  load: () => Promise<T>;
  /** The module, once it has arrived. */
  current: () => T | undefined;
}

export function lazyModule<T>(fetch: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load: () =>
      (pending ??= fetch().then(
        (module) => (value = module),
        (error: unknown) => {
          pending = undefined; // the next use tries again
          throw error;
        },
      )),
    current: () => value,
  };
}

/**
 * The module when `wanted` and it has arrived; fetches it when wanted and not there yet, and calls
 * `onError` when that fails (a failure is the user's to see, with what to do).
 */
export function useLazyModule<T>(
  module: LazyModule<T>,
  wanted: boolean,
  onError: (error: unknown) => void,
): T | undefined {
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  const current = module.current();
  useEffect(() => {
    if (!wanted || current !== undefined) return;
    let live = true;
    module.load().then(
      () => live && arrived(),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [module, wanted, current, onError]);
  return wanted ? current : undefined;
}

/**
 * Fetch modules once the browser is idle after the first screen, so that they are there before the
 * user asks for them. A failure here is not reported: the module is fetched again when it is used,
 * and that failure is.
 */
export function prefetchWhenIdle(modules: readonly LazyModule<unknown>[]): () => void {
  const start = () => {
    for (const m of modules) m.load().catch(() => undefined);
  };
  const w = globalThis as {
    requestIdleCallback?: (f: () => void) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (typeof w.requestIdleCallback === "function" && typeof w.cancelIdleCallback === "function") {
    const id = w.requestIdleCallback(start);
    return () => w.cancelIdleCallback?.(id);
  }
  const id = setTimeout(start, 200);
  return () => clearTimeout(id);
}
