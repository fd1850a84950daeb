// Issue 18 item 7: user text interpolated into a translation with markup (<0>…</0>) must stay
// text. react-i18next's own Trans parsed it, so a display name could add links and bold.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, test } from "vitest";
import { Trans } from "~/components/trans";
import { sharedI18n } from "~/i18n/i18n";
import { TRANS_MARKUP_PAYLOADS } from "../fixtures/xss-payloads";

const render = (name: string) =>
  renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: sharedI18n("en") },
      createElement(Trans, { i18nKey: "complaints.view.filedBy", values: { name }, components: [createElement("a", { key: "filer", href: "/u/someone" })] }),
    ),
  );

describe("Trans keeps interpolated user text out of the markup", () => {
  test.each(TRANS_MARKUP_PAYLOADS)("%s", (name) => {
    const html = render(name);
    // Exactly the translation's one link, with the name inside it as text.
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).not.toMatch(/<(strong|b|i|em|script|img|1|0)[\s>]/i);
    const text = html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
    expect(text).toBe(`Filed by ${name}`);
  });

  test("the translation's own markup still renders", () => {
    expect(render("Ada")).toBe('Filed by <a href="/u/someone">Ada</a>');
  });
});
