/** How every message quotes what the user gave. Imports nothing, so money and its messages can use it. */

/**
 * The most characters of a value a message quotes: a longer value (a 1 MB "region name") is cut
 * there and its length given, so a message stays a line or two.
 */
export const QUOTED_LENGTH = 80;

/** Whether JSON.stringify would escape a character of `text` (quote, backslash, control, surrogate). */
function needsEscaping(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** Whether `quoted(value)` is just the value between double quotes (nothing escaped or cut). */
export function quotesAsIs(value: string): boolean {
  return value.length <= QUOTED_LENGTH && !needsEscaping(value);
}

/**
 * A value as every message quotes it: in double quotes, escaped as JSON escapes it when it holds
 * a quote, a backslash or a control character, and cut after QUOTED_LENGTH characters
 * (`"Barnet Barnet …"… (1,048,576 characters)`). The one place messages quote what the user gave.
 */
export function quoted(value: string): string {
  if (value.length > QUOTED_LENGTH) {
    const c = value.charCodeAt(QUOTED_LENGTH - 1);
    const end = c >= 0xd800 && c <= 0xdbff ? QUOTED_LENGTH - 1 : QUOTED_LENGTH;
    return `${quoted(value.slice(0, end))}… (${String(value.length).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} characters)`;
  }
  return needsEscaping(value) ? JSON.stringify(value) : `"${value}"`;
}
