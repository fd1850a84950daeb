import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/features/accounts/auth.server";
import { titleMeta } from "~/i18n/meta";
import { previewMarkdown } from "~/platform/markdown-preview.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "markdown.preview");

// Without JavaScript a Markdown field's Preview button posts its whole form here (the
// field's name comes as previewOf), in a new tab, and this page shows the rendering.
export async function action({ request }: ActionFunctionArgs) {
  requireUser(request);
  const form = await request.formData();
  const name = form.get("previewOf");
  return { html: previewMarkdown(form.get(typeof name === "string" && name ? name : "text")) };
}

export function loader() {
  return redirect("/");
}

export default function MarkdownPreviewPage() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card">
      <h1>{t("markdown.preview")}</h1>
      <p className="hint">{t("markdown.previewPageHint")}</p>
      {data?.html ? <div className="markdown" dangerouslySetInnerHTML={{ __html: data.html }} /> : <p className="empty">{t("markdown.empty")}</p>}
    </section>
  );
}
