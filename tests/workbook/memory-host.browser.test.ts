/** @jest-environment jsdom */
/** The in-memory workbook runs in a browser (the task pane outside Excel): no Node APIs, no Office. */
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { createWorkbookPort } from "../../src/workbook";
import { check } from "./support";

test("in a browser, the DfE tender goes from a Tender sheet to an allocation with its findings located", async () => {
  expect(typeof window).toBe("object");
  expect(typeof Office).toBe("undefined");
  const port = createWorkbookPort("memory");
  expect(port.host).toBe("memory");
  await port.createTenderSheet(DFE_2017_TENDER);
  const read = await port.readTender({ from: "tender-sheet" });
  expect(read).toEqual({ ok: true, value: DFE_2017_TENDER });
  const report = check(DFE_2017_TENDER);
  expect(await port.writeAllocation(report)).toEqual({
    ok: true,
    value: { kind: "allocation", name: "Allocation", replaced: false },
  });
  const shown = await port.showFindings(report.findings);
  expect(shown.ok && shown.value.find((l) => l.finding.code === "TOTAL_MISMATCH")?.address).toBe("Tender!B5");
  expect(await port.saveState({ tender: DFE_2017_TENDER, choices: {} })).toEqual({
    ok: true,
    value: undefined,
  });
  expect(await port.loadState()).toEqual({ ok: true, value: { tender: DFE_2017_TENDER, choices: {} } });
});
