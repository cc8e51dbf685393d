/**
 * Fluent themes for the pane, following Office's theme (or the browser's colour scheme). The dark
 * theme is fetched only when the pane is dark: index.tsx waits for it before the first render, so a
 * dark pane never shows light first, and a light pane does not load it at all.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeMode } from "./host";
import { lazyModule } from "./lazy-module";

export const darkTheme = lazyModule(() => import(/* webpackChunkName: "theme-dark" */ "./theme-dark"));

/** The theme for `mode`; light until the dark theme has arrived (see themeReady). */
export function fluentTheme(mode: ThemeMode): Theme {
  const dark = mode === "dark" ? darkTheme.current() : undefined;
  return dark ? dark.webDarkTheme : webLightTheme;
}

/** Resolves once fluentTheme(mode) gives the theme of that mode. */
export async function themeReady(mode: ThemeMode): Promise<void> {
  if (mode === "dark") await darkTheme.load();
}
