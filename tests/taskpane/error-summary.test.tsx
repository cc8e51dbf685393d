/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { tenderSteps } from "../../src/taskpane/App";
import { box, openLot, renderPaneWithExample } from "./pane";

// Fluent in jsdom is slow on a busy machine; these tests render the whole pane several times.
jest.setTimeout(120_000);

beforeAll(() => tenderSteps.load());

/** Types `text` into a box one key at a time, as a user does: each prefix is a change. */
function typeInto(name: string, text: string) {
  const input = box(name);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: "" } });
  for (let i = 1; i <= text.length; i++) fireEvent.change(input, { target: { value: text.slice(0, i) } });
  fireEvent.blur(input);
}

/** The GOV.UK error summary (https://design-system.service.gov.uk/components/error-summary/). */
const summary = () => document.getElementById("error-summary");

describe("the error summary (GOV.UK pattern) follows the boxes", () => {
  it("lists each problem as a link to its box and goes when the last box is corrected with £", async () => {
    renderPaneWithExample();
    typeInto("Stated total (£)", "£34x");
    typeInto("Default day rate (£)", "nine hundred");
    openLot("Kirklees");
    typeInto("Kirklees days", "-3");
    fireEvent.click(screen.getByRole("button", { name: "3. Build" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Build allocation" }));
    });

    // Back on Review with the focus on the list, which names each box and is a list of links.
    expect(screen.getByRole("button", { name: "2. Review" }).getAttribute("aria-current")).toBe("step");
    const list = summary()!;
    expect(document.activeElement).toBe(list);
    expect(within(list).getByRole("heading", { name: "There are 3 problems" })).toBeTruthy();
    const links = within(list).getAllByRole("link");
    expect(links.map((l) => l.textContent?.split(":")[0])).toEqual([
      "Stated total",
      "Day rate",
      "Kirklees (lot 2) days",
    ]);
    expect(list.textContent).toContain("Correct each box listed, then build the allocation.");
    // No second, stale message in the status area.
    expect(screen.queryByText("The tender needs correcting before the allocation can be built")).toBeNull();

    // Each link moves the focus to its box.
    fireEvent.click(links[2]);
    expect(document.activeElement).toBe(box("Kirklees days"));
    fireEvent.click(within(summary()!).getAllByRole("link")[0]);
    expect(document.activeElement).toBe(box("Stated total (£)"));

    // Corrected one by one, money typed with a pound sign: each item goes, then the whole list.
    typeInto("Stated total (£)", "£346,000");
    expect(within(summary()!).getAllByRole("link")).toHaveLength(2);
    typeInto("Default day rate (£)", "£960");
    expect(within(summary()!).getAllByRole("link")).toHaveLength(1);
    typeInto("Kirklees days", "51");
    expect(summary()).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  it("keeps a tolerance problem on Build, where its box is, and opens Review for a box of Review", async () => {
    renderPaneWithExample();
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    fireEvent.change(box("Tolerance (£)"), { target: { value: "lots" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Build allocation" }));
    });
    expect(screen.getByRole("button", { name: "3. Build" }).getAttribute("aria-current")).toBe("step");
    expect(document.activeElement).toBe(summary());
    const [link] = within(summary()!).getAllByRole("link");
    expect(link.textContent).toMatch(/^Tolerance \(£\): /);
    fireEvent.click(link);
    expect(document.activeElement).toBe(box("Tolerance (£)"));

    // A lot's box broken meanwhile is listed on Build too; its link opens Review at that box.
    fireEvent.click(screen.getByRole("button", { name: "2. Review" }));
    openLot("Barnet");
    fireEvent.change(box("Barnet days"), { target: { value: "many" } });
    fireEvent.click(screen.getByRole("button", { name: "3. Build" }));
    const barnet = within(summary()!)
      .getAllByRole("link")
      .find((l) => l.textContent?.startsWith("Barnet (lot 1) days"))!;
    fireEvent.click(barnet);
    expect(screen.getByRole("button", { name: "2. Review" }).getAttribute("aria-current")).toBe("step");
    expect(document.activeElement).toBe(box("Barnet days"));
  });
});

describe("a box is checked when the user leaves it", () => {
  it("waits while '£' is typed, compares the closing and start dates on Review, and Next stops at red boxes", () => {
    renderPaneWithExample();
    const stated = box("Stated total (£)");
    fireEvent.focus(stated);
    fireEvent.change(stated, { target: { value: "£" } });
    // Half-typed: not red yet.
    expect(stated.getAttribute("aria-invalid")).toBeNull();
    fireEvent.blur(stated);
    expect(stated.getAttribute("aria-invalid")).toBe("true");
    // A correction shows at once, before the box is left.
    fireEvent.focus(stated);
    fireEvent.change(stated, { target: { value: "£346,000" } });
    expect(stated.getAttribute("aria-invalid")).toBeNull();
    fireEvent.blur(stated);
    expect(stated.getAttribute("aria-invalid")).toBeNull();

    // Bids closing the day after the work starts (31 August 2017): said on Review, beside the box.
    typeInto("Closing date", "01/09/2017");
    expect(box("Closing date").getAttribute("aria-invalid")).toBe("true");
    expect(
      screen.getByText(
        "The closing date (1 September 2017) is not before the start date (31 August 2017); bids must close before the work starts.",
      ),
    ).toBeTruthy();

    // Next does not pass it: the list of problems takes the focus and the step stays Review.
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    expect(screen.getByRole("button", { name: "2. Review" }).getAttribute("aria-current")).toBe("step");
    expect(document.activeElement).toBe(summary());
    expect(
      within(summary()!)
        .getAllByRole("link")
        .map((l) => l.textContent?.split(":")[0]),
    ).toEqual(["Closing date"]);
    typeInto("Closing date", "31/07/2017");
    expect(summary()).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    expect(screen.getByRole("button", { name: "3. Build" }).getAttribute("aria-current")).toBe("step");
  });
});
