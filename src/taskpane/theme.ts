/** Fluent themes for the pane, following Office's theme (or the browser's colour scheme). */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeMode } from "./host";

export function fluentTheme(mode: ThemeMode): Theme {
  return mode === "dark" ? webDarkTheme : webLightTheme;
}
