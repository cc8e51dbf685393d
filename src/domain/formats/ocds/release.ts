/** Which release of an OCDS file to read, and who its buyer is. */

import { ocdsInstant } from "./date-times";
import { isObject, nonEmptyText, type Json, type Reader } from "./json-reader";

/** Where the user can check every process of a file holding several. */
const AUDIT_HINT = "or check them all at once with `tender-budget audit FILE`";

/** Whether a reader's problem is that the file holds several contracting processes: a bulk download. */
export function isSeveralProcesses(message: string): boolean {
  return / holds \d+ contracting processes \(ocids /.test(message);
}

/** "the release package holds 3 contracting processes (ocids a, b, c)". */
function severalProcesses(r: Reader, path: string, what: string, ocids: readonly string[]): undefined {
  const listed = ocids.slice(0, 5).join(", ") + (ocids.length > 5 ? ` and ${ocids.length - 5} more` : "");
  return r.fail(
    path,
    `${what} holds ${ocids.length} contracting processes (ocids ${listed}); Tender Budget reads one tender at a time: download the notice on its own, ${AUDIT_HINT}`,
  );
}

interface Placed {
  release: unknown;
  /** Its path in the file, with a trailing dot: "releases[2].", "[0].releases[1].". */
  path: string;
}

/**
 * The latest (by `date`, compared as instants) of the releases that have a tender, when they are
 * all of one contracting process; `where` names them in messages ("releases", "the array").
 */
function latestWithTender(
  placed: readonly Placed[],
  r: Reader,
  where: { path: string; what: string },
): Picked | undefined {
  if (placed.length === 0) {
    return r.fail(where.path, `${where.what} holds no releases; it needs at least one release with a tender`);
  }
  // Releases of one contracting process share an ocid; a file of several (a search download)
  // holds several tenders, and which one is meant is for the user to say.
  const ocids = [
    ...new Set(
      placed
        .map((p) => p.release)
        .filter((rel) => isObject(rel) && isObject(rel.tender) && typeof rel.ocid === "string")
        .map((rel) => (rel as Json).ocid as string),
    ),
  ];
  if (ocids.length > 1) return severalProcesses(r, where.path, where.what, ocids);
  let best: { release: Json; path: string; at: number } | undefined;
  let tied: string[] = [];
  for (const { release: rel, path } of placed) {
    if (!isObject(rel) || !isObject(rel.tender)) continue;
    // Compared as instants: "2017-07-03T09:30:00Z" is later than "2017-07-03T10:15:27+01:00".
    const at = (typeof rel.date === "string" ? ocdsInstant(rel.date) : undefined) ?? -Infinity;
    // Of releases with the same date, the later in the file wins, as the bulk audit merges them.
    if (best === undefined || at > best.at) tied = [path];
    else if (at === best.at) tied.push(path);
    if (best === undefined || at >= best.at) best = { release: rel, path, at };
  }
  if (best === undefined) {
    return r.fail(
      where.path,
      `no release in ${where.what} has a \`tender\` section; Tender Budget reads tenders`,
    );
  }
  if (tied.length > 1) {
    const which = (path: string) => path.replace(/\.$/, "");
    const date = typeof best.release.date === "string" ? ` (${best.release.date})` : "";
    const id = typeof best.release.id === "string" ? ` (id ${best.release.id})` : "";
    return {
      release: best.release,
      path: best.path,
      note: `${tied.map(which).join(", ")} have the same date${date}; the last in the file, ${which(best.path)}${id}, was read.`,
    };
  }
  return { release: best.release, path: best.path };
}

/** The release picked, and a note when which one was not plain (releases of the same date). */
export interface Picked {
  release: Json;
  path: string;
  note?: string;
}

/**
 * The release to read: the release itself; the latest (by `date`) release with a tender in a
 * release package or a JSON array of releases or of packages (what OCDS tools write); a record
 * package's one record, by its compiled release (else its own releases). A file holding several
 * contracting processes is refused, naming them: the bulk audit reads those.
 */
export function pickRelease(json: unknown, r: Reader): Picked | undefined {
  if (Array.isArray(json)) {
    const placed = json.flatMap((item, i): Placed[] =>
      isObject(item) && Array.isArray(item.releases)
        ? item.releases.map((release, k) => ({ release, path: `[${i}].releases[${k}].` }))
        : [{ release: item, path: `[${i}].` }],
    );
    return latestWithTender(placed, r, { path: "(file)", what: "the array" });
  }
  if (!isObject(json))
    return r.fail("(file)", "an OCDS file must hold a JSON object: a release or a release package");
  if (json.releases === undefined && Array.isArray(json.records)) {
    const records = json.records;
    const ocids = [
      ...new Set(records.filter(isObject).flatMap((rec) => (typeof rec.ocid === "string" ? [rec.ocid] : []))),
    ];
    if (ocids.length > 1) return severalProcesses(r, "records", "the record package", ocids);
    // A record package: each record's compiled release is the latest state of its process.
    const i = records.findIndex((rec) => isObject(rec) && isObject(rec.compiledRelease));
    if (i >= 0) {
      return {
        release: (records[i] as Json).compiledRelease as Json,
        path: `records[${i}].compiledRelease.`,
      };
    }
    // No compiled release: the record's own releases, when they are given whole (not linked).
    const placed = records.flatMap((rec, k): Placed[] =>
      isObject(rec) && Array.isArray(rec.releases)
        ? rec.releases
            .filter((rel) => isObject(rel) && isObject(rel.tender))
            .map((release, j) => ({ release, path: `records[${k}].releases[${j}].` }))
        : [],
    );
    if (placed.length === 0) {
      return r.fail(
        "records",
        "no record in the record package has a compiledRelease or a release with a tender to read the tender from",
      );
    }
    return latestWithTender(placed, r, { path: "records", what: "the record package" });
  }
  if (json.releases === undefined) {
    if (json.tender === undefined && json.ocid === undefined) {
      return r.fail(
        "(file)",
        "this is not an OCDS release or release package: it has neither `releases` nor `tender`; export the notice as OCDS JSON",
      );
    }
    return { release: json, path: "" };
  }
  if (!Array.isArray(json.releases)) {
    return r.fail("releases", "the release package's releases must be a list of releases");
  }
  return latestWithTender(
    json.releases.map((release, i) => ({ release, path: `releases[${i}].` })),
    r,
    { path: "releases", what: "the release package" },
  );
}

export function buyerName(release: Json): string | undefined {
  if (isObject(release.buyer) && nonEmptyText(release.buyer.name)) return release.buyer.name as string;
  const parties = Array.isArray(release.parties) ? release.parties.filter(isObject) : [];
  const byRole = (role: string): Json | undefined =>
    parties.find((p) => Array.isArray(p.roles) && p.roles.includes(role) && nonEmptyText(p.name));
  if (isObject(release.buyer) && release.buyer.id !== undefined) {
    const byId = parties.find((p) => p.id === (release.buyer as Json).id && nonEmptyText(p.name));
    if (byId) return byId.name as string;
  }
  const party = byRole("buyer") ?? byRole("procuringEntity");
  if (party) return party.name as string;
  const tender = release.tender;
  if (isObject(tender) && isObject(tender.procuringEntity) && nonEmptyText(tender.procuringEntity.name)) {
    return tender.procuringEntity.name as string;
  }
  return undefined;
}
