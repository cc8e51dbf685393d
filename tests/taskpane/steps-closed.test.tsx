/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { tenderSteps } from "../../src/taskpane/App";
import { press, renderPane } from "./pane";

jest.setTimeout(120_000);

beforeAll(() => tenderSteps.load());

/** The text a button's aria-describedby points at, or null when it has none. */
function description(button: HTMLElement): string | null {
  const id = button.getAttribute("aria-describedby");
  if (id === null) return null;
  return document.getElementById(id)?.textContent ?? `(nothing with id ${id})`;
}

const step = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

describe("a step that cannot be opened says why", () => {
  it("before a tender, after it, and once it is built", async () => {
    renderPane();
    const start = "Start a tender first: Review and the later steps open then.";
    expect(screen.getByText(start)).toBeTruthy();
    for (const name of ["2. Review", "3. Build", "4. Check", "5. Export", "6. Contract tracking"]) {
      expect(step(name).disabled).toBe(true);
      expect(description(step(name))).toBe(start);
    }
    expect(description(step("1. Start"))).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Use the DfE 2017 example" }));
    const build = "Build the allocation first: Check, Export and Contract tracking open then.";
    expect(screen.queryByText(start)).toBeNull();
    expect(screen.getByText(build)).toBeTruthy();
    for (const name of ["4. Check", "5. Export", "6. Contract tracking"]) {
      expect(step(name).disabled).toBe(true);
      expect(description(step(name))).toBe(build);
    }
    for (const name of ["1. Start", "2. Review", "3. Build"]) {
      expect(step(name).disabled).toBe(false);
      expect(description(step(name))).toBeNull();
    }

    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    await press("Build allocation");
    await screen.findByText("Built the allocation of 4 lots.");
    expect(screen.queryByText(build)).toBeNull();
    for (const name of ["4. Check", "5. Export", "6. Contract tracking"]) {
      expect(step(name).disabled).toBe(false);
      expect(description(step(name))).toBeNull();
    }
  });
});
