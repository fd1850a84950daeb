import { formatDistanceToNow } from "date-fns";
import { enUS, zhCN } from "date-fns/locale";
import { useTranslation } from "react-i18next";

// "3 hours ago" in the reader's language, with the exact time on hover and for machines.
export function RelativeTime({ date }: { date: Date | string }) {
  const { i18n } = useTranslation();
  const value = new Date(date);
  const locale = i18n.language === "zh" ? zhCN : enUS;
  return (
    <time dateTime={value.toISOString()} title={value.toLocaleString(i18n.language)} suppressHydrationWarning>
      {formatDistanceToNow(value, { addSuffix: true, locale })}
    </time>
  );
}
