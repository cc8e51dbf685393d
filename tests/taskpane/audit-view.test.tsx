/** @jest-environment jsdom */
/**
 * The Audit view (src/taskpane/audit/AuditView.tsx) over the audit fixtures (Find a Tender JSON
 * Lines and a Contracts Finder search, with a broken line): the summary, the order (largest
 * difference first by default), "Only mismatches", a broken line as not checkable, opening a
 * tender; and, through the whole pane, a .jsonl opened on Start listed as an audit whose tender
 * opens in Review and whose Start shows the same audit again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDecoder } from "node:util";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { AuditCollector, auditSlims, releasesOf, type AuditRow } from "../../src/domain/audit";
import { App, auditPanel, tenderReaders, tenderSteps } from "../../src/taskpane/App";
import { AuditView } from "../../src/taskpane/audit/AuditView";
import type { BulkAudit } from "../../src/taskpane/audit/read-bulk";
import { WorkbookContext } from "../../src/taskpane/workbook-context";
import { MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { renderIn } from "./render";

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, "..", "fixtures", "audit");
const FEED = readFileSync(join(FIXTURES, "find-a-tender-feed.jsonl"), "utf8").trimEnd();
const SEARCH = JSON.stringify(
  JSON.parse(readFileSync(join(FIXTURES, "contracts-finder-search.json"), "utf8")),
);
/** Find a Tender's lines, a Contracts Finder search on one line, and a line cut short. */
const LINES = `${FEED}\n${SEARCH}\n{"ocid": "ocds-cut-short", "tender": {\n`;
const BROKEN_LINE = FEED.split("\n").length + 2;

const DFE = "Commissioners for Children's Services: Barnet, Kirklees, Reading and Worcestershire";

/** The audit of LINES as the pane's reader makes it (lines parsed here: jsdom has no TextDecoder). */
function fixtureAudit(): BulkAudit {
  const c = new AuditCollector();
  LINES.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      c.addProblem(`audit.jsonl line ${i + 1}: not JSON (cut short)`);
      return;
    }
    const got = releasesOf(json);
    if (got.ok) for (const r of got.releases) c.addRelease(r.release, r.context, `line ${i + 1}`);
  });
  const processes = c.takeProcesses();
  const result = c.finishChecked([...processes.values()].map((s) => auditSlims(s)));
  return { fileName: "audit.jsonl", result, processes };
}

function renderView(audit = fixtureAudit()) {
  const onOpen = jest.fn<void, [AuditRow]>();
  renderIn(
    <AuditView
      audit={audit}
      busy={false}
      onOpen={onOpen}
      onClose={() => undefined}
      onDownload={() => undefined}
    />,
  );
  return onOpen;
}

/** The tenders listed, top to bottom: each row's title (or, for a part not read, its status). */
function listed(): string[] {
  const list = screen.getByRole("list", { name: "Tenders in the audit" });
  return within(list)
    .getAllByRole("listitem")
    .map((item) => within(item).queryByRole("button")?.textContent ?? `(${item.textContent?.slice(0, 13)})`);
}

describe("the Audit view", () => {
  test("the summary line, and the tenders largest difference first, a broken line last as not checkable", () => {
    renderView();
    expect(
      screen.getByText(
        "8 tenders from 10 releases: 2 mismatches, 0 within tolerance, 1 rounded, 2 reconcile, 3 not checkable. 2 tenders were awarded above the advertised value. 1 part of the file could not be read.",
      ),
    ).toBeTruthy();
    expect(listed()).toEqual([
      "Patient transport services",
      "Family support commissioning",
      DFE,
      "Improvement adviser",
      "Prison education",
      // Tenders without a difference, by ocid: Contracts Finder's ocds-b5fd17-…, then Find a Tender's.
      "Highways drainage maintenance 2024-2027",
      "Youth work framework",
      "Station cleaning",
      "(Not checkable)",
    ]);
    const last = within(screen.getByRole("list", { name: "Tenders in the audit" }))
      .getAllByRole("listitem")
      .pop()!;
    expect(last.textContent).toContain(`audit.jsonl line ${BROKEN_LINE}: not JSON`);
    expect(within(last).queryByRole("button")).toBeNull();
    expect(screen.getByText("Difference +£3,600,000.00 (30.00%)")).toBeTruthy();
    expect(screen.getByText("Stated £12,000,000.00 · Lots £15,600,000.00")).toBeTruthy();
  });

  test("sorted smallest difference first or by title; the broken line stays last", () => {
    renderView();
    fireEvent.change(screen.getByRole("combobox", { name: "Order" }), { target: { value: "smallest" } });
    expect(listed().slice(0, 5)).toEqual([
      "Improvement adviser",
      "Prison education",
      DFE,
      "Family support commissioning",
      "Patient transport services",
    ]);
    expect(listed().pop()).toBe("(Not checkable)");
    fireEvent.change(screen.getByRole("combobox", { name: "Order" }), { target: { value: "title" } });
    expect(listed().slice(0, 3)).toEqual([
      DFE,
      "Family support commissioning",
      "Highways drainage maintenance 2024-2027",
    ]);
  });

  test("Only mismatches lists the two mismatches, and says how many it shows", () => {
    renderView();
    fireEvent.click(screen.getByRole("checkbox", { name: "Only mismatches" }));
    expect(listed()).toEqual(["Patient transport services", DFE]);
    expect(screen.getByText("Showing 2 of 2 mismatches. Open a tender to review it.")).toBeTruthy();
  });

  test("a tender's title opens it", () => {
    const onOpen = renderView();
    fireEvent.click(screen.getByRole("button", { name: DFE }));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.calls[0][0].ocid).toBe("ocds-b5fd17-8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b");
  });
});

test("a long audit is listed 100 tenders at a time", () => {
  const c = new AuditCollector();
  for (let i = 0; i < 130; i++) {
    c.addRelease(
      {
        ocid: `ocds-test-${String(i).padStart(3, "0")}`,
        date: "2024-01-01T00:00:00Z",
        tender: {
          title: `Tender ${i}`,
          value: { amount: 1000 },
          lots: [{ id: "1", value: { amount: 1000 + i } }],
        },
      },
      {},
      `line ${i + 1}`,
    );
  }
  const processes = c.takeProcesses();
  const result = c.finishChecked([...processes.values()].map((s) => auditSlims(s)));
  renderView({ fileName: "long.jsonl", result, processes });
  expect(listed()).toHaveLength(100);
  expect(listed()[0]).toBe("Tender 129");
  fireEvent.click(screen.getByRole("button", { name: "Show 30 more (30 not shown)" }));
  expect(listed()).toHaveLength(130);
  expect(listed()[129]).toBe("Tender 0");
  expect(screen.queryByRole("button", { name: /^Show \d+ more/ })).toBeNull();
});

describe("the pane with an audit", () => {
  beforeAll(async () => {
    // jsdom has no TextDecoder; browsers and Node do.
    Object.assign(globalThis, { TextDecoder });
    await Promise.all([tenderSteps.load(), tenderReaders.load(), auditPanel.load()]);
  });

  test("a .jsonl opened on Start lists its tenders; one opens in Review; Start shows the same audit again", async () => {
    renderIn(
      <WorkbookContext.Provider value={new MemoryWorkbookPort()}>
        <App host={{ inExcel: false, theme: "light" }} />
      </WorkbookContext.Provider>,
    );
    const file = new File([LINES], "audit.jsonl");
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Tender file"), { target: { files: [file] } });
    });
    await screen.findByRole("list", { name: "Tenders in the audit" }, { timeout: 30_000 });
    expect(listed()[0]).toBe("Patient transport services");
    // No sheet action outside Excel; the downloads are there.
    expect(screen.queryByRole("button", { name: "Write audit to sheet" })).toBeNull();
    expect(screen.getByRole("button", { name: "Download audit (.csv)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: DFE }));
    await screen.findByText(
      "Read 4 lots from ocds-b5fd17-8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b in audit.jsonl.",
      undefined,
      { timeout: 30_000 },
    );
    expect((screen.getByRole("textbox", { name: "Title" }) as HTMLInputElement).value).toBe(DFE);
    expect(screen.queryByRole("heading", { name: "Audit of audit.jsonl" })).toBeNull();
    // An edited tender is not replaced by another from the audit without the user's say.
    fireEvent.change(screen.getByRole("textbox", { name: "Title" }), {
      target: { value: "DfE, as I typed it" },
    });
    fireEvent.click(screen.getByRole("button", { name: "1. Start" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "Audit of audit.jsonl" })).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Prison education" }));
    expect(await screen.findByText("Replace your tender?")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Keep my tender" }));
    fireEvent.click(screen.getByRole("button", { name: "2. Review" }));
    expect((screen.getByRole("textbox", { name: "Title" }) as HTMLInputElement).value).toBe(
      "DfE, as I typed it",
    );
    fireEvent.click(screen.getByRole("button", { name: "1. Start" }));
    fireEvent.click(await screen.findByRole("button", { name: "Prison education" }));
    fireEvent.click(await screen.findByRole("button", { name: "Replace it" }));
    await waitFor(() =>
      expect((screen.getByRole("textbox", { name: "Title" }) as HTMLInputElement).value).toBe(
        "Prison education",
      ),
    );
    fireEvent.click(screen.getByRole("button", { name: "1. Start" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "Audit of audit.jsonl" })).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Close audit" }));
    expect(screen.getByRole("button", { name: "Open a tender file" })).toBeTruthy();
  });

  test("in Excel: a search download (.json of several processes) audited, then written to the Audit sheet", async () => {
    const port = new MemoryWorkbookPort();
    renderIn(
      <WorkbookContext.Provider value={port}>
        <App host={{ inExcel: true, theme: "light" }} />
      </WorkbookContext.Provider>,
    );
    // jsdom's File has no arrayBuffer(), which the tender reader uses (browsers have it).
    const bytes = Uint8Array.from(Buffer.from(SEARCH));
    const file = Object.assign(new File([SEARCH], "search.json", { type: "application/json" }), {
      arrayBuffer: async () => bytes.buffer,
    });
    const audit = await screen.findByRole("button", { name: "Audit a download of notices" });
    await waitFor(() => expect(audit.getAttribute("aria-disabled")).not.toBe("true"));
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Download of notices"), { target: { files: [file] } });
    });
    await screen.findByRole("list", { name: "Tenders in the audit" }, { timeout: 30_000 });
    expect(listed()).toHaveLength(5);
    fireEvent.click(screen.getByRole("button", { name: "Write audit to sheet" }));
    await screen.findByText('Wrote the audit (5 rows) to the sheet "Audit".', undefined, { timeout: 30_000 });
    const sheet = port.workbook.sheet("Audit")!;
    expect(sheet.tables.map((t) => t.name)).toEqual(["AuditTable"]);
    expect(sheet.at("B2")?.value).toBe("Family support commissioning");
  });
});
