/** Rendering helpers for the pane's component tests (jsdom). */
import { configure, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";

/** jsdom does no layout, so it has no ResizeObserver; Fluent's MessageBar observes its own size. */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: typeof NoLayoutResizeObserver }).ResizeObserver =
    NoLayoutResizeObserver;
}

// Role queries check each element's computed visibility, which is very slow over Fluent's styled DOM
// in jsdom; the pane renders only the current step, so hidden elements are not a concern here.
configure({ defaultHidden: true });

export function renderIn(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

// The pane keeps its draft in the browser's storage over a reload (draft-store.ts): each test starts
// without one, as a new user would.
if (typeof beforeEach === "function" && typeof window !== "undefined") {
  beforeEach(() => window.localStorage.clear());
}
