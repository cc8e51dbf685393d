/**
 * Handing an export to the user in a way that works where the pane runs. In a browser, on the web
 * and in Excel on Windows (WebView2) the browser downloads the file. Excel on Mac (WKWebView) and on
 * iPad ignore `<a download>` links (office-js#2700, closed "by design"; #3385, #4681): there the .xlsx
 * opens in Excel as a new workbook with Excel.createWorkbook (ExcelApi 1.8, "Work with workbooks
 * using the Excel JavaScript API", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks),
 * and text files (CSV, OCDS JSON) are copied to the clipboard.
 */
import { copyText } from "./clipboard";
import { saveFile } from "./download";
import { officePlatform } from "./host";

export type Delivery = "download" | "new-workbook" | "clipboard";

/** How a file of this kind is delivered on an Office platform (undefined: not in Office). */
export function deliveryFor(kind: "workbook" | "text", platform: string | undefined): Delivery {
  if (platform !== "Mac" && platform !== "iOS") return "download";
  return kind === "workbook" ? "new-workbook" : "clipboard";
}

/** Bytes as base64, in chunks (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Deliver an .xlsx; resolves with what happened, in words. */
export async function deliverWorkbook(name: string, bytes: Uint8Array, type: string): Promise<string> {
  if (deliveryFor("workbook", officePlatform()) === "new-workbook") {
    await Excel.createWorkbook(toBase64(bytes));
    return `Opened ${name} in Excel as a new workbook: save it with File › Save As.`;
  }
  saveFile(name, bytes as Uint8Array<ArrayBuffer>, type);
  return `Saved ${name}.`;
}

/** Deliver a text file (CSV, JSON); resolves with what happened, in words. */
export async function deliverText(name: string, text: string, type: string): Promise<string> {
  if (deliveryFor("text", officePlatform()) === "clipboard") {
    await copyText(text);
    return (
      `Copied ${name} to the clipboard (Excel on Mac cannot save files from add-ins): paste it into ` +
      `a text editor and save it as ${name}.`
    );
  }
  saveFile(name, text, type);
  return `Saved ${name}.`;
}
