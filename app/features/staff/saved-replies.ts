// Saved replies: the team's shared answers. Pure rules for filling one in for a suggestion,
// used by the server (the page without JavaScript) and the browser (picking a reply) alike.
import type { Language } from "~/i18n/i18n";

export type SavedReplyTemplate = { bodyEn: string; bodyZh: string };
export type ReplyContext = { author: string; title: string; board: string };

export const SAVED_REPLY_TITLE_MAX = 80;
export const SAVED_REPLY_BODY_MAX = 5000;
export const PLACEHOLDERS = ["author", "title", "board"] as const;

// Han, kana and Hangul: a suggestion written in them is answered in Chinese.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;

// The language to answer a suggestion in: Chinese when a good share of what the author wrote
// is CJK (a Chinese title may name an English product), else English.
export function suggestionLanguage(text: string): Language {
  const letters = text.replace(/[\s\p{P}\p{S}\d]/gu, "");
  if (letters.length === 0) return "en";
  const cjk = letters.match(CJK)?.length ?? 0;
  return cjk * 3 >= letters.length ? "zh" : "en";
}

// Replaces {author}, {title} and {board}; any other brace text stays as written.
export function fillSavedReply(template: SavedReplyTemplate, language: Language, context: ReplyContext): string {
  const body = language === "zh" ? template.bodyZh : template.bodyEn;
  return body.replace(/\{(author|title|board)\}/g, (_, key: keyof ReplyContext) => context[key]);
}

// Placeholders a template uses that do not exist: probably a typo worth telling its writer.
export function unknownPlaceholders(body: string): string[] {
  const found = [...body.matchAll(/\{([a-zA-Z_]+)\}/g)].map((m) => m[1]!);
  return [...new Set(found.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}
