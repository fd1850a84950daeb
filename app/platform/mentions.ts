// "@username" in a comment: who is named (to notify them) and where the names are (to link
// them). Pure, shared by the Markdown renderer and the comment notifications.

// A username as sign-up allows it (forms/auth USERNAME_PATTERN, 3–30 characters), not glued to
// a word, an email address or a path before it ("ada@example.com", "/@ada" are not mentions).
export const MENTION_PATTERN = /(?<![\w@./-])@([A-Za-z0-9_-]{3,30})(?![\w-])/g;

// Code shows text as written: "@ada" inside `code` or a fenced block names nobody.
function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?(```|$)|~~~[\s\S]*?(~~~|$)|`[^`\n]*`/g, " ");
}

// Each named username once, in order of first mention, compared case-insensitively as
// usernames are unique regardless of case.
export function mentionedUsernames(markdown: string): string[] {
  const seen = new Map<string, string>();
  for (const match of withoutCode(markdown).matchAll(MENTION_PATTERN)) {
    const key = match[1].toLowerCase();
    if (!seen.has(key)) seen.set(key, match[1]);
  }
  return [...seen.values()];
}

// The "@word" being typed just before the caret, for the username suggestions in the comment
// box: `null` when the caret is not right after "@" and at most 30 username characters.
export function mentionAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\w@./-])@([A-Za-z0-9_-]{0,30})$/.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}
