/**
 * JSON text written piece by piece: `jsonChunks(value).join("")` is exactly
 * `JSON.stringify(value, null, 2)`, but the text is handed out in chunks of about `CHUNK_LENGTH`
 * characters, so a caller that writes each chunk away (a file, stdout) never holds the whole text.
 * A report of a tender with many lots is hundreds of megabytes as one string: past V8's longest
 * string it cannot be made at all ("Invalid string length").
 *
 * It follows JSON.stringify's rules (ECMA-262, SerializeJSONProperty): `toJSON` is called with
 * the property's key; Number, String and Boolean objects are written as their values; an object's
 * own enumerable string keys are written in order, skipping those whose value is undefined, a
 * function or a symbol, which in an array are written as null; numbers that are not finite are
 * null; a string or number is written by JSON.stringify itself; a cycle throws a TypeError.
 * A chunk ends only between tokens, so no character (nor surrogate pair) is split.
 */

/** About how long each chunk is, in UTF-16 code units (64 Ki). */
export const CHUNK_LENGTH = 1 << 16;

/** The value JSON.stringify writes for `value` found under `key`: after toJSON and unboxing. */
function prepared(value: unknown, key: string): unknown {
  let v = value;
  if (v !== null && (typeof v === "object" || typeof v === "bigint")) {
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") v = (toJSON as (k: string) => unknown).call(v, key);
  }
  if (v instanceof Number || v instanceof String || v instanceof Boolean) return v.valueOf();
  return v;
}

/** Whether JSON.stringify leaves this value out (of an object) or writes null for it (in an array). */
const unwritable = (v: unknown): boolean =>
  v === undefined || typeof v === "function" || typeof v === "symbol";

/** A value with no parts of its own, as JSON.stringify writes it. */
function leaf(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "number") return Number.isFinite(v) ? JSON.stringify(v) : "null";
  // Strings, booleans; a BigInt throws JSON.stringify's own TypeError.
  return JSON.stringify(v);
}

/** The text written so far and not yet handed out. */
interface Pending {
  text: string;
}

function* writeValue(v: unknown, indent: string, out: Pending, open: Set<object>): Generator<string> {
  if (v === null || typeof v !== "object") {
    out.text += leaf(v);
    return;
  }
  if (open.has(v)) throw new TypeError("Converting circular structure to JSON");
  open.add(v);
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    const items = v as unknown[];
    if (items.length === 0) out.text += "[]";
    else {
      out.text += "[";
      for (let i = 0; i < items.length; i++) {
        out.text += (i === 0 ? "\n" : ",\n") + inner;
        const item = prepared(items[i], String(i));
        if (unwritable(item)) out.text += "null";
        else yield* writeValue(item, inner, out, open);
        if (out.text.length >= CHUNK_LENGTH) {
          yield out.text;
          out.text = "";
        }
      }
      out.text += "\n" + indent + "]";
    }
  } else {
    const holder = v as Record<string, unknown>;
    let first = true;
    for (const key of Object.keys(holder)) {
      const item = prepared(holder[key], key);
      if (unwritable(item)) continue;
      out.text += (first ? "{\n" : ",\n") + inner + JSON.stringify(key) + ": ";
      first = false;
      yield* writeValue(item, inner, out, open);
      if (out.text.length >= CHUNK_LENGTH) {
        yield out.text;
        out.text = "";
      }
    }
    out.text += first ? "{}" : "\n" + indent + "}";
  }
  open.delete(v);
}

/**
 * `JSON.stringify(value, null, 2)` in chunks. Nothing is yielded for a value JSON.stringify gives
 * no text for (undefined, a function, a symbol).
 */
export function* jsonChunks(value: unknown): Generator<string, void, undefined> {
  const top = prepared(value, "");
  if (unwritable(top)) return;
  const out: Pending = { text: "" };
  yield* writeValue(top, "", out, new Set<object>());
  if (out.text !== "") yield out.text;
}
