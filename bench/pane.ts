/**
 * The task pane's weight and start: the JavaScript dist/taskpane.html loads before first render (its
 * own <script src> files, not the chunks loaded on demand), raw and gzipped; and the time from
 * navigation to the first interactive screen in headless Chromium, office.js blocked as it is offline.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";
import { chromium } from "playwright-core";
import { initialScripts, median } from "./report";
import { serveDirectory } from "./static-server";

export interface PaneWeight {
  scripts: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

export function paneWeight(dist: string): PaneWeight {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = initialScripts(html).map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    scripts,
    raw: scripts.reduce((a, s) => a + s.raw, 0),
    gzip: scripts.reduce((a, s) => a + s.gzip, 0),
  };
}

/** The first screen's first action: the Start screen's button that loads the DfE 2017 example. */
export const INTERACTIVE_BUTTON = "Use the DfE 2017 example";

/**
 * Chromium as the bench and the browser tests run it: no sandbox or GPU, and nothing fetched of its
 * own accord (updates, sync, first-run pages), so only the pane's own requests are made.
 */
export const QUIET_CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const CHROMIUM_FLAGS = ["--headless", ...QUIET_CHROMIUM_FLAGS];

export interface PaneStart {
  runs: number[];
  median: number;
  chromium: string;
}

/**
 * Milliseconds from navigation start to the frame in which the Start screen's "Use the DfE 2017
 * example" button is visible and enabled, for `runs` cold starts: each in a fresh Chromium profile
 * (empty cache), with office.js's CDN request aborted as offline.
 */
export async function paneStart(dist: string, executablePath: string, runs: number): Promise<PaneStart> {
  const { url, close } = await serveDirectory(dist);
  const times: number[] = [];
  let version = "";
  try {
    for (let i = 0; i < runs; i++) {
      const profile = mkdtempSync(join(tmpdir(), "tender-budget-bench-"));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 380, height: 900 },
        locale: "en-GB",
      });
      try {
        version = context.browser()?.version() ?? version;
        await context.route("**/*", (route) =>
          route.request().url().startsWith(url) ? route.continue() : route.abort("internetdisconnected"),
        );
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(`${url}/taskpane.html`, { waitUntil: "commit" });
        // Polled in the page every animation frame: performance.now() counts from navigation start.
        const handle = await page.waitForFunction(
          (name: string) => {
            for (const b of Array.from(document.querySelectorAll("button"))) {
              if (b.textContent?.trim() !== name) continue;
              const box = b.getBoundingClientRect();
              const enabled = !b.disabled && b.getAttribute("aria-disabled") !== "true";
              if (enabled && box.width > 0 && box.height > 0) return performance.now();
            }
            return false;
          },
          INTERACTIVE_BUTTON,
          { polling: "raf", timeout: 60_000 },
        );
        const ms = (await handle.jsonValue()) as number;
        // The same button through the accessibility tree, as a user of assistive technology finds it.
        const button = page.getByRole("button", { name: INTERACTIVE_BUTTON });
        if (!(await button.isVisible()) || !(await button.isEnabled())) {
          throw new Error(`"${INTERACTIVE_BUTTON}" is not a visible, enabled button`);
        }
        times.push(ms);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await close();
  }
  return { runs: times, median: median(times), chromium: version };
}
