import { detectHost, luminance, themeFromOffice } from "../../src/taskpane/host";

type G = { Office?: unknown };

afterEach(() => {
  delete (globalThis as G).Office;
  jest.useRealTimers();
});

describe("detectHost", () => {
  it("treats a missing Office global (office.js did not load) as a plain browser", async () => {
    await expect(detectHost(10)).resolves.toEqual({ inExcel: false, theme: "light" });
  });

  it("treats Office.onReady resolving with a null host as a plain browser", async () => {
    (globalThis as G).Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    const info = await detectHost(1000);
    expect(info.inExcel).toBe(false);
    expect(info.problem).toBeUndefined();
  });

  it("recognises Excel and reads its dark theme", async () => {
    (globalThis as G).Office = {
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      HostType: { Excel: "Excel" },
      context: { officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#262626" } },
    };
    await expect(detectHost(1000)).resolves.toEqual({ inExcel: true, theme: "dark" });
  });

  it("does not call another Office host Excel", async () => {
    (globalThis as G).Office = {
      onReady: () => Promise.resolve({ host: "Word" }),
      HostType: { Excel: "Excel", Word: "Word" },
    };
    expect((await detectHost(1000)).inExcel).toBe(false);
  });

  it("gives up waiting after the timeout and says why", async () => {
    jest.useFakeTimers();
    (globalThis as G).Office = { onReady: () => new Promise(() => undefined) };
    const pending = detectHost(5000);
    jest.advanceTimersByTime(5000);
    const info = await pending;
    expect(info.inExcel).toBe(false);
    expect(info.problem).toBe(
      "Office did not answer within 5 seconds, so the pane is working without Excel.",
    );
  });

  it("reports a failing Office.onReady instead of hiding it", async () => {
    (globalThis as G).Office = { onReady: () => Promise.reject(new Error("blocked by policy")) };
    const info = await detectHost(1000);
    expect(info).toEqual({
      inExcel: false,
      theme: "light",
      problem: "Office could not start the add-in (blocked by policy), so the pane is working without Excel.",
    });
  });
});

describe("themes", () => {
  it("uses isDarkTheme when Office gives it, else the body background", () => {
    expect(themeFromOffice({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "#1f1f1f" })).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "not a colour" })).toBeUndefined();
    expect(themeFromOffice(undefined)).toBeUndefined();
  });

  it("computes relative luminance of hex colours", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1, 10);
    expect(luminance("#808080")).toBeCloseTo(0.2159, 3);
    expect(luminance("red")).toBeUndefined();
  });
});
