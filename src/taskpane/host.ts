/**
 * Where the pane is running: inside Excel, or in a plain browser.
 *
 * This is the only pane module that looks at the `Office` global. office.js comes from Microsoft's
 * CDN; outside Office (or offline) it is either missing altogether or `Office.onReady` resolves with
 * a null host. Both mean "not in Excel", which is a first-class mode, and detection never hangs.
 */

export type ThemeMode = "light" | "dark";

export interface HostInfo {
  /** True only when Office reports the Excel host. */
  inExcel: boolean;
  /** The Office theme when Office gives one; otherwise the browser's colour scheme. */
  theme: ThemeMode;
  /** Set when office.js loaded but Office did not start the add-in: what happened, in plain words. */
  problem?: string;
}

/** How long to wait for `Office.onReady` before treating the pane as running in a plain browser. */
export const OFFICE_READY_TIMEOUT_MS = 5000;

interface OfficeLike {
  onReady?: () => Promise<{ host: unknown } | undefined>;
  HostType?: { Excel?: unknown };
  context?: { officeTheme?: Partial<Office.OfficeTheme> | null; platform?: unknown };
}

function officeGlobal(): OfficeLike | undefined {
  const g = globalThis as { Office?: OfficeLike };
  return typeof g.Office === "undefined" || g.Office === null ? undefined : g.Office;
}

/**
 * The Office platform the pane runs on ("PC", "Mac", "iOS", "OfficeOnline"…; Office.PlatformType),
 * or undefined outside Office.
 */
export function officePlatform(): string | undefined {
  const platform = officeGlobal()?.context?.platform;
  return typeof platform === "string" ? platform : undefined;
}

/** Relative luminance of a `#RRGGBB` colour, 0 (black) to 1 (white); undefined for anything else. */
export function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark or light from an Office theme: `isDarkTheme` when given, else the body background colour. */
export function themeFromOffice(
  theme: Partial<Office.OfficeTheme> | null | undefined,
): ThemeMode | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const lum =
    typeof theme.bodyBackgroundColor === "string" ? luminance(theme.bodyBackgroundColor) : undefined;
  if (lum === undefined) return undefined;
  return lum < 0.4 ? "dark" : "light";
}

/** The browser's preferred colour scheme (light when it cannot be told). */
export function themeFromBrowser(): ThemeMode {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return "light";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Resolves with `undefined` after `ms`, so a never-settling promise cannot hold the pane. */
function timeout(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

/**
 * Work out where the pane is running. Never rejects and never waits longer than `timeoutMs`.
 *
 * @example
 * // In a plain browser with office.js unavailable:
 * await detectHost(); // → { inExcel: false, theme: "light" }
 */
export async function detectHost(timeoutMs: number = OFFICE_READY_TIMEOUT_MS): Promise<HostInfo> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") {
    return { inExcel: false, theme: themeFromBrowser() };
  }
  let info: { host: unknown } | undefined;
  try {
    info = await Promise.race([office.onReady(), timeout(timeoutMs)]);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      inExcel: false,
      theme: themeFromBrowser(),
      problem: `Office could not start the add-in (${why}), so the pane is working without Excel.`,
    };
  }
  if (info === undefined) {
    return {
      inExcel: false,
      theme: themeFromBrowser(),
      problem: `Office did not answer within ${Math.round(timeoutMs / 1000)} seconds, so the pane is working without Excel.`,
    };
  }
  const excelHost = office.HostType?.Excel ?? "Excel";
  const inExcel = info.host !== null && info.host === excelHost;
  const theme = (inExcel ? themeFromOffice(office.context?.officeTheme) : undefined) ?? themeFromBrowser();
  return { inExcel, theme };
}
