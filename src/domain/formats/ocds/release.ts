/** Which release of an OCDS file to read, and who its buyer is. */

import { ocdsInstant } from "./date-times";
import { isObject, nonEmptyText, type Json, type Reader } from "./json-reader";

/**
 * The release to read: the release itself; the latest (by `date`) release with a tender in a
 * release package; the first record's compiled release in a record package.
 */
export function pickRelease(json: unknown, r: Reader): { release: Json; path: string } | undefined {
  if (!isObject(json))
    return r.fail("(file)", "an OCDS file must hold a JSON object: a release or a release package");
  if (json.releases === undefined && Array.isArray(json.records)) {
    // A record package: each record's compiled release is the latest state of its process.
    const i = json.records.findIndex((rec) => isObject(rec) && isObject(rec.compiledRelease));
    if (i < 0) {
      return r.fail(
        "records",
        "no record in the record package has a compiledRelease to read the tender from",
      );
    }
    return {
      release: (json.records[i] as Json).compiledRelease as Json,
      path: `records[${i}].compiledRelease.`,
    };
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
  if (!Array.isArray(json.releases) || json.releases.length === 0) {
    return r.fail(
      "releases",
      "the release package holds no releases; it needs at least one release with a tender",
    );
  }
  // Releases of one contracting process share an ocid; a package of several (a search download)
  // holds several tenders, and which one is meant is for the user to say.
  const ocids = [
    ...new Set(
      json.releases
        .filter((rel) => isObject(rel) && isObject(rel.tender) && typeof rel.ocid === "string")
        .map((rel) => (rel as Json).ocid as string),
    ),
  ];
  if (ocids.length > 1) {
    const listed = ocids.slice(0, 5).join(", ") + (ocids.length > 5 ? ` and ${ocids.length - 5} more` : "");
    return r.fail(
      "releases",
      `the release package holds ${ocids.length} contracting processes (ocids ${listed}); Tender Budget reads one tender at a time: download the notice on its own`,
    );
  }
  let best: { release: Json; path: string; at: number } | undefined;
  json.releases.forEach((rel, i) => {
    if (!isObject(rel) || !isObject(rel.tender)) return;
    // Compared as instants: "2017-07-03T09:30:00Z" is later than "2017-07-03T10:15:27+01:00".
    const at = (typeof rel.date === "string" ? ocdsInstant(rel.date) : undefined) ?? -Infinity;
    if (best === undefined || at > best.at) best = { release: rel, path: `releases[${i}].`, at };
  });
  if (best === undefined) {
    return r.fail(
      "releases",
      "no release in the package has a `tender` section; Tender Budget reads tenders",
    );
  }
  return best;
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
