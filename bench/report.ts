/**
 * The bench's bookkeeping, kept apart from the measuring so it can be tested: timing statistics, the
 * scripts a page loads before first render, the pane-weight budget, and bench/results.md (this run's
 * tables, with the previous run's kept underneath so a regression shows in review).
 */

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds as people read them: 0.42 ms, 12.3 ms, 1,234 ms. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString("en-GB")} ms`;
}

/** Bytes in KiB or MiB with one decimal, and exact bytes under 1 KiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}

/** A ratio as "12.3×". */
export function formatRatio(r: number): string {
  return `${r >= 100 ? Math.round(r).toLocaleString("en-GB") : r.toFixed(1)}×`;
}

/**
 * The same-origin scripts an HTML page loads before it first renders: every `<script src>` that is
 * neither a module loaded on demand nor on another host (office.js comes from Microsoft's CDN and is
 * not part of the bundle). Order as in the page.
 */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  const tag = /<script\b([^>]*)>/gi;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const attrs = m[1];
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (!src) continue;
    const url = src[1] ?? src[2] ?? src[3];
    if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url)) continue;
    out.push(url.replace(/^\.?\//, ""));
  }
  return out;
}

export interface PaneBudget {
  /** Largest allowed total of the initial scripts, uncompressed (optional: the gzip size is the goal). */
  rawBytes?: number;
  /** Largest allowed total of the initial scripts, each gzipped. */
  gzipBytes: number;
}

/** Messages for each limit of the budget the measured weight exceeds (none when within budget). */
export function overBudget(measured: { raw: number; gzip: number }, budget: PaneBudget): string[] {
  const over: string[] = [];
  if (budget.rawBytes !== undefined && measured.raw > budget.rawBytes) {
    over.push(
      `initial JavaScript is ${formatBytes(measured.raw)} raw, over the budget of ${formatBytes(budget.rawBytes)} by ${formatBytes(measured.raw - budget.rawBytes)}`,
    );
  }
  if (measured.gzip > budget.gzipBytes) {
    over.push(
      `initial JavaScript is ${formatBytes(measured.gzip)} gzipped, over the budget of ${formatBytes(budget.gzipBytes)} by ${formatBytes(measured.gzip - budget.gzipBytes)}`,
    );
  }
  return over;
}

/** Checks a parsed bench/budget.json. */
export function parseBudget(json: unknown): PaneBudget {
  const b = json as Partial<PaneBudget> | null;
  const whole = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;
  if (!b || !whole(b.gzipBytes) || (b.rawBytes !== undefined && !whole(b.rawBytes))) {
    throw new Error(
      "bench/budget.json must hold gzipBytes (and may hold rawBytes), each a whole number of bytes above 0",
    );
  }
  return b.rawBytes === undefined
    ? { gzipBytes: b.gzipBytes }
    : { rawBytes: b.rawBytes, gzipBytes: b.gzipBytes };
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const RESULTS_TITLE = "# Benchmark results";
const LATEST = "## Latest run";
const PREVIOUS = "## Previous run";

/**
 * bench/results.md for this run: the title, this run under "Latest run", and the run that was latest
 * before it under "Previous run" (older runs are in git history).
 */
export function resultsMarkdown(thisRun: string, previousFile: string | undefined): string {
  const parts = [
    RESULTS_TITLE,
    "",
    "Written by `npm run bench` (bench/run.js). Older runs are in git history.",
    "",
  ];
  parts.push(LATEST, "", thisRun.trim(), "");
  const previous = previousFile === undefined ? undefined : latestRun(previousFile);
  if (previous !== undefined) parts.push(PREVIOUS, "", demote(previous), "");
  return parts.join("\n");
}

/** The body of the "Latest run" section of a results file, or undefined if it has none. */
export function latestRun(file: string): string | undefined {
  const start = file.indexOf(`\n${LATEST}\n`);
  if (start < 0) return undefined;
  const body = file.slice(start + LATEST.length + 2);
  const end = body.indexOf(`\n${PREVIOUS}\n`);
  return (end < 0 ? body : body.slice(0, end)).trim();
}

/** Headings of a run one level down, so they sit under "Previous run". */
function demote(run: string): string {
  return run.replace(/^(#{3,5}) /gm, "#$1 ");
}
