import { useTranslation } from "react-i18next";

// A release is dated by day (stored as midnight UTC), so it is shown in UTC: the same day
// for every reader, and the same on the server and in the browser.
export function ReleaseDate({ date }: { date: Date | string }) {
  const { i18n } = useTranslation();
  const value = new Date(date);
  const text = new Intl.DateTimeFormat(i18n.language === "zh" ? "zh-CN" : "en", { dateStyle: "long", timeZone: "UTC" }).format(value);
  return <time dateTime={value.toISOString().slice(0, 10)}>{text}</time>;
}
