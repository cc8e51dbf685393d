/**
 * A whole JSON document of a bulk download read value by value, as a streaming JSON parser gives
 * them: a JSON array of releases, packages or records (each item), or a release or record package
 * (each release or record, with the package's `uri`), or one release or record alone (its
 * top-level fields, put together at the end). The CLI and the pane each run their own parser over
 * the bytes and hand every value here, so both read a document the same way.
 */
import type { AuditCollector } from "./audit";
import { isObject, type Json } from "./merge";
import { releasesOf, releasesOfRecord } from "./releases";

/** Top-level fields kept when the document is a single release rather than a package. */
const RELEASE_FIELDS = ["ocid", "id", "date", "tag", "buyer", "parties", "tender", "awards", "uri"];

/** The JSONPath patterns to give the streaming parser for a document (an array, or not). */
export function documentPaths(isArray: boolean): string[] {
  return isArray ? ["$.*"] : ["$.releases.*", "$.records.*", ...RELEASE_FIELDS.map((f) => `$.${f}`)];
}

/** One value the parser found: where it sits (`key` within the `stack` of its parents) and what. */
export interface DocumentValue {
  value?: unknown;
  key?: string | number;
  stack: readonly { key?: string | number }[];
}

/** What the audit collector is asked for while a document is read. */
export type ReleaseSink = Pick<AuditCollector, "addRelease" | "addProblem">;

export interface DocumentReader {
  /** Hand over each value the parser gives. */
  onValue(found: DocumentValue): void;
  /** Once the parser has ended without error: a document that was one release or record alone. */
  finish(): void;
  /** True once a release or record of a package has been read. */
  readonly inPackage: boolean;
  /** How many items of an array have been read. */
  readonly element: number;
}

/** Read the document `name` (an array when `isArray`) into `collector`, value by value. */
export function documentReader(name: string, collector: ReleaseSink, isArray: boolean): DocumentReader {
  let packageUri: string | undefined;
  const top: Json = {};
  let inPackage = false;
  let element = 0;
  return {
    get inPackage() {
      return inPackage;
    },
    get element() {
      return element;
    },
    onValue({ value, key, stack }) {
      if (isArray) {
        element++;
        const got = releasesOf(value);
        if (!got.ok) collector.addProblem(`${name} item ${element} of the list: ${got.error}`);
        else
          for (const r of got.releases) collector.addRelease(r.release, r.context, `${name} item ${element}`);
        return;
      }
      if (stack.length === 1) {
        top[key as string] = value;
        if (key === "uri" && typeof value === "string") packageUri = value;
        return;
      }
      inPackage = true;
      const where = stack[1]?.key === "records" ? "records" : "releases";
      const at = `${name} ${where}[${String(key)}]`;
      const context = packageUri ? { packageUri } : {};
      if (!isObject(value)) collector.addProblem(`${at}: is not an object`);
      else if (where === "records")
        for (const r of releasesOfRecord(value)) collector.addRelease(r, context, at);
      else collector.addRelease(value, context, at);
    },
    finish() {
      if (inPackage || isArray) return;
      const got = releasesOf(top);
      if (!got.ok) collector.addProblem(`${name}: ${got.error}`);
      else for (const r of got.releases) collector.addRelease(r.release, r.context, name);
    },
  };
}
