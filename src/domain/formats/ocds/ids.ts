/** The ids of an OCDS export: a publisher's ocid as typed, the ocid made up when none is given, and the hash both use. */

import type { Parsed, Tender } from "../../core/types";
import { OCID_PREFIX } from "./types";
import { quoted } from "../../core/messages";

/** FNV-1a over UTF-16 code units, 32 bits. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 16 hex digits: two 32-bit FNV-1a hashes of the text with different seeds. */
export function hash16(text: string): string {
  const hex = (n: number): string => n.toString(16).padStart(8, "0");
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x9e3779b9));
}

/** An ocid a publisher gives: its registered prefix (`ocds-` and six letters or digits), a dash, its own id. */
const OCID = /^ocds-[a-z0-9]{6}-\S+$/;

/** A publisher's ocid as typed ("ocds-b5fd17-2017-0142"), or what is wrong with it. */
export function parseOcid(text: string): Parsed<string> {
  const ocid = text.trim();
  if (OCID.test(ocid)) return { ok: true, value: ocid };
  return {
    ok: false,
    error: `${quoted(text)} is not an ocid; give your organisation's prefix registered with the Open Contracting Partnership, a dash and this tender's own id, like ocds-b5fd17-2017-0142`,
  };
}

/** The ocid Tender Budget gives a tender: the same buyer and title always give the same ocid. */
export function defaultOcid(tender: Pick<Tender, "buyer" | "title">): string {
  return OCID_PREFIX + hash16(`${tender.buyer}\u0000${tender.title}`);
}
