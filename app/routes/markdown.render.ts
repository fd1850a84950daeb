import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/accounts/auth.server";
import { previewMarkdown } from "~/platform/markdown-preview.server";

// The Write / Preview switch's renderer (app/components/markdown-field.tsx): { html }, as a
// plain resource so a preview does not make Remix reload the page's data.
export async function action({ request }: ActionFunctionArgs) {
  requireUser(request);
  const form = await request.formData();
  return Response.json({ html: previewMarkdown(form.get("text")) }, { headers: { "Cache-Control": "no-store" } });
}
