// RelativeTime remembers each time's exact and machine-readable forms per language, and its
// distance for the rest of the clock's second: what it shows must stay what it would compute
// afresh, in each language, on every render, and move with the clock.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, test, vi } from "vitest";
import { RelativeTime, relativeTimeText } from "~/components/relative-time";
import { sharedI18n } from "~/i18n/i18n";

const render = (language: "en" | "zh", date: Date | string) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: sharedI18n(language) }, createElement(RelativeTime, { date })));

const attributes = (html: string) => ({
  dateTime: /datetime="([^"]*)"/i.exec(html)?.[1],
  title: /title="([^"]*)"/.exec(html)?.[1],
  text: /<time[^>]*>([^<]*)<\/time>/.exec(html)?.[1],
});

describe("RelativeTime", () => {
  const hourAgo = new Date(Date.now() - 61 * 60 * 1000);
  const lastYear = new Date("2025-03-04T05:06:07.000Z");

  test.each([
    ["en", "an hour ago", hourAgo, /about 1 hour ago/],
    ["zh", "an hour ago", hourAgo, /大约 1 小时前/],
    ["en", "last year", lastYear, /ago$/],
    ["zh", "last year", lastYear, /前$/],
  ] as const)("%s, %s: the exact time on hover, ISO for machines, the distance as text, each time", (language, _when, date, distance) => {
    for (let round = 0; round < 2; round++) {
      const shown = attributes(render(language, date));
      expect(shown.dateTime).toBe(date.toISOString());
      expect(shown.title).toBe(date.toLocaleString(language));
      expect(shown.text).toMatch(distance);
    }
  });

  test("the same time in the other language, and as the string loader data gives it", () => {
    const english = attributes(render("en", lastYear)).title;
    const chinese = attributes(render("zh", lastYear)).title;
    expect(english).not.toBe(chinese);
    expect(attributes(render("zh", lastYear.toISOString())).title).toBe(chinese);
  });
});

test("the distance moves with the clock, in both languages, whichever form the time comes in", () => {
  const now = Date.UTC(2026, 11, 6, 8, 0, 0, 500);
  vi.useFakeTimers({ now, toFake: ["Date"] });
  try {
    const posted = new Date(now - 20_000);
    for (const date of [posted, posted.toISOString()]) {
      expect(relativeTimeText(date, "en")).toBe("less than a minute ago");
      expect(relativeTimeText(date, "zh")).toBe("不到 1 分钟前");
      vi.setSystemTime(now + 5 * 60_000);
      expect(relativeTimeText(date, "en")).toBe("5 minutes ago");
      expect(relativeTimeText(date, "zh")).toBe("5 分钟前");
      vi.setSystemTime(now);
    }
  } finally {
    vi.useRealTimers();
  }
});
