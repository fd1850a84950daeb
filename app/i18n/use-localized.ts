import { useTranslation } from "react-i18next";

// Picks the stored English or Chinese variant of a name for the current language.
export function useLocalized() {
  const { i18n } = useTranslation();
  return (en: string, zh: string) => (i18n.language === "zh" ? zh || en : en || zh);
}
