import type { MetaDescriptor } from "@remix-run/node";
import { isLanguage, translator, type Language } from "~/i18n/i18n";

type Matches = { id: string; data: unknown }[];

// Page titles in the reader's language (meta functions run outside React, so no hooks).
export function titleMeta(
  matches: Matches,
  title: string | ((t: ReturnType<typeof translator>, language: Language) => string),
): MetaDescriptor[] {
  const stored = (matches.find((m) => m.id === "root")?.data as { language?: unknown } | undefined)?.language;
  const language = isLanguage(stored) ? stored : "en";
  const t = translator(language);
  const text = typeof title === "function" ? title(t, language) : t(title);
  return [{ title: `${text} · ${t("common.appName")}` }];
}
