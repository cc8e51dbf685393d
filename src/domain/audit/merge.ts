/**
 * Compiling a contracting process's releases into its current state, as OCDS 1.1 does
 * ("Merging", https://standard.open-contracting.org/1.1/en/schema/merging/): the releases are
 * taken in order of `date`, and each one's fields replace the earlier ones'. Objects are merged
 * field by field; a list of objects that all have an `id` is merged item by item by `id`; any
 * other list is replaced whole; a field set to `null` is removed.
 *
 * Two releases with the same `date` are taken in the order they were read (the one read later
 * wins), and the compiled process says which.
 */

import { ocdsInstant } from "../formats/ocds";

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Two or more releases sharing a date: their ids in the order merged (the last one won). */
export interface DateTie {
  date: string;
  releaseIds: string[];
}

export interface Compiled {
  /** The compiled release: tag ["compiled"], the latest release's date. */
  release: Json;
  /** How many releases were merged. */
  releases: number;
  /** The earliest release's date as written (the first publication of the process). */
  firstDate: string | undefined;
  ties: DateTie[];
}

const hasId = (v: unknown): boolean => isObject(v) && v.id !== undefined && v.id !== null;

function mergeList(before: unknown, after: unknown[]): unknown[] {
  if (after.length === 0 || !after.every(hasId)) return after.map(copy);
  const merged: unknown[] = Array.isArray(before) && before.every(hasId) ? before.slice() : [];
  const at = new Map<string, number>();
  merged.forEach((item, i) => at.set(String((item as Json).id), i));
  for (const item of after as Json[]) {
    const key = String(item.id);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, merged.length);
      merged.push(copy(item));
    } else {
      merged[i] = mergeInto(copy(merged[i]) as Json, item);
    }
  }
  return merged;
}

function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (isObject(v)) {
    const out: Json = {};
    for (const k of Object.keys(v)) out[k] = copy(v[k]);
    return out;
  }
  return v;
}

/** Merge `release`'s fields into `target` (changed in place, returned). */
export function mergeInto(target: Json, release: Json): Json {
  for (const key of Object.keys(release)) {
    const value = release[key];
    if (value === null) delete target[key];
    else if (isObject(value))
      target[key] = mergeInto(isObject(target[key]) ? (target[key] as Json) : {}, value);
    else if (Array.isArray(value)) target[key] = mergeList(target[key], value);
    else if (value !== undefined) target[key] = value;
  }
  return target;
}

/**
 * What `mergeInto({}, value)` makes of one release, made in place: fields set to `null` removed,
 * at every depth of objects (lists are kept as they are, as the merge copies them). False, and
 * `value` perhaps half done, when only the full merge gives the answer: a list of objects with
 * ids in which an id comes twice (those items are merged), or a field named `__proto__`.
 */
function settleInPlace(value: Json): boolean {
  for (const key of Object.keys(value)) {
    if (key === "__proto__") return false;
    const v = value[key];
    if (v === null) delete value[key];
    else if (isObject(v)) {
      if (!settleInPlace(v)) return false;
    } else if (Array.isArray(v) && v.length > 1 && v.every(hasId)) {
      const ids = new Set<string>();
      for (const item of v as Json[]) {
        const id = String(item.id);
        if (ids.has(id)) return false;
        ids.add(id);
      }
    }
  }
  return true;
}

export interface CompileOptions {
  /**
   * The releases are the caller's own, made for this call (parsed just now) and not used after
   * it: a process of one release is then compiled in place instead of copied.
   */
  owned?: boolean;
}

/**
 * Compile one process's releases, given in the order they were read. Releases whose `date` is not
 * a date-time come first, in the order read.
 */
export function compileReleases(releases: readonly Json[], options: CompileOptions = {}): Compiled {
  if (options.owned === true && releases.length === 1) {
    const only = releases[0];
    const date = typeof only.date === "string" ? only.date : undefined;
    // A release left half done by settleInPlace merges the same: its removed fields were nulls.
    if (settleInPlace(only)) {
      only.tag = ["compiled"];
      if (date !== undefined) {
        only.date = date;
        if (typeof only.ocid === "string") only.id = `${only.ocid}-${date}`;
      }
      const dated = date !== undefined && ocdsInstant(date) !== undefined;
      return { release: only, releases: 1, firstDate: dated ? date : undefined, ties: [] };
    }
  }
  const dated = releases.map((release, order) => {
    const date = typeof release.date === "string" ? release.date : undefined;
    const at = date === undefined ? undefined : ocdsInstant(date);
    return { release, order, date, at: at ?? -Infinity };
  });
  // Array.prototype.sort is stable: equal dates keep the order read.
  dated.sort((a, b) => a.at - b.at);
  const ties: DateTie[] = [];
  for (let i = 0; i < dated.length;) {
    let j = i + 1;
    while (j < dated.length && dated[j].at === dated[i].at) j++;
    if (j - i > 1 && dated[i].at !== -Infinity) {
      ties.push({
        date: dated[i].date as string,
        releaseIds: dated.slice(i, j).map((d) => String(d.release.id ?? `(release ${d.order + 1} read)`)),
      });
    }
    i = j;
  }
  const compiled: Json = {};
  for (const d of dated) mergeInto(compiled, d.release);
  const latest = dated[dated.length - 1];
  compiled.tag = ["compiled"];
  if (latest?.date !== undefined) {
    compiled.date = latest.date;
    if (typeof compiled.ocid === "string") compiled.id = `${compiled.ocid}-${latest.date}`;
  }
  const firstDate = dated.find((d) => d.at !== -Infinity)?.date;
  return { release: compiled, releases: releases.length, firstDate, ties };
}
