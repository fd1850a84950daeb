import { formatDistanceToNow } from "date-fns";
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

// "3 hours ago" in the reader's language, with the exact time on hover and for machines.
export function RelativeTime({ date }: { date: Date | string }) {
  const { i18n } = useTranslation();
  const value = new Date(date);
  const locale = i18n.language === "zh" ? zhCN : enUS;
  return (
    <time dateTime={value.toISOString()} title={exactTime(value, i18n.language)} suppressHydrationWarning>
      {formatDistanceToNow(value, { addSuffix: true, locale })}
    </time>
  );
}
