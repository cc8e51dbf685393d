/** @jest-environment jsdom */
import { act, fireEvent, screen } from "@testing-library/react";
import { openLot, renderPane } from "./pane";

// Fluent in jsdom is slow on a busy machine; these tests render the whole pane several times.
jest.setTimeout(120_000);

const DPO_NOTICE =
  "Sandwell Council is seeking a consultant to provide data protection officer support to its maintained " +
  "schools for 120 days at a day rate of £1,100. A total of £130,000 has been allocated. Bids close on " +
  "14 March 2026 and work starts on 1 April 2026.";

async function readNotice(text: string): Promise<void> {
  fireEvent.change(screen.getByRole("textbox", { name: "Tender notice" }), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Read tender notice" }));
  });
  await screen.findByText(/^Read 1 lot from the tender notice\.$/);
}

/** The status bar's message and whether it is a success (green) or a warning. */
function statusBar(): { text: string; intent: string } {
  const status = screen.getByRole("status");
  const bar = status.querySelector(".fui-MessageBar") as HTMLElement;
  const intent = bar.getAttribute("data-intent") ?? "";
  return { text: bar.textContent ?? "", intent };
}

describe("a budget is a ceiling, end to end in the pane", () => {
  it("reads 'has been allocated' as a ceiling, builds without a green bar and says the work is £2,000 over", async () => {
    renderPane(false, "2026-02-01");
    await readNotice(DPO_NOTICE);
    // The title is what the work is, not the whole notice; the lot has no stated value copied in.
    expect((screen.getByRole("textbox", { name: "Title" }) as HTMLInputElement).value).toBe(
      "Data protection officer support to its maintained schools",
    );
    openLot("Sandwell");
    expect((screen.getByRole("textbox", { name: "Sandwell stated value" }) as HTMLInputElement).value).toBe(
      "",
    );
    const ceiling = screen.getByRole("checkbox", {
      name: /^The stated total is a ceiling/,
    }) as HTMLInputElement;
    expect(ceiling.checked).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Build allocation" }));
    });
    await screen.findByText("Built the allocation of 1 lot.");
    const bar = statusBar();
    expect(bar.text).toBe("Built the allocation of 1 lot. 1 error to fix: see Check totals.");
    expect(bar.intent).toBe("warning");

    fireEvent.click(screen.getByRole("button", { name: "Next: check totals" }));
    expect(screen.getByText("Over budget").closest(".fui-MessageBar")?.getAttribute("data-intent")).toBe(
      "error",
    );
    expect(screen.getByText("The lots add up to £132,000, £2,000 over the budget of £130,000.")).toBeTruthy();
    expect(
      screen.getByText(
        /^The lots add up to £132,000, £2,000 over the budget of £130,000\. The stated total is a ceiling/,
      ),
    ).toBeTruthy();

    // Untick: the same figures are a rounding, as the workbook would say, and no longer an error.
    fireEvent.click(screen.getByRole("button", { name: "2. Review" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /^The stated total is a ceiling/ }));
    fireEvent.click(screen.getByRole("button", { name: "4. Check" }));
    expect(
      screen.getByText("Stated total is a rounding").closest(".fui-MessageBar")?.getAttribute("data-intent"),
    ).toBe("success");
    expect(screen.queryByText("Over budget")).toBeNull();
    expect(screen.queryByRole("heading", { name: /^Errors to fix/ })).toBeNull();
  });
});
