// A Markdown textarea with a Write / Preview switch. The preview is rendered by the server
// (/markdown/render) with the very sanitizer that renders what is stored, so what the
// member sees is what readers will see. Without JavaScript the Preview button opens that
// rendering in a new tab and the text stays here.
import { getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export function MarkdownField({
  field,
  label,
  hint,
  rows = 6,
  maxLength,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<{ html: string } | "loading" | "failed">("loading");
  const [mode, setMode] = useState<"write" | "preview">("write");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const textareaId = field.id;

  async function showPreview() {
    const text = (document.getElementById(textareaId) as HTMLTextAreaElement | null)?.value ?? "";
    setMode("preview");
    setPreview("loading");
    try {
      const response = await fetch("/markdown/render", { method: "POST", body: new URLSearchParams({ text }) });
      setPreview(response.ok ? ((await response.json()) as { html: string }) : "failed");
    } catch {
      setPreview("failed");
    }
  }

  return (
    <div className="field markdown-field">
      <label htmlFor={textareaId}>{label}</label>
      <div className="markdown-tabs" role="group" aria-label={t("markdown.mode")}>
        <button type="button" aria-pressed={mode === "write"} onClick={() => setMode("write")} hidden={!hydrated}>
          {t("markdown.write")}
        </button>
        {hydrated ? (
          <button type="button" aria-pressed={mode === "preview"} onClick={() => void showPreview()}>
            {t("markdown.preview")}
          </button>
        ) : (
          <button type="submit" formAction="/markdown/preview" formMethod="post" formTarget="_blank" formEncType="application/x-www-form-urlencoded" formNoValidate name="previewOf" value={field.name}>
            {t("markdown.preview")}
          </button>
        )}
      </div>
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined })}
        rows={rows}
        maxLength={maxLength}
        hidden={mode === "preview"}
      />
      {mode === "preview" && (
        <div className="markdown markdown-preview" aria-live="polite" data-testid="markdown-preview">
          {preview === "loading" ? (
            <p className="hint">{t("markdown.loading")}</p>
          ) : preview === "failed" ? (
            <p className="field-error">{t("markdown.failed")}</p>
          ) : preview.html ? (
            <div dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p className="hint">{t("markdown.empty")}</p>
          )}
        </div>
      )}
      {hint && (
        <p className="hint" id={field.descriptionId}>
          {hint}
        </p>
      )}
      <details className="markdown-help">
        <summary>{t("markdown.help.title")}</summary>
        <ul>
          <li>
            <code>**{t("markdown.help.bold")}**</code>, <code>*{t("markdown.help.italic")}*</code>, <code>`code`</code>
          </li>
          <li>
            <code>[{t("markdown.help.link")}](https://example.com)</code>
          </li>
          <li>
            <code>- {t("markdown.help.list")}</code>, <code>1. {t("markdown.help.list")}</code>, <code>&gt; {t("markdown.help.quote")}</code>
          </li>
          <li>{t("markdown.help.html")}</li>
        </ul>
      </details>
      {field.errors?.length ? (
        <p className="field-error" id={field.errorId} role="alert">
          {field.errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
