/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { tenderSteps } from "../../src/taskpane/App";
import { emptyLot } from "../../src/taskpane/draft";
import { lotSummary } from "../../src/taskpane/lot-summary";
import { openLot, renderPane } from "./pane";

// Fluent in jsdom is slow on a busy machine; these tests render the whole pane.
jest.setTimeout(120_000);

beforeAll(() => tenderSteps.load());

const box = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
const line = (name: RegExp | string) => screen.getByRole("button", { name }) as HTMLButtonElement;
const lotLines = () =>
  screen
    .getAllByRole("group")
    .filter((g) => /^lot-\d+-line$/.test(g.getAttribute("aria-labelledby") ?? ""))
    .map((g) => document.getElementById(g.getAttribute("aria-labelledby")!)!);

describe("each lot of Review folds to one line", () => {
  it("shows the DfE example's lots as lines that open and fold, named by what they say", () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
    const lines = lotLines();
    expect(lines.map((l) => l.textContent)).toEqual([
      "Barnet · 112 days × £960 = £107,520",
      "Kirklees · 51 days × £960 = £48,960",
      "Reading · 99 days × £960 = £95,040",
      "Worcestershire · 99 days × £960 = £95,040",
    ]);
    // Each line is a real button whose name is the line, folded: none of the lots' boxes is drawn.
    for (const l of lines) {
      expect(l.tagName).toBe("BUTTON");
      expect(l.getAttribute("aria-expanded")).toBe("false");
    }
    expect(screen.queryByRole("textbox", { name: /days$/ })).toBeNull();

    const barnet = line("Barnet · 112 days × £960 = £107,520");
    fireEvent.click(barnet);
    expect(barnet.getAttribute("aria-expanded")).toBe("true");
    const controlled = document.getElementById(barnet.getAttribute("aria-controls") ?? "");
    expect(controlled?.contains(box("Barnet days"))).toBe(true);
    expect(screen.queryByRole("textbox", { name: "Kirklees days" })).toBeNull();
    // The same button folds it again (the focus stays on it: it is the same element).
    fireEvent.click(barnet);
    expect(barnet.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("textbox", { name: "Barnet days" })).toBeNull();
  });

  it("keeps open a lot with a problem in its boxes and the lot being edited; marks a lot the check faults", () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
    openLot("Kirklees");
    const days = box("Kirklees days");
    fireEvent.change(days, { target: { value: "fifty" } });
    fireEvent.blur(days);
    // With a problem its line is no button: the lot cannot be folded away from its red box.
    expect(screen.queryByRole("button", { name: /^Kirklees · / })).toBeNull();
    const kirklees = lotLines()[1];
    expect(kirklees.textContent).toBe("Kirklees · £48,960 stated · 1 error");
    expect(box("Kirklees days").getAttribute("aria-invalid")).toBe("true");

    // Corrected, it stays open (it is being edited) and can be folded again.
    fireEvent.change(box("Kirklees days"), { target: { value: "52" } });
    fireEvent.blur(box("Kirklees days"));
    expect(line(/^Kirklees · /).getAttribute("aria-expanded")).toBe("true");
    expect(box("Kirklees days").value).toBe("52");
    // 52 days × £960 is not the £48,960 stated: folded, the line carries the check's error.
    fireEvent.click(line(/^Kirklees · /));
    expect(line(/^Kirklees · /).textContent).toBe("Kirklees · 52 days × £960 = £49,920 · 1 error");
    expect(line(/^Kirklees · /).getAttribute("aria-expanded")).toBe("false");
  });

  it("opens a lot just added and the one the error summary points to", () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
    fireEvent.click(screen.getByRole("button", { name: "Add lot" }));
    expect(box("Lot name (lot 5)").value).toBe("");
    expect(lotLines()[4].getAttribute("aria-expanded")).toBe("true");
    expect(lotLines()[0].getAttribute("aria-expanded")).toBe("false");
    // Next with the new lot empty: its problems are listed; the link opens the lot at its box.
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    const link = screen.getAllByRole("link").find((l) => l.textContent?.startsWith("Lot 5"));
    expect(link).toBeDefined();
    fireEvent.click(link!);
    expect(document.activeElement).toBe(box("Lot name (lot 5)"));
  });
});

describe("a lot's line", () => {
  it("says what is typed while the tender does not check, and that nothing is while nothing is", () => {
    const lot = { ...emptyLot("Croydon"), days: "40", dayRate: "£720" };
    expect(lotSummary(lot, 1)).toBe("Croydon · 40 days · £720 a day");
    expect(lotSummary({ ...lot, statedValue: "28.8k" }, 1)).toBe(
      "Croydon · 40 days · £720 a day · £28,800 stated",
    );
    expect(lotSummary({ ...lot, days: "forty", dayRate: "" }, 1)).toBe("Croydon · figures to correct");
    expect(lotSummary(emptyLot(), 2)).toBe("Lot 3 · nothing entered yet");
    expect(lotSummary(lot, 1, { lot: "Croydon", days: 1, dayRate: 72000, value: 72000, share: 1 })).toBe(
      "Croydon · 1 day × £720 = £720",
    );
    expect(lotSummary(lot, 1, { lot: "Croydon", value: 2880000, share: 1 })).toBe("Croydon · £28,800");
  });
});
