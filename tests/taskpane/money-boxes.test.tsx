/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { tenderSteps } from "../../src/taskpane/App";
import { moneyAsShown } from "../../src/taskpane/ReviewBoxes";
import { box, openLot, renderPaneWithExample } from "./pane";

// Fluent in jsdom is slow on a busy machine; this test renders the whole pane.
jest.setTimeout(120_000);

beforeAll(() => tenderSteps.load());

/** Types `text` into a box one key at a time, then leaves it. */
function typeInto(name: string, text: string): HTMLInputElement {
  const input = box(name);
  fireEvent.focus(input);
  for (let i = 0; i <= text.length; i++) {
    fireEvent.change(input, { target: { value: text.slice(0, i) } });
    // Never written out while typing.
    expect(input.value).toBe(text.slice(0, i));
  }
  fireEvent.blur(input);
  return box(name);
}

describe("money boxes show £ with separators once left", () => {
  it("writes out 346k, £1.2m and pence when the box is left, not while typing; leaves a wrong amount as typed", () => {
    renderPaneWithExample();
    // Left without typing in it: the box keeps what was read.
    const stated = box("Stated total (£)");
    fireEvent.focus(stated);
    fireEvent.blur(stated);
    expect(stated.value).toBe("346000");

    expect(typeInto("Stated total (£)", "346000").value).toBe("£346,000");
    expect(typeInto("Stated total (£)", "346k").value).toBe("£346,000");
    expect(typeInto("Default day rate (£)", "£1.2m").value).toBe("£1,200,000");
    expect(typeInto("Default day rate (£)", "960.5").value).toBe("£960.50");
    openLot("Barnet");
    expect(typeInto("Barnet stated value", "107520").value).toBe("£107,520");
    // Days are not money.
    expect(typeInto("Barnet days", "1120").value).toBe("1120");
    // The procurement rules' money box too; its date boxes are not money.
    expect(typeInto("Options and extensions (£)", "20000").value).toBe("£20,000");
    expect(typeInto("Published", "26072017").value).toBe("26072017");
    // Not an amount: left as typed, with its problem beside it.
    const wrong = typeInto("Stated total (£)", "34x");
    expect(wrong.value).toBe("34x");
    expect(wrong.getAttribute("aria-invalid")).toBe("true");
  });

  it("writes out Build's tolerance in pounds once left; the percentage and VAT rate stay as typed", () => {
    renderPaneWithExample();
    fireEvent.click(screen.getByRole("button", { name: "Next: build allocation" }));
    const tolerance = typeInto("Tolerance (£)", "1000");
    expect(tolerance.value).toBe("£1,000");
    expect(tolerance.getAttribute("aria-invalid")).not.toBe("true");
    expect(typeInto("Tolerance (%)", "1000").value).toBe("1000");
  });

  it("reads back the same amount to the same precision, else leaves the box as typed", () => {
    expect(moneyAsShown("346k")).toBe("£346,000");
    expect(moneyAsShown("£1.2m")).toBe("£1,200,000");
    expect(moneyAsShown("107520.00")).toBe("£107,520.00");
    expect(moneyAsShown("1234.5")).toBe("£1,234.50");
    expect(moneyAsShown("-560")).toBe("-£560");
    // £1.20m is stated to £10,000; "£1,200,000" would say £100,000.
    expect(moneyAsShown("£1.20m")).toBeUndefined();
    expect(moneyAsShown("85O")).toBeUndefined();
    expect(moneyAsShown("")).toBeUndefined();
  });
});
