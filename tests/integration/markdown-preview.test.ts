// The Write / Preview switch shows exactly what will be stored and shown: the preview is the
// stored body's own rendering, for ordinary and hostile text alike.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/platform/markdown.server";
import { action as previewPageAction } from "~/routes/markdown.preview";
import { action as renderAction } from "~/routes/markdown.render";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { createMember } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

describe("Markdown preview", () => {
  it("renders with the stored body's renderer, hostile input included", async () => {
    const member = await createMember();
    for (const text of ["**bold** and a [link](https://example.com)", ...XSS_PAYLOADS.slice(0, 40)]) {
      const response = (await renderAction(routeArgs(requestAs(member, "/markdown/render", { form: { text } })))) as Response;
      expect(response.headers.get("Content-Type")).toContain("application/json");
      expect(await response.json()).toEqual({ html: text.trim() ? renderMarkdown(text) : "" });
    }
  });

  it("previews the named field of a whole form without JavaScript", async () => {
    const member = await createMember();
    const page = await outcome(() => previewPageAction(routeArgs(requestAs(member, "/markdown/preview", { form: { previewOf: "body", title: "T", body: "# Heading\n\n*hi*" } }))));
    expect(page.body).toEqual({ html: renderMarkdown("# Heading\n\n*hi*") });
  });

  it("is for members only, and caps the text", async () => {
    expect((await outcome(() => renderAction(routeArgs(requestAs(null, "/markdown/render", { form: { text: "x" } }))))).status).toBe(302);
    const member = await createMember();
    const response = (await renderAction(routeArgs(requestAs(member, "/markdown/render", { form: { text: "a".repeat(30_000) } })))) as Response;
    expect(((await response.json()) as { html: string }).html.length).toBeLessThan(20_100);
  });
});
