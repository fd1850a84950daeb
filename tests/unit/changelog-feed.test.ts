import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { changelogFeed, xmlText, type FeedLabels, type FeedRelease } from "~/features/lifecycle/changelog-feed";

const labels: FeedLabels = {
  title: "Sprout changelog",
  subtitle: "What shipped",
  credits: "Credits:",
  rating: (average, count) => `${average} / 5 from ${count} ratings`,
  notRated: "Not rated yet",
  bestRated: "Best rated",
};

const NOW = new Date(Date.UTC(2025, 5, 1));

const release = (overrides: Partial<FeedRelease> = {}): FeedRelease => ({
  id: 1,
  name: "Sprout OS 5.2",
  notesHtml: "<p>Faster camera &amp; calmer notifications.</p>",
  releasedAt: new Date(Date.UTC(2025, 4, 20)),
  updatedAt: new Date(Date.UTC(2025, 4, 21)),
  features: [
    {
      id: 42,
      title: "Night mode for the camera",
      credits: [
        { displayName: "Alex Chen", username: "alex_chen" },
        { displayName: "张伟", username: "zhangwei" },
      ],
      rating: { average: 4.5, count: 2 },
      bestRated: true,
    },
    { id: 43, title: "Quieter alarms", credits: [{ displayName: "Li Na", username: "li_na" }], rating: { average: null, count: 0 }, bestRated: false },
  ],
  ...overrides,
});

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);

describe("changelogFeed", () => {
  test("is well-formed Atom with the required feed and entry elements and absolute links", () => {
    const xml = changelogFeed({ appUrl: "https://sprout.example", releases: [release()], labels, now: NOW });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("https://sprout.example/changelog");
    expect(feed.title).toBe("Sprout changelog");
    expect(feed.updated).toBe("2025-05-21T00:00:00.000Z");
    expect(feed.author.name).toBe("Sprout changelog");
    const links = [feed.link].flat();
    expect(links).toContainEqual(expect.objectContaining({ "@rel": "self", "@href": "https://sprout.example/changelog.atom" }));
    const entry = feed.entry;
    expect(entry.id).toBe("https://sprout.example/changelog#release-1");
    expect(entry.title).toBe("Sprout OS 5.2");
    expect(entry.updated).toBe("2025-05-21T00:00:00.000Z");
    expect(entry.link["@href"]).toBe("https://sprout.example/changelog#release-1");
    expect(entry.content["@type"]).toBe("html");
    const html: string = entry.content["#text"];
    expect(html).toContain('<a href="https://sprout.example/s/42">Night mode for the camera</a>');
    expect(html).toContain('<a href="https://sprout.example/u/zhangwei">张伟</a>');
    expect(html).toContain("4.5 / 5 from 2 ratings");
    expect(html).toContain("<strong>Best rated</strong>");
    expect(html).toContain("Not rated yet");
  });

  test("escapes markup in every piece of text, in titles and inside the HTML content", () => {
    const xml = changelogFeed({
      appUrl: "http://localhost:3000",
      releases: [
        release({
          name: "<script>alert(1)</script> & more",
          features: [{ ...release().features[0], title: "<script>alert('x')</script>", credits: [{ displayName: "<b>Eve</b>", username: "eve" }] }],
        }),
      ],
      labels,
      now: NOW,
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<script/i);
    const entry = parse(xml).feed.entry;
    expect(entry.title).toBe("<script>alert(1)</script> & more");
    // The content is HTML: after XML decoding the titles are still HTML-escaped text.
    const html: string = entry.content["#text"];
    expect(html).toContain("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
    expect(html).not.toMatch(/<script|<b>/);
  });

  test("drops characters XML cannot carry instead of producing a broken feed", () => {
    expect(xmlText("a\u0000b\u0008c\td\ne")).toBe("abc\td\ne");
    const xml = changelogFeed({ appUrl: "http://localhost:3000", releases: [release({ name: "Bell\u0007 5.2" })], labels, now: NOW });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(xml).feed.entry.title).toBe("Bell 5.2");
  });

  test("without releases it is still a valid feed, updated now", () => {
    const xml = changelogFeed({ appUrl: "http://localhost:3000/", releases: [], labels, now: NOW });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    expect(feed.updated).toBe(NOW.toISOString());
    expect(feed.entry).toBeUndefined();
    expect(feed.id).toBe("http://localhost:3000/changelog");
  });
});
