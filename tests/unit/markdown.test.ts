import { describe, expect, test } from "vitest";
import { markdownToPlainText, renderMarkdown } from "~/platform/markdown.server";

// What may execute is markup: tag names, attribute names and URL attribute values. Text is
// escaped by the sanitizer, and showing a reader the payload someone typed (say
// "<img src=x onerror=…" left unclosed) is correct, so text is left out of the check.
const ALLOWED_TAGS = new Set([
  "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "hr", "ul", "ol", "li", "input",
  "h2", "h3", "h4", "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
]);
const URL_ATTRIBUTES = new Set(["href", "src"]);
const FORBIDDEN = ["<script", "onerror", "onload", "javascript:", "data:", "vbscript:"];

function decodeEntities(html: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n" };
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

type Tag = { name: string; attributes: { name: string; value: string }[] };

function tagsOf(html: string): Tag[] {
  const tags = [...html.matchAll(/<\/?([a-z][a-z0-9]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/gi)];
  // The sanitizer escapes every "<" in text, so each one left must open a tag we parsed.
  expect(tags.length, `unparsed "<" in ${html}`).toBe(html.split("<").length - 1);
  return tags.map(([, name, attributes]) => ({
    name: name.toLowerCase(),
    attributes: [...attributes.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)].map(([, attribute, value]) => ({
      name: attribute.toLowerCase(),
      value: decodeEntities(value ?? ""),
    })),
  }));
}

function expectInert(html: string) {
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS, html).toContain(tag.name);
    const markup = [
      `<${tag.name}`,
      ...tag.attributes.map((a) => (URL_ATTRIBUTES.has(a.name) ? `${a.name}=${a.value}` : a.name)),
    ].join(" ");
    // Browsers ignore whitespace and control characters inside a URL's scheme.
    const normalized = markup.replace(/[\u0000-\u0020]/g, "").toLowerCase();
    for (const needle of FORBIDDEN) expect(normalized, html).not.toContain(needle);
    expect(tag.attributes.map((a) => a.name), html).not.toContain("style");
    for (const a of tag.attributes) expect(a.name, html).not.toMatch(/^on/);
  }
}

const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<<script>script>alert(1)<</script>/script>",
  "<img src=x onerror=alert(1)>",
  "<img src=x onerror=alert(1)",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](  javascript:alert(1))",
  "[x](vbscript:msgbox(1))",
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href=" &#14;  javascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="https://ok.example" onclick="alert(1)" style="position:fixed">x</a>',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<iframe src="https://evil.example"></iframe>',
  "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "<details open ontoggle=alert(1)>",
  '<math><mi xlink:href="javascript:alert(1)">click</mi></math>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '![x](https://ok.example/a.png "\\" onerror=\\"alert(1)")',
  "![x](https://ok.example/a.png\" onerror=\"alert(1))",
  "<body onload=alert(1)>",
  "<style>body{background:url(javascript:alert(1))}</style>",
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="javascript:alert(1)"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<input type="image" src="x" onfocus="alert(1)" autofocus>',
  "**bold <img src=x onerror=alert(1)>** and `code`",
];

describe("renderMarkdown keeps attacks inert", () => {
  test.each(XSS_PAYLOADS)("%s", (payload) => {
    expectInert(renderMarkdown(payload));
  });

  test("links lose refused URLs but keep their text", () => {
    expect(renderMarkdown("[click me](javascript:alert(1))")).toBe("<p>click me</p>\n");
  });

  test("images only load from absolute web URLs", () => {
    const html = renderMarkdown("![a](https://ok.example/a.png) ![b](/logout) ![c](//evil.example/c.png)");
    expect(html).toContain('<img src="https://ok.example/a.png" alt="a" />');
    expect(html).not.toContain("logout");
    expect(html).not.toContain("evil.example");
  });
});

describe("renderMarkdown renders members' Markdown", () => {
  test("emphasis, strikethrough and inline code", () => {
    expect(renderMarkdown("**bold** _em_ ~~gone~~ `x < y`")).toBe(
      "<p><strong>bold</strong> <em>em</em> <del>gone</del> <code>x &lt; y</code></p>\n",
    );
  });

  test("a single newline is a line break", () => {
    expect(renderMarkdown("first\nsecond")).toBe("<p>first<br />second</p>\n");
  });

  test("lists", () => {
    expect(renderMarkdown("- a\n- b\n\n1. one\n2. two")).toBe(
      "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n",
    );
  });

  test("links get rel=nofollow ugc noopener, whatever rel the author wrote", () => {
    expect(renderMarkdown('[docs](https://example.com "The docs")')).toBe(
      '<p><a href="https://example.com" title="The docs" rel="nofollow ugc noopener">docs</a></p>\n',
    );
    expect(renderMarkdown('<a href="https://example.com" rel="me" target="_blank">x</a>')).toBe(
      '<p><a href="https://example.com" rel="nofollow ugc noopener">x</a></p>\n',
    );
  });

  test("bare URLs, www. addresses and e-mail addresses become links", () => {
    const html = renderMarkdown("see https://example.com, www.example.org or mail me@example.com");
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">https://example.com</a>');
    expect(html).toContain('<a href="http://www.example.org" rel="nofollow ugc noopener">www.example.org</a>');
    expect(html).toContain('<a href="mailto:me@example.com" rel="nofollow ugc noopener">me@example.com</a>');
  });

  test("fenced code keeps its language class and escapes its content", () => {
    expect(renderMarkdown("```ts\nif (a < b) alert(1);\n```")).toBe(
      '<pre><code class="language-ts">if (a &lt; b) alert(1);\n</code></pre>\n',
    );
  });

  test("headings start at h2 under the page's title", () => {
    expect(renderMarkdown("# One\n## Two\n###### Six")).toBe("<h2>One</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n");
  });

  test("tables, quotes and rules", () => {
    const html = renderMarkdown("> quoted\n\n---\n\n| a | b |\n|:--|--:|\n| 1 | 2 |");
    expect(html).toContain("<blockquote>\n<p>quoted</p>\n</blockquote>");
    expect(html).toContain("<hr />");
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<td align="right">2</td>');
  });

  test("task lists show read-only checkboxes", () => {
    expect(renderMarkdown("- [x] done\n- [ ] todo")).toBe(
      '<ul>\n<li><input type="checkbox" disabled checked /> done</li>\n<li><input type="checkbox" disabled /> todo</li>\n</ul>\n',
    );
    expect(renderMarkdown('<input type="text" value="x">')).toBe("");
  });

  test("Chinese text passes through", () => {
    expect(renderMarkdown("希望相机增加**夜间模式**")).toBe("<p>希望相机增加<strong>夜间模式</strong></p>\n");
  });
});

describe("markdownToPlainText", () => {
  test("strips markup and collapses lines", () => {
    expect(markdownToPlainText("# Dark mode\n\nPlease add **dark** mode:\n\n- at night\n- [docs](https://x.example)")).toBe(
      "Dark mode Please add dark mode: at night docs",
    );
  });

  test("drops scripts and keeps the characters the author meant", () => {
    expect(markdownToPlainText("Tom & Jerry say 1 < 2 <script>alert(1)</script>\"ok\"")).toBe('Tom & Jerry say 1 < 2 "ok"');
  });

  test("cuts to the length asked for, ellipsis included, never inside a character", () => {
    expect(markdownToPlainText("夜间模式😀😀😀 and more", 7)).toBe("夜间模式😀😀…");
    expect(markdownToPlainText("short", 10)).toBe("short");
    expect(markdownToPlainText("a few words here", 7)).toBe("a few…");
  });
});

// Conversions are remembered per source (markdown.server.ts): a source asked for again, as
// HTML or as text, must give what it gave the first time, and the two must not be mixed up.
describe("remembered conversions", () => {
  test("give the same HTML and text again, each its own", () => {
    const source = `**Dark mode** for the clock, see ${"x".repeat(40)} <script>alert(1)</script>`;
    const html = renderMarkdown(source);
    const text = markdownToPlainText(source);
    expect(html).toContain("<strong>Dark mode</strong>");
    expect(text.startsWith("Dark mode for the clock")).toBe(true);
    expect(renderMarkdown(source)).toBe(html);
    expect(markdownToPlainText(source)).toBe(text);
    expect(markdownToPlainText(source, 12)).toBe("Dark mode f…");
    expect(renderMarkdown(source)).not.toContain("<script");
  });
});
