// Members write Markdown; everyone else's browser renders it. marked turns it into HTML and
// passes any raw HTML through untouched, so everything marked produces goes through
// sanitize-html with an allow-list: only the tags and attributes below survive, and URLs
// must use a scheme from the list (sanitize-html decodes entities and strips whitespace and
// control characters before checking, which defeats "java&#x09;script:" style tricks).
import { LRUCache } from "lru-cache";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// "@username" becomes a link to that member's profile (features/comments/mentions.ts decides
// what counts as a mention). Only in rendered HTML: plain text keeps the "@name" as written.
const mentionExtension = {
  name: "mention",
  level: "inline" as const,
  start(src: string) {
    const match = /(^|[^\w@./-])@[A-Za-z0-9_-]/.exec(src);
    return match ? match.index + match[1].length : undefined;
  },
  tokenizer(src: string) {
    const match = /^@([A-Za-z0-9_-]{3,30})(?![\w-])/.exec(src);
    return match ? { type: "mention", raw: match[0], username: match[1] } : undefined;
  },
  renderer(token: { username?: string }) {
    const username = String(token.username);
    return `<a href="/u/${encodeURIComponent(username)}" class="mention">@${username}</a>`;
  },
};

const marked = new Marked({ gfm: true, breaks: true, extensions: [mentionExtension] });

// Line breaks only matter for display: plain text collapses whitespace anyway, and with
// `breaks` on, marked replaces the newline by a <br> that stripping would turn into nothing.
const markedForText = new Marked({ gfm: true, breaks: false });

const LINK_REL = "nofollow ugc noopener";

// A suggestion page already has the title as its <h1>, so headings in a body start at <h2>.
const demoteHeading = (level: number) => (_tag: string, attribs: sanitizeHtml.Attributes) => ({
  tagName: `h${Math.min(level + 1, 6)}`,
  attribs,
});

const isWebUrl = (url: string | undefined) => url !== undefined && /^https?:\/\//i.test(url);

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "hr",
    "ul", "ol", "li", "input",
    "h2", "h3", "h4", "h5", "h6",
    "a", "img",
    "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    code: ["class"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
    input: ["type", "checked", "disabled"],
  },
  // Fenced code keeps its "language-xyz" class for syntax highlighting; nothing else does.
  allowedClasses: { code: ["language-*"], a: ["mention"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    h1: demoteHeading(1),
    h2: demoteHeading(2),
    h3: demoteHeading(3),
    h4: demoteHeading(4),
    h5: demoteHeading(5),
    // Members' links must not pass page rank or reach back through window.opener.
    a: sanitizeHtml.simpleTransform("a", { rel: LINK_REL }),
    // GFM task lists render checkboxes, shown ticked or not but never tickable by readers.
    input: (_tag, attribs) => ({
      tagName: "input",
      attribs: { type: attribs.type ?? "", disabled: "", ...("checked" in attribs ? { checked: "" } : {}) },
    }),
  },
  exclusiveFilter: (frame) => {
    // Images load as soon as the page does, so only absolute web URLs: a relative src could
    // make every reader's browser request one of Sprout's own pages.
    if (frame.tag === "img") return !isWebUrl(frame.attribs.src);
    if (frame.tag === "input") return frame.attribs.type !== "checkbox";
    // A link whose URL was refused keeps its text and loses the dead <a>.
    if (frame.tag === "a") return frame.attribs.href ? false : "excludeTag";
    return false;
  },
};

// Both conversions are pure functions of the source, and a busy page converts the same text
// on every view (a suggestion's body, its link-preview description): the results are kept,
// up to about 4 million characters of source and result together per process.
const converted = new LRUCache<string, string>({ maxSize: 4_000_000, sizeCalculation: (result, key) => result.length + key.length });

function rememberedConversion(key: string, convert: () => string): string {
  let result = converted.get(key);
  if (result === undefined) converted.set(key, (result = convert()));
  return result;
}

/** Markdown (GFM, single newlines are line breaks) to HTML that is safe to inline in a page. */
export function renderMarkdown(source: string): string {
  return rememberedConversion(`html\u0000${source}`, () => sanitizeHtml(marked.parse(source, { async: false }), SANITIZE_OPTIONS));
}

/**
 * The text a reader sees, without markup or line structure: for excerpts, meta descriptions
 * and search snippets. Cut to at most `maxLength` characters, "…" included.
 */
export function markdownToPlainText(source: string, maxLength = Number.POSITIVE_INFINITY): string {
  const text = rememberedConversion(`text\u0000${source}`, () => {
    const html = markedForText.parse(source, { async: false });
    const escaped = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
    return unescapeSanitizedText(escaped).replace(/\s+/g, " ").trim();
  });
  return truncate(text, maxLength);
}

// sanitize-html decodes every entity of its input and escapes only these four in its
// output, so undoing them (&amp; last) gives back exactly the text.
function unescapeSanitizedText(escaped: string): string {
  return escaped
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

// Counts characters as code points so an emoji or a rare Han character is never cut in half.
function truncate(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  return chars.slice(0, Math.max(0, maxLength - 1)).join("").trimEnd() + "…";
}
