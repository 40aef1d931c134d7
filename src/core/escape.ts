/**
 * Text that came from a user's files (paths, resource names, config keys, messages quoting them)
 * made safe to show to a person: every character a terminal, a CI log or an editor would act on
 * or reorder instead of print is written as a visible escape.
 *
 * - C0 controls (U+0000–U+001F) and DEL (U+007F): an ESC starts terminal sequences (colours, cursor
 *   moves, window titles, hyperlinks), a newline or carriage return can forge a whole output line.
 *   `\n`, `\r` and `\t` print as such, the rest as `\xHH`.
 * - C1 controls (U+0080–U+009F): U+009B is a one-character CSI in terminals that honour 8-bit
 *   controls. Printed as `\xHH`.
 * - Bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069):
 *   they reorder what follows on the line, so a message can read differently from what it says
 *   (the "Trojan Source" class, CVE-2021-42574). Line and paragraph separators (U+2028, U+2029)
 *   break lines in some viewers. Printed as `\uHHHH`.
 *
 * Everything else, backslashes included (Windows paths stay readable), is kept as is, so a
 * string without such characters comes back unchanged (the same string, no copy).
 */
export function escapeControls(text: string): string {
  if (!unsafe.test(text)) return text;
  return text.replace(unsafeAll, (ch) => {
    const named = namedEscapes[ch];
    if (named) return named;
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

/**
 * {@link escapeControls} for text laid out in lines by the program itself (a report, a hover):
 * its `\n` line breaks stay, every other control character is escaped. Use it only on text whose
 * file-borne parts are single-line already (escaped with {@link escapeControls}, or known to be
 * names and numbers): a newline that came from a file would pass.
 */
export function escapeControlsPerLine(text: string): string {
  return unsafe.test(text) ? text.split('\n').map(escapeControls).join('\n') : text;
}

/**
 * JSON text (from `JSON.stringify`) with the characters it leaves raw inside strings (DEL, C1
 * controls, bidirectional formatting, U+2028/U+2029) written as `\uHHHH` escapes: the same data for
 * a JSON reader, nothing a terminal acts on for a person reading it. `JSON.stringify` already
 * escapes C0 controls.
 */
export function escapeJsonText(json: string): string {
  return rawInJson.test(json) ? json.replace(rawInJsonAll, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`) : json;
}

// One character class for both the test and the replacement (`g` only on the second, so `test` keeps no state).
const unsafeClass = '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const unsafe = new RegExp(unsafeClass);
const unsafeAll = new RegExp(unsafeClass, 'g');

// The same less C0, which JSON.stringify escapes in strings and uses raw only as layout (newlines, indents).
const rawInJsonClass = '[\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const rawInJson = new RegExp(rawInJsonClass);
const rawInJsonAll = new RegExp(rawInJsonClass, 'g');

const namedEscapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}
