/** The bench's bookkeeping: statistics, the pane's initial scripts, the budget and bench/results.md. */
import {
  formatBytes,
  formatMs,
  initialScripts,
  latestRun,
  median,
  overBudget,
  parseBudget,
  resultsMarkdown,
  table,
} from "../../bench/report";

describe("median", () => {
  test("the middle of an odd count, the mean of the middle two of an even count, in any order", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 2, 4, 8])).toBe(6);
    expect(median([7])).toBe(7);
  });

  test("of nothing is an error", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("formatting", () => {
  test("milliseconds and bytes", () => {
    expect([0.421, 12.34, 1234.5].map(formatMs)).toEqual(["0.42 ms", "12.3 ms", "1,235 ms"]);
    expect([999, 2048, 5 * 1024 * 1024].map(formatBytes)).toEqual(["999 B", "2.0 KiB", "5.00 MiB"]);
  });

  test("a Markdown table", () => {
    expect(table(["A", "B"], [["1", "2"]])).toBe("| A | B |\n| --- | --- |\n| 1 | 2 |");
  });
});

describe("initialScripts", () => {
  test("the page's own scripts in order; office.js from its CDN and inline scripts are not the bundle's", () => {
    const html =
      '<!doctype html><html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js onerror="x=1"></script>' +
      '<script defer src=vendor-react.381331c4.js></script><script defer src="./taskpane.c5cb91de.js"></script>' +
      "<script>window.inline = 1</script><script src='//cdn.example/x.js'></script>" +
      "<script defer src=functions.js></script></head><body></body></html>";
    expect(initialScripts(html)).toEqual([
      "vendor-react.381331c4.js",
      "taskpane.c5cb91de.js",
      "functions.js",
    ]);
  });
});

describe("the pane budget", () => {
  const budget = { rawBytes: 800_000, gzipBytes: 200_000 };

  test("within budget: nothing to say", () => {
    expect(overBudget({ raw: 800_000, gzip: 199_999 }, budget)).toEqual([]);
  });

  test("over budget: each limit passed, with the amount", () => {
    expect(overBudget({ raw: 800_001, gzip: 210_240 }, budget)).toEqual([
      "initial JavaScript is 781.3 KiB raw, over the budget of 781.3 KiB by 1 B",
      "initial JavaScript is 205.3 KiB gzipped, over the budget of 195.3 KiB by 10.0 KiB",
    ]);
  });

  test("the gzip limit alone: the raw size is not held to anything", () => {
    expect(overBudget({ raw: 9_000_000, gzip: 200_000 }, { gzipBytes: 200_000 })).toEqual([]);
    expect(overBudget({ raw: 9_000_000, gzip: 200_001 }, { gzipBytes: 200_000 })).toEqual([
      "initial JavaScript is 195.3 KiB gzipped, over the budget of 195.3 KiB by 1 B",
    ]);
  });

  test("bench/budget.json must give the gzip limit, and any raw limit, in whole bytes", () => {
    expect(parseBudget({ rawBytes: 1, gzipBytes: 2, basis: "text" })).toEqual({ rawBytes: 1, gzipBytes: 2 });
    expect(parseBudget({ gzipBytes: 130_000, basis: "the goal" })).toEqual({ gzipBytes: 130_000 });
    expect(() => parseBudget({ rawBytes: 1 })).toThrow(/must hold gzipBytes/);
    expect(() => parseBudget({ rawBytes: 1.5, gzipBytes: 2 })).toThrow(/whole number/);
    expect(() => parseBudget(null)).toThrow();
  });
});

describe("bench/results.md", () => {
  const first = "Run A.\n\n### Goals\n\n| Goal | Result |\n| --- | --- |\n| x | met |";
  const second = "Run B.\n\n### Goals\n\n| Goal | Result |\n| --- | --- |\n| x | **missed** |";
  const third = "Run C.\n\n### Goals";

  test("a first run has no previous run", () => {
    const file = resultsMarkdown(first, undefined);
    expect(file).toContain("## Latest run\n\nRun A.");
    expect(file).not.toContain("## Previous run");
    expect(latestRun(file)).toBe(first);
  });

  test("the run before is kept under Previous run, its headings a level down; older runs are dropped", () => {
    const file2 = resultsMarkdown(second, resultsMarkdown(first, undefined));
    expect(latestRun(file2)).toBe(second);
    expect(file2).toContain("## Previous run\n\nRun A.\n\n#### Goals");
    const file3 = resultsMarkdown(third, file2);
    expect(latestRun(file3)).toBe(third);
    expect(file3).toContain("## Previous run\n\nRun B.\n\n#### Goals");
    expect(file3).toContain("**missed**");
    expect(file3).not.toContain("Run A.");
  });

  test("a file without a Latest run section gives no previous run", () => {
    expect(latestRun("# Something else\n")).toBeUndefined();
    expect(resultsMarkdown(first, "# Something else\n")).not.toContain("## Previous run");
  });
});
