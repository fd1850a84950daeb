// Previews render with renderMarkdown, the function that renders stored bodies, comments
// and bios: one renderer, one sanitizer, so the preview cannot differ from the result.
import { renderMarkdown } from "~/platform/markdown.server";

// The longest Markdown field (a suggestion's body) is 20,000 characters.
const MAX_LENGTH = 20_000;

export function previewMarkdown(value: FormDataEntryValue | null): string {
  const text = typeof value === "string" ? value.slice(0, MAX_LENGTH) : "";
  return text.trim() ? renderMarkdown(text) : "";
}
