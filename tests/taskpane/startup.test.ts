/** @jest-environment jsdom */
/**
 * Start-up inside Excel. Office opens the pane's page with `_host_Info` in its address (Office passes
 * the host and platform there, and office.js keeps it in sessionStorage on reload): inside that
 * frame the pane keeps waiting for Office.onReady however long it takes, says it is waiting, and never
 * falls back to a hidden in-memory workbook. And an old Windows webview (Internet Explorer 11,
 * EdgeHTML), which cannot run the bundle, gets a plain message naming the Excel needed.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { detectHost } from "../../src/taskpane/host";

type G = { Office?: unknown };

afterEach(() => {
  delete (globalThis as G).Office;
  window.history.replaceState(null, "", "/taskpane.html");
  jest.useRealTimers();
});

describe("inside an Office frame", () => {
  beforeEach(() =>
    window.history.replaceState(null, "", "/taskpane.html?_host_Info=Excel$Mac$16.01$en-GB$$$$0"),
  );

  it("keeps waiting past the timeout, says so, and starts in Excel when Office answers", async () => {
    jest.useFakeTimers();
    let ready: (info: { host: string }) => void = () => undefined;
    (globalThis as G).Office = {
      onReady: () => new Promise((resolve) => (ready = resolve)),
      HostType: { Excel: "Excel" },
    };
    const waiting = jest.fn();
    let settled = false;
    const pending = detectHost(5000, waiting).then((info) => {
      settled = true;
      return info;
    });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    expect(waiting).toHaveBeenCalledTimes(1);
    ready({ host: "Excel" });
    await expect(pending).resolves.toMatchObject({ inExcel: true });
  });

  it("stops with the reason when Office fails, rather than run on a hidden workbook", async () => {
    (globalThis as G).Office = { onReady: () => Promise.reject(new Error("blocked by policy")) };
    await expect(detectHost(1000)).rejects.toThrow(
      /Excel could not start Tender Budget \(blocked by policy\)/,
    );
  });
});

describe("the page's message for old webviews", () => {
  const html = readFileSync(join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
  /** Load the page's body and run its inline scripts under a user agent. */
  function load(userAgent: string, documentMode?: number): string {
    document.documentElement.innerHTML = html.replace(/<script\s+src=[^>]*><\/script>/g, "");
    Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
    Object.defineProperty(document, "documentMode", { value: documentMode, configurable: true });
    for (const script of Array.from(document.querySelectorAll("script"))) {
      new Function(script.textContent ?? "")();
    }
    return document.getElementById("root")?.textContent ?? "";
  }

  it("names the Excel needed in Internet Explorer 11 and EdgeHTML", () => {
    const ie = load("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", 11);
    expect(ie).toMatch(/needs a newer Excel/);
    expect(ie).toMatch(/Microsoft 365/);
    expect(ie).not.toMatch(/Starting/);
    const edge = load(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
    );
    expect(edge).toMatch(/needs a newer Excel/);
  });

  it("leaves a current webview starting", () => {
    const chromium = load(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
    );
    expect(chromium).toMatch(/Starting/);
  });
});
