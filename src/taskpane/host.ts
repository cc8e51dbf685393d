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
 * Whether Office opened this page: Office adds `_host_Info` (host, platform, version) to the add-in's
 * address, and office.js keeps it in sessionStorage when the page reloads. On the web the pane is
 * also in a frame of the Office page.
 */
export function inOfficeFrame(): boolean {
  if (typeof window === "undefined") return false;
  if (/[?&#]_host_Info=/i.test(window.location.href)) return true;
  try {
    if (window.sessionStorage?.getItem("hostInfoValue")) return true;
  } catch {
    // Storage blocked (a privacy setting): the address alone decides.
  }
  return false;
}

/**
 * Work out where the pane is running. In a plain browser tab this never rejects and never waits
 * longer than `timeoutMs`. Inside an Office frame it waits for Office.onReady however long it takes,
 * calling `onWaiting` once `timeoutMs` has passed so that the page can say so, and rejects with the
 * reason when Office fails: the pane never runs on an in-memory workbook while the user is in Excel.
 *
 * @example
 * // In a plain browser with office.js unavailable:
 * await detectHost(); // → { inExcel: false, theme: "light" }
 */
export async function detectHost(
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
  onWaiting?: () => void,
): Promise<HostInfo> {
  const office = officeGlobal();
  const framed = inOfficeFrame();
  if (!office || typeof office.onReady !== "function") {
    if (framed)
      throw new Error("Excel could not load office.js, so Tender Budget cannot reach the workbook.");
    return { inExcel: false, theme: themeFromBrowser() };
  }
  let info: { host: unknown } | undefined;
  if (framed) {
    const timer = setTimeout(() => onWaiting?.(), timeoutMs);
    try {
      info = await office.onReady();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`Excel could not start Tender Budget (${why}). Close the pane and open it again.`);
    } finally {
      clearTimeout(timer);
    }
    return hostFrom(office, info);
  }
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
  return hostFrom(office, info);
}

function hostFrom(office: OfficeLike, info: { host: unknown } | undefined): HostInfo {
  const excelHost = office.HostType?.Excel ?? "Excel";
  const inExcel = info !== undefined && info.host !== null && info.host === excelHost;
  const theme = (inExcel ? themeFromOffice(office.context?.officeTheme) : undefined) ?? themeFromBrowser();
  return { inExcel, theme };
}
