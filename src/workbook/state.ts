/**
 * What the add-in keeps in the workbook, in namespaced custom XML parts (shared by every copy of the
 * add-in, unlike document settings, which are keyed to the add-in's ID):
 * - the tender and the user's choices (STATE_NAMESPACE), versioned so later releases can migrate it;
 * - the pane's draft, the tender as the user is typing it (DRAFT_NAMESPACE);
 * - the cells it highlighted for findings and the fill each had before (HIGHLIGHT_NAMESPACE), so the
 *   next check removes exactly its own highlight, even after the workbook was closed and reopened.
 */
import type { InputError, Result, Tender } from "../domain/core/types";

export const STATE_NAMESPACE = "urn:tender-budget:state:v1";
export const HIGHLIGHT_NAMESPACE = "urn:tender-budget:highlights:v1";
/**
 * The pane's draft: the tender as the user is typing it (boxes as text), kept on every change so a
 * reload or a closed pane loses nothing. Opaque here: the pane checks its shape when it reads it back.
 */
export const DRAFT_NAMESPACE = "urn:tender-budget:draft:v1";

/** Choices the user made in the pane (tolerance, phasing period, days a week…), by name. */
export type Choices = Record<string, string | number | boolean>;

export interface SavedState {
  tender?: Tender;
  choices: Choices;
}

/** A cell the add-in filled to highlight a finding, and the fill it had before (undefined: no fill). */
export interface Highlight {
  /** `Tender!B5`. */
  address: string;
  previousFill?: string;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * The part's XML: its root element and nothing before it, as Microsoft's samples add a custom XML
 * part (no XML declaration). Parts written earlier with a declaration are still read (fromXml).
 */
function toXml(namespace: string, data: unknown): string {
  return `<tenderBudget xmlns="${namespace}" version="1">${escapeXml(JSON.stringify(data))}</tenderBudget>`;
}

const WHAT = "the Tender Budget data kept in this workbook";

function fromXml(xml: string): Result<unknown> {
  const m = /<tenderBudget\b[^>]*\bversion="(\d+)"[^>]*>([\s\S]*)<\/tenderBudget>/.exec(xml);
  if (!m) return fail(`${WHAT} is not in the expected form; save the tender again to replace it`);
  if (m[1] !== "1") return fail(`${WHAT} was written by a newer version of Tender Budget; update the add-in`);
  try {
    return { ok: true, value: JSON.parse(unescapeXml(m[2])) };
  } catch (e) {
    return fail(`${WHAT} is damaged (${(e as Error).message}); save the tender again to replace it`);
  }
}

export function stateToXml(state: SavedState): string {
  return toXml(STATE_NAMESPACE, state);
}

export function xmlToState(xml: string): Result<SavedState> {
  const read = fromXml(xml);
  if (!read.ok) return read;
  const d = read.value as Partial<SavedState> | null;
  if (typeof d !== "object" || d === null) return fail(`${WHAT} is empty; save the tender again`);
  const choices = typeof d.choices === "object" && d.choices !== null ? d.choices : {};
  return { ok: true, value: d.tender ? { tender: d.tender, choices } : { choices } };
}

/** The draft part's XML; `null` is kept for a draft the user discarded. */
export function draftToXml(draft: unknown): string {
  return toXml(DRAFT_NAMESPACE, draft ?? null);
}

/** The draft kept in the part: undefined when it was discarded. */
export function xmlToDraft(xml: string): Result<unknown> {
  const read = fromXml(xml);
  if (!read.ok) return read;
  return { ok: true, value: read.value ?? undefined };
}

export function highlightsToXml(highlights: readonly Highlight[]): string {
  return toXml(HIGHLIGHT_NAMESPACE, highlights);
}

export function xmlToHighlights(xml: string): Result<Highlight[]> {
  const read = fromXml(xml);
  if (!read.ok) return read;
  const list = Array.isArray(read.value) ? read.value : [];
  return {
    ok: true,
    value: list.filter(
      (h): h is Highlight =>
        typeof h === "object" && h !== null && typeof (h as Highlight).address === "string",
    ),
  };
}

function fail<T>(message: string): Result<T> {
  const errors: InputError[] = [{ path: "workbook", message }];
  return { ok: false, errors };
}
