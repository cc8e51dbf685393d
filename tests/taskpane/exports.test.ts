import { checkTender } from "../../src/domain/check/check";
import { ZERO_TOLERANCE } from "../../src/domain/check/reconcile";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { saveFile } from "../../src/taskpane/download";
import { exportActions } from "../../src/taskpane/exports";
import { PaneError } from "../../src/taskpane/use-task";

jest.mock("../../src/taskpane/download", () => ({
  ...jest.requireActual("../../src/taskpane/download"),
  saveFile: jest.fn(),
}));
const saved = saveFile as jest.MockedFunction<typeof saveFile>;

const report = checkTender(DFE_2017_TENDER);
const ocdsDownload = (ocid?: string) => {
  const action = exportActions(report, ZERO_TOLERANCE, ocid === undefined ? {} : { ocid }).find(
    (a) => a.id === "ocds",
  );
  if (!action) throw new Error("no OCDS download");
  return action.run();
};
const lastPackage = () => JSON.parse(String(saved.mock.calls.at(-1)?.[1]));

describe("the OCDS download", () => {
  beforeEach(() => saved.mockClear());

  it("uses the OCDS id typed on the Export step", async () => {
    await ocdsDownload(" ocds-b5fd17-2017-0142 ");
    expect(lastPackage().releases[0].ocid).toBe("ocds-b5fd17-2017-0142");
  });

  it("makes one up under Tender Budget's own prefix when none is typed", async () => {
    await ocdsDownload("");
    expect(lastPackage().releases[0].ocid).toMatch(/^ocds-tenderbudget-/);
    await ocdsDownload();
    expect(lastPackage().releases[0].ocid).toMatch(/^ocds-tenderbudget-/);
  });

  it("refuses an id that is not an ocid, saying what to type, and saves nothing", async () => {
    const failure = ocdsDownload("tender 42");
    await expect(failure).rejects.toBeInstanceOf(PaneError);
    await expect(failure).rejects.toMatchObject({
      detail: expect.stringContaining('OCDS id: "tender 42" is not an ocid'),
      next: "Correct the OCDS id, or leave it empty for an id under Tender Budget's own prefix.",
    });
    expect(saved).not.toHaveBeenCalled();
  });
});
