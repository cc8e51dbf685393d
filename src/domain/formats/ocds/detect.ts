/** The one test of whether parsed JSON is OCDS rather than a tender file. */

import { isObject } from "./json-reader";

/**
 * True when parsed JSON is an OCDS release or record package (`releases`, `records`), a release
 * (`ocid` or `tender` with `tag`), or a JSON array of releases or packages (what OCDS tools
 * write), rather than a tender file: lets a caller choose `ocdsToTender` or `parseTender` for a
 * `.json` file.
 */
export function looksLikeOcds(json: unknown): boolean {
  if (Array.isArray(json)) return json.length > 0 && looksLikeOcds(json[0]);
  if (!isObject(json)) return false;
  if (Array.isArray(json.releases) || Array.isArray(json.records)) return true;
  return typeof json.ocid === "string" || (isObject(json.tender) && json.tag !== undefined);
}
