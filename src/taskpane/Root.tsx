import { useEffect, useState } from "react";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./App";
import { themeFromBrowser, type HostInfo, type ThemeMode } from "./host";
import { useLazyModule } from "./lazy-module";
import { darkTheme, fluentTheme } from "./theme";
import { WorkbookContext, type PaneWorkbook } from "./workbook-context";

/** Follow the browser's colour scheme as it changes (outside Excel; Excel's theme is read at start). */
function useThemeMode(host: HostInfo): ThemeMode {
  const [mode, setMode] = useState<ThemeMode>(host.theme);
  useEffect(() => {
    if (host.inExcel || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => setMode(themeFromBrowser());
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [host.inExcel]);
  return mode;
}

function logThemeFailure(error: unknown): void {
  console.warn("Tender Budget: the dark theme could not be loaded; the pane stays light.", error);
}

export interface RootProps {
  host: HostInfo;
  workbook: PaneWorkbook;
}

/** The pane with its theme and its workbook. */
export function Root({ host, workbook }: RootProps) {
  const mode = useThemeMode(host);
  // Switched to dark after the start: stay light until the dark theme has arrived (it rarely fails;
  // if it does the pane stays light and readable, and says so in the console).
  useLazyModule(darkTheme, mode === "dark", logThemeFailure);
  useEffect(() => {
    document.documentElement.style.colorScheme = mode;
  }, [mode]);
  return (
    <FluentProvider theme={fluentTheme(mode)} style={{ minHeight: "100vh" }}>
      <WorkbookContext.Provider value={workbook}>
        <App host={host} />
      </WorkbookContext.Provider>
    </FluentProvider>
  );
}
