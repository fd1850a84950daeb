// What typed text may contain, checked by every shared form schema (app/forms/): no C0
// control characters (stored NUL bytes made sqlite3's CLI call the FTS index malformed),
// newlines and tabs only where text has lines, no bidirectional overrides or isolates (they
// reorder what readers see: "‮gnp.exe"), and a title needs something visible, not nine
// zero-width spaces.
import type { z } from "zod";
import "~/platform/zod-config";

// C0 controls and DEL, except tab, line feed and carriage return.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;
// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// A letter, digit, punctuation mark or symbol: what a reader can see.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export function isCleanText(value: string): boolean {
  return !CONTROL_IN_TEXT.test(value) && !BIDI_CONTROL.test(value);
}

export function isCleanLine(value: string): boolean {
  return !CONTROL_IN_LINE.test(value) && !BIDI_CONTROL.test(value);
}

export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value);
}

// Schema helpers: `lineText(z.string()...)` for titles and names, `multilineText(...)` for
// bodies, comments and notes. An empty optional value passes (emptiness is the schema's call).
export function multilineText<T extends z.ZodType<string>>(schema: T) {
  return schema.refine(isCleanText, "forms.controlCharacters");
}

export function lineText<T extends z.ZodType<string>>(schema: T) {
  return schema.refine(isCleanLine, "forms.controlCharacters");
}

export function titleText<T extends z.ZodType<string>>(schema: T) {
  return lineText(schema).refine((value) => value === "" || hasVisibleCharacter(value), "forms.noVisibleCharacters");
}
