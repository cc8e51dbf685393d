/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { App, tenderSteps } from "../../src/taskpane/App";
import {
  browserDraftStore,
  DRAFT_KEY,
  readKept,
  workbookDraftStore,
  type DraftStore,
} from "../../src/taskpane/draft-store";
import { savedWhen } from "../../src/taskpane/KeepWork";
import { WorkbookContext } from "../../src/taskpane/workbook-context";
import { MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { openLot } from "./pane";
import { renderIn } from "./render";

jest.setTimeout(120_000);

beforeAll(() => tenderSteps.load());

/** A Storage kept in a Map, standing for one browser profile's localStorage across reloads. */
class MapStorage implements Storage {
  readonly items = new Map<string, string>();
  failSet?: () => Error;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failSet) throw this.failSet();
    this.items.set(key, value);
  }
}

function renderPane(store: DraftStore, port = new MemoryWorkbookPort(), inExcel = false) {
  return renderIn(
    <WorkbookContext.Provider value={port}>
      <App host={{ inExcel, theme: "light" }} draftStore={store} />
    </WorkbookContext.Provider>,
  );
}

const box = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
const button = (name: string) => screen.getByRole("button", { name });
const TITLE = "“Children's services commissioners: Barnet, Kirklees, Reading and Worcestershire”";

describe("asking before replacing edited work", () => {
  it("asks before a blank tender, the example or a notice replaces an edited tender; Keep keeps it", async () => {
    renderPane(browserDraftStore(() => new MapStorage()));
    // Nothing edited: the example loads without a question.
    fireEvent.click(button("Use the DfE 2017 example"));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    openLot("Kirklees");
    fireEvent.change(box("Kirklees days"), { target: { value: "52" } });

    fireEvent.click(button("1. Start"));
    const blank = button("Start a blank tender");
    blank.focus();
    fireEvent.click(blank);
    const question = await screen.findByRole("alertdialog", { name: "Replace your tender?" });
    expect(question.textContent).toContain(
      `Starting a blank tender replaces your tender ${TITLE} with 4 lots, and the changes you made to it are lost.`,
    );
    expect(document.activeElement).toBe(button("Keep my tender"));
    fireEvent.click(button("Keep my tender"));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.activeElement).toBe(blank);
    fireEvent.click(button("2. Review"));
    expect(box("Kirklees days").value).toBe("52");

    // The example and a pasted notice ask too; Replace goes ahead.
    fireEvent.click(button("1. Start"));
    fireEvent.click(button("Use the DfE 2017 example"));
    expect((await screen.findByRole("alertdialog")).textContent).toContain("The DfE 2017 example replaces");
    fireEvent.click(button("Keep my tender"));
    fireEvent.change(screen.getByRole("textbox", { name: "Tender notice" }), {
      target: { value: "£86,400 for Sandwell and £126,000 for Croydon." },
    });
    fireEvent.click(button("Read tender notice"));
    expect((await screen.findByRole("alertdialog")).textContent).toContain(
      "Reading the tender notice replaces",
    );
    fireEvent.click(button("Keep my tender"));
    fireEvent.click(button("Start a blank tender"));
    fireEvent.click(await screen.findByRole("button", { name: "Replace it" }));
    expect(box("Lot name (lot 1)").value).toBe("");
    expect(screen.queryByRole("textbox", { name: "Kirklees days" })).toBeNull();

    // The blank tender is not edited yet: the example replaces it without asking.
    fireEvent.click(button("1. Start"));
    fireEvent.click(button("Use the DfE 2017 example"));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    openLot("Kirklees");
    expect(box("Kirklees stated value").value).toBe("48960");
  });
});

describe("keeping the draft over a reload", () => {
  it("keeps the draft as it is typed and offers it back after a reload: Resume, or Discard", async () => {
    const storage = new MapStorage();
    const store = browserDraftStore(() => storage);
    const first = renderPane(store);
    fireEvent.click(button("Use the DfE 2017 example"));
    openLot("Barnet");
    fireEvent.change(box("Barnet days"), { target: { value: "113" } });
    fireEvent.change(box("Buyer"), { target: { value: "DfE £34x" } });
    await waitFor(() => expect(storage.getItem(DRAFT_KEY)).toContain('"days":"113"'));
    first.unmount();

    // Reloaded: nothing is replaced until the user chooses; the offer says what the draft holds.
    const second = renderPane(store);
    await screen.findByText("You have a draft");
    const savedAt = readKept(JSON.parse(storage.getItem(DRAFT_KEY)!))!.savedAt;
    expect(
      screen.getByText(`Kept in this browser: ${TITLE} with 4 lots, saved ${savedWhen(savedAt)}.`),
    ).toBeTruthy();
    expect(savedWhen(savedAt)).toMatch(/^today at \d\d:\d\d$/);
    fireEvent.click(button("Resume your draft"));
    openLot("Barnet");
    expect(box("Barnet days").value).toBe("113");
    expect(box("Buyer").value).toBe("DfE £34x");
    // Resumed work is the user's: another tender asks before replacing it.
    fireEvent.click(button("1. Start"));
    fireEvent.click(button("Use the DfE 2017 example"));
    await screen.findByRole("alertdialog", { name: "Replace your tender?" });
    fireEvent.click(button("Keep my tender"));
    second.unmount();

    renderPane(store);
    fireEvent.click(await screen.findByRole("button", { name: "Discard draft" }));
    expect(screen.queryByText("You have a draft")).toBeNull();
    await waitFor(() => expect(storage.getItem(DRAFT_KEY)).toBeNull());
  });

  it("says so, and keeps working, when the browser's storage is blocked or full", async () => {
    const blocked = browserDraftStore(() => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    const first = renderPane(blocked);
    await screen.findByText(
      "Could not read the draft kept in this browser: this browser does not let the pane keep anything (The operation is insecure.).",
    );
    fireEvent.click(button("Use the DfE 2017 example"));
    openLot("Barnet");
    fireEvent.change(box("Barnet days"), { target: { value: "113" } });
    await screen.findByText(
      /^Your draft is not being kept over a reload: this browser does not let the pane keep/,
    );
    expect(box("Barnet days").value).toBe("113");
    first.unmount();

    const storage = new MapStorage();
    storage.failSet = () => new DOMException("Quota exceeded.", "QuotaExceededError");
    const second = renderPane(browserDraftStore(() => storage));
    fireEvent.click(button("Use the DfE 2017 example"));
    await screen.findByText(
      "Your draft is not being kept over a reload: this browser's storage for the pane is full. Keep the pane open, or export the tender, so as not to lose it.",
    );
    // Once the storage takes it again, the warning goes.
    storage.failSet = undefined;
    openLot("Barnet");
    fireEvent.change(box("Barnet days"), { target: { value: "114" } });
    await waitFor(() => expect(screen.queryByText(/not being kept over a reload/)).toBeNull());
    expect(storage.getItem(DRAFT_KEY)).toContain('"days":"114"');
    second.unmount();

    // No storage at all (absent) and a damaged draft are named too.
    const none = renderPane(browserDraftStore(() => undefined));
    await screen.findByText(
      "Could not read the draft kept in this browser: this browser has no storage for the pane.",
    );
    none.unmount();
    const damaged = new MapStorage();
    damaged.setItem(DRAFT_KEY, "{not json");
    renderPane(browserDraftStore(() => damaged));
    await screen.findByText(
      /^Could not read the draft kept in this browser: the draft kept in this browser is damaged/,
    );
    expect(button("Use the DfE 2017 example")).toBeTruthy();
  });

  it("in Excel keeps the draft in the workbook, offers it before the checked tender, which Discard restores", async () => {
    const port = new MemoryWorkbookPort();
    const first = renderPane(workbookDraftStore(port), port, true);
    fireEvent.click(
      await screen.findByRole("button", { name: "Create tender sheet with the DfE 2017 example" }),
    );
    await screen.findByRole("button", { name: /^Barnet · / });
    openLot("Barnet");
    fireEvent.change(box("Barnet days"), {
      target: { value: "113" },
    });
    // Kept a moment after the typing pauses, as a custom XML part of the workbook.
    await waitFor(async () => expect(JSON.stringify(await port.loadDraft())).toContain('"days":"113"'), {
      timeout: 4000,
    });
    // The tender as last checked, kept at a build.
    await port.saveState({ tender: DFE_2017_TENDER, choices: {} });
    first.unmount();

    renderPane(workbookDraftStore(port), port, true);
    await screen.findByText(new RegExp(`^Kept in this workbook: ${TITLE} with 4 lots, saved today at`));
    expect(screen.queryByRole("textbox", { name: "Barnet days" })).toBeNull();
    await act(async () => {
      fireEvent.click(button("Discard draft"));
    });
    // The tender as last checked comes back instead.
    await screen.findByRole("button", { name: /^Barnet · / });
    openLot("Barnet");
    expect(box("Barnet days").value).toBe("");
    expect(box("Barnet stated value").value).toBe("107520");
    await screen.findByText("Read 4 lots from this workbook, as last checked.");
  });
});
