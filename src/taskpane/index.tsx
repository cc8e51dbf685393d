/**
 * Entry point of the task pane: find out whether Excel is hosting the pane, pick the workbook
 * (Excel's, or one kept in memory in a plain browser) and render the pane.
 */
import { createRoot } from "react-dom/client";
import { detectHost } from "./host";
import { openWorkbook } from "./workbook-context";
import { Root } from "./Root";
import { themeReady } from "./theme";

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error('taskpane.html has no element with id "root"');
  // Inside Excel, say so while Office is slow to start the add-in (the pane keeps waiting).
  const host = await detectHost(undefined, () => {
    const status = container.querySelector("#boot p");
    if (status) status.textContent = "Waiting for Excel to start the add-in…";
  });
  const [workbook] = await Promise.all([openWorkbook(host.inExcel), themeReady(host.theme)]);
  createRoot(container).render(<Root host={host} workbook={workbook} />);
}

void main().catch((error: unknown) => {
  // Nothing rendered: say so on the page rather than leave "Starting…" forever.
  const container = document.getElementById("root");
  if (container) {
    container.textContent = "";
    const main = document.createElement("main");
    main.style.padding = "16px";
    const h1 = document.createElement("h1");
    h1.textContent = "Tender Budget could not start";
    const p = document.createElement("p");
    p.textContent = `${error instanceof Error ? error.message : String(error)} Reload the pane to try again.`;
    main.append(h1, p);
    container.append(main);
  }
});
