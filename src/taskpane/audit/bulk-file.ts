/**
 * Which files open in the Audit view straight away, by name and size, without the single-tender
 * reader trying them first: JSON Lines and gzip (downloads of many notices), and .json files too
 * large to be one tender. A smaller .json of several processes is found by the reader and comes to
 * the audit as well. Kept apart from the audit's code, which is loaded only when it is needed.
 */

/** A tender or a single notice is a few kilobytes; a .json this large is a download of many. */
export const LARGE_JSON_BYTES = 20_000_000;

export function opensAsAudit(file: { name: string; size: number }): boolean {
  return (
    /\.(jsonl|ndjson|jl|gz)$/i.test(file.name) || (/\.json$/i.test(file.name) && file.size > LARGE_JSON_BYTES)
  );
}
