// How <Trans> (app/components/trans.tsx) keeps interpolated user text from becoming markup:
// values are escaped before the translation is parsed for <0>…</0>, and the text nodes are
// unescaped after. Braces are escaped too: Trans interpolates its text nodes a second time,
// so a name containing "{{name}}" would otherwise be expanded again.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "/": "&#x2F;", "{": "&#123;", "}": "&#125;" };
const UNESCAPES = Object.fromEntries(Object.entries(ESCAPES).map(([char, entity]) => [entity, char]));

export function escapeForTrans(value: unknown): string {
  return String(value).replace(/[&<>"'/{}]/g, (char) => ESCAPES[char]);
}

// One pass, so "&amp;lt;" becomes "&lt;" (what was typed), never "<".
export function unescapeForTrans(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x2F|#123|#125);/g, (entity) => UNESCAPES[entity]);
}
