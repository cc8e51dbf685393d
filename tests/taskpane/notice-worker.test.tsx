/** @jest-environment jsdom */
/**
 * Issue #20, hangs: the pane reads a pasted notice in a worker (notice-reading.ts), so a long notice
 * cannot freeze it, and a newer read supersedes one still running. jsdom has no Worker: here a
 * stand-in worker answers as notice.worker.ts does, with the engine's own reading, when the test
 * says so. (Without a Worker the pane reads in the page: the other pane tests.)
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { App, tenderSteps } from "../../src/taskpane/App";
import { WorkbookContext } from "../../src/taskpane/workbook-context";
import { MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { readNoticeTender } from "../../src/domain/formats/tender-file";
import { openLot } from "./pane";
import { renderIn } from "./render";

jest.setTimeout(120_000);

/** A worker as the page sees one: what it was sent, whether it was stopped, and a way to answer. */
class StandInWorker {
  static made: StandInWorker[] = [];
  sent: { text: string }[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
  constructor() {
    StandInWorker.made.push(this);
  }
  postMessage(message: { text: string }): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers as notice.worker.ts does: the engine's reading of the text it was sent. */
  async answer(): Promise<void> {
    const result = await readNoticeTender("the tender notice", this.sent[0].text);
    this.onmessage?.({ data: { result } });
  }
}

jest.mock("../../src/taskpane/notice-worker-start", () => ({
  startNoticeWorker: () => new StandInWorker(),
}));

const NOTICE =
  "Two commissioners sought\n26 July 2017\n" +
  "The Department for Education has set aside a total of £212,400 for two commissioners: " +
  "£86,400 for Sandwell and £126,000 for Croydon. The closing date for applications is 14 August.";

beforeAll(() => tenderSteps.load());
beforeEach(() => {
  StandInWorker.made = [];
  (globalThis as { Worker?: unknown }).Worker = StandInWorker;
});
afterEach(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});

function renderPane(): void {
  const port = new MemoryWorkbookPort(undefined, { today: () => "2017-07-26" });
  renderIn(
    <WorkbookContext.Provider value={port}>
      <App host={{ inExcel: false, theme: "light" }} />
    </WorkbookContext.Provider>,
  );
}

const typeNotice = (text: string) =>
  fireEvent.change(screen.getByRole("textbox", { name: "Tender notice" }), { target: { value: text } });
const read = async () => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Read tender notice" }));
  });
  await waitFor(() => expect(StandInWorker.made.at(-1)?.sent.length).toBe(1));
};

describe("the pane reads a notice in a worker", () => {
  it("sends the text to the worker, shows 'Reading' meanwhile, and applies its answer", async () => {
    renderPane();
    typeNotice(NOTICE);
    await read();
    const worker = StandInWorker.made[0];
    expect(worker.sent).toEqual([{ text: NOTICE }]);
    expect(screen.getByText("Reading the tender notice…")).toBeTruthy();
    await act(() => worker.answer());
    await screen.findByText("Read 2 lots from the tender notice.");
    openLot("Croydon");
    expect((screen.getByRole("textbox", { name: "Croydon days" }) as HTMLInputElement).value).toBe("");
    expect(screen.getAllByText(/^From the notice: “.*£212,400/).length).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
  });

  it("reading again while a read runs stops the first worker; only the newer reading is applied", async () => {
    renderPane();
    typeNotice("The contract for Barnet is worth £107,520.");
    await read();
    const first = StandInWorker.made[0];
    typeNotice(NOTICE);
    await read();
    expect(StandInWorker.made).toHaveLength(2);
    expect(first.terminated).toBe(true);
    const second = StandInWorker.made[1];
    expect(second.sent).toEqual([{ text: NOTICE }]);
    await act(() => first.answer()); // too late: ignored
    await act(() => second.answer());
    await screen.findByText("Read 2 lots from the tender notice.");
    expect(screen.queryByRole("group", { name: /^Barnet/ })).toBeNull();
    expect(screen.getByRole("group", { name: /^Croydon · / })).toBeTruthy();
    expect(screen.queryByText(/Could not read the tender notice/)).toBeNull();
  });

  it("a worker that fails to start is a problem named as such, not a silent stop", async () => {
    renderPane();
    typeNotice(NOTICE);
    await read();
    await act(async () =>
      StandInWorker.made[0].onerror?.({ message: "script not found", preventDefault: () => undefined }),
    );
    await screen.findByText("Could not read the tender notice");
    expect(screen.getByText(/The notice reader stopped: script not found/)).toBeTruthy();
  });
});
