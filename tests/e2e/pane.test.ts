/**
 * End to end: the production build (dist/) in Debian's Chromium, driven by playwright-core, with
 * office.js unreachable as it is outside Office. Run `npm run build` first.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { QUIET_CHROMIUM_FLAGS } from "../../bench/pane";
import { serveDirectory, type StaticServer } from "../../bench/static-server";

const ROOT = resolve(__dirname, "../..");
/** The production build to test: dist/, or another output folder named by TB_DIST. */
const DIST = process.env.TB_DIST ?? join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

jest.setTimeout(180_000);

let server: StaticServer;
let context: BrowserContext;
let profile: string;
let downloads: string;
/** Console errors and uncaught exceptions, other than office.js failing to load from its CDN. */
const consoleErrors: string[] = [];

async function newPane(options: { colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: options.colorScheme ?? "light" });
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (msg.location().url === OFFICE_JS || msg.text().includes("appsforoffice.microsoft.com")) return;
    consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  // Each new pane starts as a new user's would, without a draft kept by an earlier test (the pages
  // share one browser profile); a reload of the same page keeps it.
  await page.addInitScript(() => {
    if (sessionStorage.getItem("e2e-started") === null) {
      localStorage.clear();
      sessionStorage.setItem("e2e-started", "yes");
    }
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("heading", { name: "Tender Budget", level: 1 }).waitFor();
  return page;
}

/**
 * Waits until no CSS transition is running. Fluent's buttons transition their colours
 * (0.01 ms under reduced motion), and a transition keeps its start value until the browser paints
 * its next frame: on a loaded machine axe then measured a step button that had just been enabled in
 * its disabled grey (#bdbdbd) and reported a contrast failure that no user sees.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (let round = 0; round < 20; round++) {
      // Transitions only: an indeterminate progress bar animates for ever.
      const running = document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition && a.playState === "running");
      if (running.length === 0) return;
      // A transition replaced by a newer one rejects `finished` (AbortError): the loop looks again.
      await Promise.all(
        running.map((a) =>
          a.finished.then(
            () => "finished",
            () => "replaced",
          ),
        ),
      );
      await frame();
    }
  });
}

/**
 * How far the page scrolls sideways once it has settled, and the innermost elements that stick out
 * past the right edge of the window: [] when the page fits.
 */
async function wider(page: Page): Promise<string[]> {
  await settle(page);
  return page.evaluate(() => {
    const over = document.documentElement.scrollWidth - window.innerWidth;
    if (over <= 0) return [];
    const sticking = Array.from(document.body.querySelectorAll("*")).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > window.innerWidth + 0.5;
    });
    const innermost = sticking.filter((el) => !sticking.some((other) => other !== el && el.contains(other)));
    return [
      `${over} px sideways scrolling`,
      ...innermost
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent ?? "").slice(0, 40)}" ends at ${Math.round(el.getBoundingClientRect().right)} px`,
        ),
    ];
  });
}

/** Opens a lot that Review shows folded to its line ("Barnet · 112 days × £960 = £107,520"). */
async function openLot(page: Page, name: string): Promise<void> {
  const named = new RegExp(`^${name} · `);
  const lot = page.getByRole("group", { name: named });
  await lot.waitFor();
  // A lot with a problem in its boxes is open already, its line no button.
  const line = lot.getByRole("button", { name: named });
  if ((await line.count()) > 0 && (await line.getAttribute("aria-expanded")) === "false") await line.click();
  await lot.getByRole("textbox", { name: "Lot name", exact: false }).first().waitFor();
}

/** axe-core's violations on the page once it has settled (rule id, offending elements and why). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  await settle(page);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${(n.failureSummary ?? "").replace(/\s+/g, " ").trim()})`).join(", ")}`,
    );
  });
  return results;
}

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html is missing: run `npm run build` before the end-to-end tests.");
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium).`,
    );
  }
  server = await serveDirectory(DIST);
  profile = mkdtempSync(join(tmpdir(), "tender-budget-chromium-"));
  downloads = mkdtempSync(join(tmpdir(), "tender-budget-downloads-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    downloadsPath: downloads,
    viewport: { width: 380, height: 900 },
    locale: "en-GB",
    // No transitions, so axe measures colours as they settle rather than mid-animation.
    reducedMotion: "reduce",
    timezoneId: "Pacific/Auckland",
    args: QUIET_CHROMIUM_FLAGS,
  });
  // Nothing leaves the machine: only the local server is reachable (office.js fails as offline).
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return url.startsWith(server.url) || url.startsWith("blob:") || url.startsWith("data:")
      ? route.continue()
      : route.abort("internetdisconnected");
  });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe("the task pane in a plain browser", () => {
  let page: Page;
  let savedXlsx = "";
  let savedOcds = "";

  beforeAll(async () => {
    page = await newPane();
  });

  it("opens on a working Start screen without Excel and without office.js", async () => {
    await page.getByRole("button", { name: "Use the DfE 2017 example" }).waitFor();
    await expect(page.getByRole("textbox", { name: "Tender notice" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "4. Check" }).isDisabled()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("loads the DfE example, builds the allocation and shows £346,560 against £346,000", async () => {
    await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
    await expect(page.getByRole("textbox", { name: "Stated total (£)" }).inputValue()).resolves.toBe(
      "346000",
    );
    await openLot(page, "Barnet");
    await expect(page.getByRole("textbox", { name: "Barnet stated value" }).inputValue()).resolves.toBe(
      "107520",
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Next: build allocation" }).click();
    await page.getByRole("button", { name: "Build allocation", exact: true }).click();
    const table = page.getByRole("table", { name: "Allocation by lot" });
    await table.waitFor();
    const rows = await table.getByRole("row").allInnerTexts();
    expect(
      rows.map((r) =>
        r
          .split(/\s*\t\s*|\n+/)
          .map((c) => c.trim())
          .filter(Boolean),
      ),
    ).toEqual([
      ["Lot", "Day rate", "Days", "Value", "Share"],
      ["Barnet", "£960", "112", "£107,520", "31.02%"],
      ["Kirklees", "£960", "51", "£48,960", "14.13%"],
      ["Reading", "£960", "99", "£95,040", "27.42%"],
      ["Worcestershire", "£960", "99", "£95,040", "27.42%"],
      ["Total", "361", "£346,560", "100%"],
    ]);
    await page
      .getByText("The lots add up to £346,560, £560 more than the £346,000 stated.")
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Next: check totals" }).click();
    const figures = page.getByLabel("Headline figures");
    await expect(figures.innerText()).resolves.toMatch(/Computed total\s+£346,560/);
    await expect(figures.innerText()).resolves.toMatch(/Stated total\s+£346,000/);
    await expect(figures.innerText()).resolves.toMatch(/Variance\s+\+£560\s+\+0\.16%/);
    await expect(figures.innerText()).resolves.toMatch(/Implied day rate\s+£960/);
    await page.getByRole("heading", { name: /^Errors to fix/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ROOT, "docs", "pane.png"), fullPage: true });
  });

  it("recomputes the totals when a day count is edited", async () => {
    await page.getByRole("button", { name: "2. Review" }).click();
    await openLot(page, "Barnet");
    await page.getByRole("textbox", { name: "Barnet days" }).fill("113");
    await page.getByRole("button", { name: "4. Check" }).click();
    const figures = page.getByLabel("Headline figures");
    // 113 days × £960 = £108,480 for Barnet: the lots now add to £347,520, £1,520 over £346,000.
    await expect(figures.innerText()).resolves.toMatch(/Computed total\s+£347,520/);
    await expect(figures.innerText()).resolves.toMatch(/Variance\s+\+£1,520/);
    await page.getByText("The lots add up to £347,520, £1,520 more than the £346,000 stated.").waitFor();
  });

  it("downloads an .xlsx that exceljs reads back with the tender and its allocation", async () => {
    await page.getByRole("button", { name: "5. Export" }).click();
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download Excel workbook (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tender", "Allocation", "Phasing", "Tender summary"]);
    const allocation = wb.getWorksheet("Allocation")!;
    const barnet = findRow(allocation, "Barnet");
    expect(barnet).toContain(113);
    expect(barnet).toContain(960);
    const tender = wb.getWorksheet("Tender")!;
    expect(findRow(tender, "Kirklees")).toContain(48960);
    savedXlsx = file;
  });

  it("downloads the allocation as CSV and the tender as an OCDS release package", async () => {
    const save = async (name: string): Promise<string> => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name }).click(),
      ]);
      const file = join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      return readFileSync(file, "utf8");
    };
    const csv = await save("Download allocation (.csv)");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("\r\nBarnet,960.00,113,108480.00,107520.00,960.00,31.22,");
    expect(csv).toContain("\r\nTotal,,362,347520.00,346000.00,1520.00,");
    await page.getByRole("textbox", { name: "OCDS id (optional)" }).fill("ocds-b5fd17-2017-0142");
    const ocdsText = await save("Download OCDS release package (.json)");
    savedOcds = join(downloads, "saved.ocds.json");
    writeFileSync(savedOcds, ocdsText);
    const ocds = JSON.parse(ocdsText);
    expect(ocds.releases[0].ocid).toBe("ocds-b5fd17-2017-0142");
    const tender = ocds.releases[0].tender;
    expect(tender.lots.map((l: { title: string }) => l.title)).toEqual([
      "Barnet",
      "Kirklees",
      "Reading",
      "Worcestershire",
    ]);
    expect(tender.value).toEqual({ amount: 346000, currency: "GBP" });
    expect(tender.tenderPeriod.endDate).toMatch(/^2017-07-31T/);
  });

  it("opens the downloaded .xlsx again and reads the edited tender back", async () => {
    await page.getByRole("button", { name: "1. Start" }).click();
    await page.getByLabel("Tender file").setInputFiles(savedXlsx);
    // Barnet's days were edited: reading the file asks before it replaces the tender.
    await page.getByRole("alertdialog", { name: "Replace your tender?" }).waitFor();
    await page.getByRole("button", { name: "Replace it" }).click();
    await page.getByText(/^Read 4 lots from /).waitFor();
    await openLot(page, "Barnet");
    await expect(page.getByRole("textbox", { name: "Barnet days" }).inputValue()).resolves.toBe("113");
    await expect(page.getByRole("textbox", { name: "Stated total (£)" }).inputValue()).resolves.toBe(
      "346000",
    );
  });

  it("opens the downloaded OCDS release package as the tender it describes", async () => {
    await page.getByRole("button", { name: "1. Start" }).click();
    await page.getByLabel("Tender file").setInputFiles(savedOcds);
    await page.getByText("Read 4 lots from saved.ocds.json.").waitFor();
    await openLot(page, "Kirklees");
    await expect(page.getByRole("textbox", { name: "Kirklees stated value" }).inputValue()).resolves.toBe(
      "48960",
    );
    await expect(page.getByRole("textbox", { name: "Closing date" }).inputValue()).resolves.toBe(
      "31/07/2017",
    );
  });

  it("reads a tender notice pasted as text", async () => {
    await page.getByRole("button", { name: "1. Start" }).click();
    await page
      .getByRole("textbox", { name: "Tender notice" })
      .fill(
        "Two commissioners sought\n26 July 2017\n" +
          "The Department for Education has set aside a total of £212,400 for two commissioners: " +
          "£86,400 for Sandwell and £126,000 for Croydon. The closing date for applications is 14 August.",
      );
    await page.getByRole("button", { name: "Read tender notice" }).click();
    await page.getByText("Read 2 lots from the tender notice.").waitFor();
    await openLot(page, "Croydon");
    await expect(page.getByRole("textbox", { name: "Croydon stated value" }).inputValue()).resolves.toBe(
      "126000",
    );
    await expect(page.getByRole("textbox", { name: "Closing date" }).inputValue()).resolves.toBe(
      "14/08/2017",
    );
    // Each box shows the sentence it was read from; a lot's long sentence takes the whole row
    // rather than stretching the box beside it.
    await page
      .getByText(/^From the notice: “.*£126,000 for Croydon/)
      .first()
      .waitFor();
    const height = async (name: string) =>
      (await page.getByRole("textbox", { name, exact: true }).boundingBox())?.height ?? 0;
    const dayRateHeight = await height("Croydon day rate");
    expect(dayRateHeight).toBeGreaterThan(0);
    expect(await height("Croydon start date")).toBe(dayRateHeight);
    expect(await height("Croydon stated value")).toBe(dayRateHeight);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("has no console errors", () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe("a long notice", () => {
  it("is read in a worker: 500 KB pasted, the page keeps drawing frames while it reads, then the lots show", async () => {
    const page = await newPane();
    const notice = readFileSync(join(ROOT, "examples", "dfe-commissioners-2017-notice.txt"), "utf8");
    const text = notice.repeat(Math.ceil(500_000 / notice.length)).slice(0, 500_000);
    // Pasted: the whole text arrives in one input event (fill would type it in pieces for minutes).
    await page.getByRole("textbox", { name: "Tender notice" }).evaluate((box, value) => {
      const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
      set?.call(box, value);
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
    // Frames drawn: a page whose thread is busy reading draws none until the reading ends.
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number };
      w.frames_ = 0;
      const tick = () => {
        w.frames_++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const frames = () => page.evaluate(() => (window as unknown as { frames_: number }).frames_);
    await page.getByRole("button", { name: "Read tender notice" }).click();
    const atStart = await frames();
    await page.getByText("Reading the tender notice…").waitFor();
    // While it reads, the page answers: the notice box still takes typing.
    await page.getByRole("textbox", { name: "Tender notice" }).press("End");
    await page.getByText(/^Read 4 lots from the tender notice\./).waitFor({ timeout: 120_000 });
    const during = (await frames()) - atStart;
    // The reading takes over a second of a thread's time (1.2 s in Node); in the page's own thread
    // no frame would be drawn while it ran.
    expect(during).toBeGreaterThanOrEqual(10);
    await openLot(page, "Barnet");
    await expect(page.getByRole("textbox", { name: "Barnet stated value" }).inputValue()).resolves.toBe(
      "107520",
    );
    await page.close();
  });
});

describe("keyboard and dark theme", () => {
  it("can be used from the keyboard alone and passes axe in the dark theme", async () => {
    const page = await newPane({ colorScheme: "dark" });
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector("main")!).backgroundColor,
    );
    expect(background).not.toBe("rgb(255, 255, 255)");
    // Tab from the top of the page to the example button and press Enter.
    let focused = "";
    for (let i = 0; i < 10 && focused !== "Use the DfE 2017 example"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    }
    expect(focused).toBe("Use the DfE 2017 example");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: /^Barnet · / }).waitFor();
    // Focus moved to the Review step, so the next Tab reaches its first box.
    await page.keyboard.press("Tab");
    const label = await page.evaluate(
      () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? "",
    );
    expect(label).toBe("Title");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe("keyboard focus while the pane works", () => {
  it("keeps the focus on a button pressed with Enter while its work runs", async () => {
    const page = await newPane();
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
    await page.getByRole("button", { name: "3. Build" }).click();
    await page.getByRole("button", { name: "Build allocation", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Allocation by lot" }).waitFor();
    // A button disabled while busy would drop the focus to the page, and Tab would start again at the top.
    expect(await focusedText()).toBe("Build allocation");

    await page.getByRole("button", { name: "5. Export" }).click();
    await page.getByRole("button", { name: "Download allocation (.csv)" }).focus();
    await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await page.getByText(/^Saved .*-allocation\.csv\.$/).waitFor();
    expect(await focusedText()).toBe("Download allocation (.csv)");
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe("narrow pane", () => {
  it("fits a 320 px task pane on every step without sideways scrolling", async () => {
    const page = await newPane();
    await page.setViewportSize({ width: 320, height: 700 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBe(0);
    await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
    expect(await overflow()).toBe(0);
    await page.getByRole("button", { name: "3. Build" }).click();
    await page.getByRole("button", { name: "Build allocation", exact: true }).click();
    await page.getByRole("table", { name: "Allocation by lot" }).waitFor();
    expect(await overflow()).toBe(0);
    // No cell's text runs out of its cell (Worcestershire ran into its day rate in equal columns),
    // and the table fits its container without scrolling.
    const spilling = await page.evaluate(() => {
      const table = document.querySelector('table[aria-label="Allocation by lot"]') as HTMLElement;
      const cells = Array.from(table.querySelectorAll("th, td")) as HTMLElement[];
      return {
        cells: cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
        table: table.scrollWidth - (table.parentElement as HTMLElement).clientWidth,
      };
    });
    expect(spilling).toEqual({ cells: [], table: 0 });
    // Each step is measured once its own content is on screen (a step may load after the click).
    await page.getByRole("button", { name: "4. Check" }).click();
    await page.locator('dl[aria-label="Headline figures"]').waitFor();
    await page.getByRole("heading", { name: "Errors to fix (1)" }).waitFor();
    expect(await wider(page)).toEqual([]);
    await page.getByRole("button", { name: "5. Export" }).click();
    await page.getByRole("heading", { name: "Downloads" }).waitFor();
    await page.getByRole("button", { name: "Download allocation (.csv)" }).waitFor();
    expect(await wider(page)).toEqual([]);
    // Every download's label shows whole (the OCDS one was cut), and says what its name says.
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll("section[aria-labelledby=export-downloads] button")).flatMap(
        (b) => {
          const el = b as HTMLElement;
          return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
            ? [el.textContent ?? ""]
            : [];
        },
      ),
    );
    expect(cut).toEqual([]);

    // The bank-holiday region reads in full: its box is wider than the name of the region chosen.
    await page.getByRole("button", { name: "3. Build" }).click();
    const region = page.getByRole("combobox", { name: "Bank holidays" });
    await region.selectOption("GB-ENG");
    const room = await region.evaluate((select) => {
      const s = select as HTMLSelectElement;
      const style = getComputedStyle(s);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = context.measureText(s.selectedOptions[0].text).width;
      // The text's room: the box less its padding, which leaves space for the arrow.
      const inner = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: s.selectedOptions[0].text, fits: text <= inner };
    });
    expect(room).toEqual({ text: expect.stringMatching(/^England/), fits: true });
    await page.close();
    expect(consoleErrors).toEqual([]);
  });

  it("at 340 px wraps lot names at spaces only: Northamptonshire and Worcestershire stay whole", async () => {
    const page = await newPane();
    await page.setViewportSize({ width: 340, height: 700 });
    await page.getByLabel("Tender file").setInputFiles({
      name: "councils.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Lot,Day rate,Days,Stated value\r\n" +
          // Wide figures leave the lot column little room: a column sized by "overflow-wrap:
          // anywhere" shrinks below its longest word and breaks "Northamptonshire" mid-word.
          "Northamptonshire,1250.50,112.5,\r\n" +
          "Worcestershire,960,99,\r\n" +
          "Worcestershire County Council children's services,960,99,\r\n" +
          "Barnet,960,112,\r\n",
        "utf8",
      ),
    });
    await page.getByRole("button", { name: "Next: build allocation" }).first().click();
    await page.getByRole("button", { name: "Build allocation", exact: true }).click();
    await page.getByRole("table", { name: "Allocation by lot" }).waitFor();
    await settle(page);
    // Every word of every cell lies on one line: a word broken across lines has two boxes.
    const broken = await page.evaluate(() => {
      const table = document.querySelector('table[aria-label="Allocation by lot"]') as HTMLElement;
      const words: string[] = [];
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index ?? 0);
          range.setEnd(node, (m.index ?? 0) + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (lines.size > 1) words.push(m[0]);
        }
      }
      return words;
    });
    expect(broken).toEqual([]);
    // The long name does wrap (at its spaces), and nothing scrolls sideways.
    const rows = await page
      .getByRole("cell", { name: "Worcestershire County Council children's services" })
      .evaluate((c) => c.getClientRects()[0].height / parseFloat(getComputedStyle(c).lineHeight));
    expect(rows).toBeGreaterThan(1.5);
    expect(await wider(page)).toEqual([]);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe("a large tender", () => {
  it("reviews 1,200 lots a page at a time and builds them all, in a 320 px pane that passes axe", async () => {
    const page = await newPane();
    await page.setViewportSize({ width: 320, height: 700 });
    const rows = ["Lot,Day rate,Days,Stated value"];
    for (let i = 1; i <= 1_200; i++) rows.push(`Council ${i},${500 + (i % 7) * 50},${5 + (i % 10)},`);
    await page.getByLabel("Tender file").setInputFiles({
      name: "framework-lots.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(rows.join("\r\n") + "\r\n", "utf8"),
    });
    await page.getByText("Lots 1–50 of 1,200").first().waitFor();
    expect(await page.getByRole("button", { name: /^Council \d+ · / }).count()).toBe(50);
    await page.getByRole("button", { name: "Next lots" }).first().click();
    await openLot(page, "Council 51");
    await page.getByRole("textbox", { name: "Council 51 days" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Next: build allocation" }).click();
    await page.getByRole("button", { name: "Build allocation", exact: true }).click();
    const table = page.getByRole("table", { name: "Allocation by lot" });
    await table.waitFor();
    // The first 200 lots, a line for the other 1,000, and the total of all 1,200.
    expect(await table.getByRole("row").count()).toBe(1 + 200 + 1 + 1);
    await table.getByText("… and 1,000 more lots", { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe("office.js present but not in Office", () => {
  it("treats Office.onReady resolving with a null host as a plain browser", async () => {
    const page = await context.newPage();
    // office.js as it behaves in an ordinary browser tab: it loads, and onReady reports no host.
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };",
      }),
    );
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Use the DfE 2017 example" }).waitFor();
    expect(await page.getByRole("button", { name: "Read the Tender sheet" }).count()).toBe(0);
    await page.close();
  });
});

/** The values of the first row of a worksheet whose cells include `text`, formulas as their results. */
function findRow(ws: ExcelJS.Worksheet, text: string): unknown[] {
  let found: unknown[] = [];
  ws.eachRow((row) => {
    if (found.length > 0) return;
    const values = (row.values as unknown[]).map((v) =>
      v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v,
    );
    if (values.includes(text)) found = values;
  });
  return found;
}

describe("contract tracking", () => {
  it("checks the DfE invoices with problems and shows the position in a 320 px pane", async () => {
    const page = await newPane();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
    await page.getByRole("button", { name: "3. Build" }).click();
    await page.getByRole("button", { name: "Build allocation", exact: true }).click();
    await page.getByRole("table", { name: "Allocation by lot" }).waitFor();
    await page.getByRole("button", { name: "6. Contract tracking" }).click();
    await page.getByRole("textbox", { name: "As of" }).fill("31/01/2018");
    await page
      .getByLabel("Invoices file")
      .setInputFiles(join(ROOT, "tests", "fixtures", "actuals", "dfe-2017-invoices-with-problems.csv"));
    await page.getByText("Read 22 invoice lines from dfe-2017-invoices-with-problems.csv.").waitFor();

    const errors = page.getByRole("heading", { name: "Errors to fix in the invoices (3)" });
    await errors.waitFor();
    await page.getByText(/RDG-003 \(Reading\) charges £9,700\.00 .* it should be £9,600\.00/).waitFor();
    await page.getByText(/BAR-002 for Barnet is entered 2 times/).waitFor();
    await page.getByRole("heading", { name: "Warnings to check in the invoices (1)" }).waitFor();
    await page
      .getByText(/KIR-000/)
      .first()
      .waitFor();
    // The errors come first, each naming its lot; then the position at a glance, a table whose every
    // cell fits the 320 px pane.
    const errorsTop = (await errors.boundingBox())?.y ?? Infinity;
    const table = page.getByRole("table", { name: "Position by lot" });
    expect(errorsTop).toBeLessThan((await table.boundingBox())?.y ?? 0);
    await page.getByText("Lot: Worcestershire").waitFor();
    expect((await table.getByRole("row").allInnerTexts()).map((r) => r.replace(/\s+/g, " ").trim())).toEqual([
      "Lot Used Left Status",
      "Barnet £63,360 £44,160 Behind plan; 1 invoice error",
      "Kirklees £30,720 £18,240 Behind plan",
      "Reading £43,300 £51,740 Behind plan; 1 invoice error",
      "Worcestershire £97,920 £2,880 over Over budget; 1 invoice error",
      "All lots £235,300 £111,260 Behind plan; 3 invoice errors",
    ]);
    const spilling = await table.evaluate((t) => ({
      cells: Array.from(t.querySelectorAll("th, td"))
        .filter((c) => c.scrollWidth > c.clientWidth)
        .map((c) => c.textContent),
      table: t.scrollWidth - (t.parentElement as HTMLElement).clientWidth,
    }));
    expect(spilling).toEqual({ cells: [], table: 0 });
    const worcestershire = await page.getByLabel("Position of Worcestershire").innerText();
    expect(worcestershire).toMatch(/Over by\s+£2,880 and 3 days/);
    const barnet = await page.getByLabel("Position of Barnet").innerText();
    expect(barnet).toMatch(/Days used\s+66 of 112/);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe("charts", () => {
  /** The chart as the user sees it: its box inside the 320 px window, and the words it stands for. */
  async function chart(page: Page, name: RegExp): Promise<string> {
    const img = page.getByRole("img", { name });
    await img.waitFor();
    const box = await img.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(box!.height).toBeGreaterThan(20);
    return (await img.getAttribute("aria-label")) ?? "";
  }

  for (const colorScheme of ["light", "dark"] as const) {
    it(`draws value by lot, phasing and spend against budget at 320 px in the ${colorScheme} theme`, async () => {
      const page = await newPane({ colorScheme });
      await page.setViewportSize({ width: 320, height: 700 });
      await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
      await page.getByRole("button", { name: "3. Build" }).click();
      await page.getByRole("button", { name: "Build allocation", exact: true }).click();
      await page.getByRole("table", { name: "Allocation by lot" }).waitFor();

      expect(await chart(page, /^Value by lot:/)).toBe(
        "Value by lot: Barnet £107,520, Kirklees £48,960, Reading £95,040, Worcestershire £95,040. The largest is Barnet.",
      );
      expect(await chart(page, /^Phasing by /)).toMatch(/^Phasing by \w[\w ]*: .*£/);
      expect(await wider(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({
        path: join(ROOT, "test-results", `charts-build-${colorScheme}.png`),
        fullPage: true,
      });

      await page.getByRole("button", { name: "6. Contract tracking" }).click();
      await page.getByRole("textbox", { name: "As of" }).fill("31/01/2018");
      await page
        .getByLabel("Invoices file")
        .setInputFiles(join(ROOT, "tests", "fixtures", "actuals", "dfe-2017-invoices-with-problems.csv"));
      await page.getByText("Read 22 invoice lines from dfe-2017-invoices-with-problems.csv.").waitFor();
      const all = await chart(page, /^All lots:/);
      expect(all).toMatch(
        /^All lots: £[\d,.]+ spent of £346,560 by 31 January 2018, against £[\d,.]+ phased/,
      );
      expect(await chart(page, /^Barnet:/)).toMatch(/spent of £107,520/);
      expect(await wider(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({
        path: join(ROOT, "test-results", `charts-tracking-${colorScheme}.png`),
        fullPage: true,
      });
      await page.close();
      expect(consoleErrors).toEqual([]);
    });
  }
});

describe("procurement rules", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`shows the DfE 2017 rules and their timeline at 320 px in the ${colorScheme} theme`, async () => {
      const page = await newPane({ colorScheme });
      await page.setViewportSize({ width: 320, height: 700 });
      await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
      await page.getByRole("combobox", { name: "Buyer type" }).selectOption("central");
      await page.getByRole("combobox", { name: "Contract type" }).selectOption("services");
      await page.getByRole("combobox", { name: "Procedure" }).selectOption("open");
      await page.getByRole("textbox", { name: "Published" }).fill("26/07/2017");
      expect(await wider(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "3. Build" }).click();
      await page.getByRole("button", { name: "Build allocation", exact: true }).click();
      await page.getByRole("table", { name: "Allocation by lot" }).waitFor();
      await page.getByRole("button", { name: "4. Check" }).click();
      await page.getByRole("heading", { name: "Procurement rules", exact: true }).waitFor();

      const figures = await page.getByLabel("Procurement rules figures").innerText();
      expect(figures).toMatch(/Regime\s+PCR 2015/);
      expect(figures).toMatch(/Threshold\s+£106,047 ex VAT/);
      expect(figures).toMatch(/Estimated value\s+£346,560 ex VAT\s+At or above the threshold/);
      const rows = await page.getByRole("table", { name: "Timetable" }).getByRole("row").allInnerTexts();
      expect(rows.map((r) => r.replace(/\s+/g, " ").trim())).toEqual([
        "Date What",
        "26 July 2017 Published (tender notice)",
        "31 July 2017 Closing: 5 days, minimum 30",
        "20 August 2017 Latest award notice: the last day for the standstill to end before the start on 31 August 2017",
        "31 August 2017 Start: 31 days after closing",
      ]);
      // The short period in the error colour, which is not the colour of the text around it.
      const colours = await page.evaluate(() => {
        const short = Array.from(document.querySelectorAll("td span")).find(
          (el) => el.textContent === "5 days, minimum 30",
        );
        return short ? [getComputedStyle(short).color, getComputedStyle(short.parentElement!).color] : [];
      });
      expect(colours).toHaveLength(2);
      expect(colours[0]).not.toBe(colours[1]);

      const timeline = page.getByRole("img", { name: /^Timeline/ });
      await timeline.waitFor();
      expect(await timeline.getAttribute("aria-label")).toBe(
        "Timeline from 26 July 2017 to 31 August 2017: tendering from 26 July 2017 to 31 July 2017, 5 days, minimum 30 (too short); award notice by 20 August 2017 for the standstill to end before the start; start 31 August 2017.",
      );
      const box = await timeline.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      expect(box!.height).toBeGreaterThan(100);
      expect(await wider(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await timeline.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(ROOT, "test-results", `rules-check-${colorScheme}.png`),
        fullPage: true,
      });
      await page
        .locator("section[aria-labelledby=check-rules]")
        .screenshot({ path: join(ROOT, "test-results", `rules-panel-${colorScheme}.png`) });
      await page.close();
      expect(consoleErrors).toEqual([]);
    });
  }
});

describe("errors that go when fixed", () => {
  /** Replaces a box's text by typing it key by key, as a user does, then leaves the box. */
  async function retype(page: Page, name: string, text: string): Promise<void> {
    const box = page.getByRole("textbox", { name, exact: true });
    await box.click();
    await box.press("ControlOrMeta+a");
    await box.press("Backspace");
    await box.pressSequentially(text);
    await box.press("Tab");
  }

  it("lists the problems as links to their boxes and drops each as its box is corrected, typed with £", async () => {
    const page = await newPane();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
    await retype(page, "Stated total (£)", "£34x");
    await retype(page, "Default day rate (£)", "£9 6 0");
    await openLot(page, "Kirklees");
    await retype(page, "Kirklees days", "fifty");
    // Next does not pass red boxes; the step button still opens Build, where a build lists them.
    await page.getByRole("button", { name: "Next: build allocation" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    await page.getByRole("button", { name: "3. Build" }).click();
    await page.getByRole("button", { name: "Build allocation", exact: true }).click();

    const summary = page.locator("#error-summary");
    await summary.getByRole("heading", { name: "There are 3 problems" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    const links = summary.getByRole("link");
    expect((await links.allInnerTexts()).map((t) => t.split(":")[0])).toEqual([
      "Stated total",
      "Day rate",
      "Kirklees (lot 2) days",
    ]);
    // The summary passes axe and fits the narrow pane.
    expect(await axeViolations(page)).toEqual([]);
    expect(await wider(page)).toEqual([]);
    // From the keyboard: Tab to the third link and press Enter; the focus is in its box.
    await links.nth(2).focus();
    await page.keyboard.press("Enter");
    expect(
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute("aria-label")),
    ).toBe("Kirklees days");

    await retype(page, "Stated total (£)", "£105,600");
    await expect(links.count()).resolves.toBe(2);
    await retype(page, "Default day rate (£)", "£960");
    await expect(links.count()).resolves.toBe(1);
    await retype(page, "Kirklees days", "51");
    await summary.waitFor({ state: "detached" });
    await expect(page.locator('[aria-invalid="true"]').count()).resolves.toBe(0);
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe("no lost work", () => {
  it("keeps a typed draft over a reload and resumes it; asks before a blank tender replaces it", async () => {
    const page = await newPane();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
    const title = page.getByRole("textbox", { name: "Title", exact: true });
    await title.fill("");
    await title.pressSequentially("Social care commissioners");
    await openLot(page, "Barnet");
    const days = page.getByRole("textbox", { name: "Barnet days", exact: true });
    await days.pressSequentially("113");
    await days.press("Tab");

    await page.reload();
    await page.getByText("You have a draft").waitFor();
    await page
      .getByText(
        /^Kept in this browser: “Social care commissioners” with 4 lots, saved today at \d\d:\d\d\.$/,
      )
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await wider(page)).toEqual([]);
    await page.getByRole("button", { name: "Resume your draft" }).click();
    await openLot(page, "Barnet");
    await expect(days.inputValue()).resolves.toBe("113");
    await expect(title.inputValue()).resolves.toBe("Social care commissioners");
    await openLot(page, "Kirklees");
    await expect(page.getByRole("textbox", { name: "Kirklees stated value" }).inputValue()).resolves.toBe(
      "48960",
    );

    // The resumed draft is the user's work: a blank tender asks first, and Keep keeps it.
    await page.getByRole("button", { name: "1. Start" }).click();
    await page.getByRole("button", { name: "Start a blank tender" }).click();
    const question = page.getByRole("alertdialog", { name: "Replace your tender?" });
    await question.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Keep my tender");
    expect(await axeViolations(page)).toEqual([]);
    expect(await wider(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await question.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "2. Review" }).click();
    await expect(days.inputValue()).resolves.toBe("113");
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe("Review at 340 px", () => {
  /**
   * The DfE example's Review in a 340 px pane: how tall the page is, and how many Tab presses take
   * the keyboard from the first step button at the top to "Next: build allocation".
   */
  async function reviewMeasures(page: Page): Promise<{ height: number; tabs: number }> {
    await settle(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.getByRole("button", { name: "1. Start" }).focus();
    let tabs = 0;
    for (let focused = ""; focused !== "Next: build allocation" && tabs < 100;) {
      await page.keyboard.press("Tab");
      tabs++;
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    }
    return { height, tabs };
  }

  for (const colorScheme of ["light", "dark"] as const) {
    it(`shows each lot of the DfE example as one line, so the page is short and Next is a few Tabs away (${colorScheme})`, async () => {
      const page = await newPane({ colorScheme });
      await page.setViewportSize({ width: 340, height: 700 });
      await page.getByRole("button", { name: "Use the DfE 2017 example" }).click();
      await page.getByRole("textbox", { name: "Stated total (£)" }).waitFor();
      // Before the lots folded to a line each: 2,692 px tall and 46 Tab presses to Next; after,
      // 1,576 px (the tender and rules boxes take most of it) and 22.
      const measures = await reviewMeasures(page);
      console.log(`Review of the DfE example at 340 px: ${JSON.stringify(measures)}`);
      expect(measures.height).toBeLessThanOrEqual(1700);
      expect(measures.tabs).toBeLessThanOrEqual(26);
      expect(await wider(page)).toEqual([]);

      // From the keyboard: Enter on a lot's line opens it, with the focus still on the line.
      const line = page.getByRole("button", { name: "Kirklees · 51 days × £960 = £48,960" });
      await line.focus();
      await page.keyboard.press("Enter");
      await expect(line.getAttribute("aria-expanded")).resolves.toBe("true");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Kirklees · 51 days × £960 = £48,960",
      );
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
        "Lot name (lot 2)",
      );
      // A money box shows £ and separators once left, never while typed in.
      const stated = page.getByRole("textbox", { name: "Stated total (£)" });
      await stated.fill("");
      await stated.pressSequentially("346k");
      await expect(stated.inputValue()).resolves.toBe("346k");
      await stated.press("Tab");
      await expect(stated.inputValue()).resolves.toBe("£346,000");
      // Folded and open lots side by side pass axe in a 320 px pane.
      await page.setViewportSize({ width: 320, height: 700 });
      expect(await wider(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
      expect(consoleErrors).toEqual([]);
    });
  }
});
