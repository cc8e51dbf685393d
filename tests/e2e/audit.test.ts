/**
 * End to end: the Audit view in the production build (dist/) in Debian's Chromium at 320 px, driven
 * by playwright-core: a JSON Lines download of Find a Tender notices opened on Start, listed without
 * sideways scrolling and passing axe, filtered to mismatches, a tender opened in Review from the
 * keyboard; the same file gzipped, unpacked by Chromium's DecompressionStream. Run `npm run build` first.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { gzipSync } from "zlib";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { QUIET_CHROMIUM_FLAGS } from "../../bench/pane";
import { serveDirectory, type StaticServer } from "../../bench/static-server";

const ROOT = resolve(__dirname, "../..");
const DIST = process.env.TB_DIST ?? join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FEED = join(ROOT, "tests", "fixtures", "audit", "find-a-tender-feed.jsonl");

jest.setTimeout(180_000);

let server: StaticServer;
let context: BrowserContext;
let profile: string;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html is missing: run `npm run build` before the end-to-end tests.");
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium.`);
  server = await serveDirectory(DIST);
  profile = mkdtempSync(join(tmpdir(), "tender-budget-audit-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 320, height: 700 },
    locale: "en-GB",
    reducedMotion: "reduce",
    args: QUIET_CHROMIUM_FLAGS,
  });
  // Only the local server is reachable: office.js fails to load, as outside Office.
  await context.route("**/*", (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort("internetdisconnected"),
  );
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function newPane(): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (msg) => {
    // office.js failing to load from its CDN is expected outside Office.
    if (msg.type() !== "error" || msg.location().url === OFFICE_JS) return;
    if (msg.text().includes("appsforoffice.microsoft.com")) return;
    errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("heading", { name: "Tender Budget", level: 1 }).waitFor();
  return page;
}

/** axe-core's violations once no CSS transition is running. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    for (let i = 0; i < 20; i++) {
      const running = document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition && a.playState === "running");
      if (running.length === 0) break;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
    const axe = (
      window as unknown as {
        axe: {
          run: (d: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("the Audit view at 320 px", () => {
  it("lists a JSON Lines download, filters it, and opens a tender in Review from the keyboard", async () => {
    const page = await newPane();
    await page.getByLabel("Tender file").setInputFiles(FEED);
    const list = page.getByRole("list", { name: "Tenders in the audit" });
    await list.waitFor();
    await page.getByText("3 tenders from 4 releases: 1 mismatch,", { exact: false }).waitFor();
    expect(await list.getByRole("listitem").count()).toBe(3);
    expect(await list.getByRole("button").allInnerTexts()).toEqual([
      "Patient transport services",
      "Prison education",
      "Station cleaning",
    ]);
    expect(await sideways(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("checkbox", { name: "Only mismatches" }).check();
    expect(await list.getByRole("button").allInnerTexts()).toEqual(["Patient transport services"]);
    await page.getByText("Showing 1 of 1 mismatches.", { exact: false }).waitFor();

    await list.getByRole("button", { name: "Patient transport services" }).focus();
    await page.keyboard.press("Enter");
    const title = page.getByRole("textbox", { name: "Title" });
    await title.waitFor();
    expect(await title.inputValue()).toBe("Patient transport services");
    await page.getByText("Read 3 lots from ocds-h6vhtk-03f1a2 in find-a-tender-feed.jsonl.").waitFor();
    expect(await sideways(page)).toBe(0);

    // Back on Start, the same audit; closed, Start's choices again.
    await page.getByRole("button", { name: "1. Start" }).click();
    await list.waitFor();
    await page.getByRole("button", { name: "Close audit" }).click();
    await page.getByRole("button", { name: "Open a tender file" }).waitFor();
    await page.close();
    expect(errors).toEqual([]);
  });

  it("unpacks a gzipped download with the browser's DecompressionStream", async () => {
    const page = await newPane();
    await page.getByLabel("Tender file").setInputFiles({
      name: "feed.jsonl.gz",
      mimeType: "application/gzip",
      buffer: gzipSync(readFileSync(FEED)),
    });
    const list = page.getByRole("list", { name: "Tenders in the audit" });
    await list.waitFor();
    expect(await list.getByRole("listitem").count()).toBe(3);
    await page.getByRole("heading", { name: "Audit of feed.jsonl.gz" }).waitFor();
    await page.close();
    expect(errors).toEqual([]);
  });
});
