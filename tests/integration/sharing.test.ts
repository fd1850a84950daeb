import { eq } from "drizzle-orm";
import type { MetaDescriptor } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { releases, suggestionCredits, suggestions } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { loader as cardLoader } from "~/routes/s.$id.card[.]png";
import { loader as changelogLoader, meta as changelogMeta } from "~/routes/changelog";
import { loader as suggestionLoader, meta as suggestionMeta } from "~/routes/s.$id/route";
import { shareCardData } from "~/features/sharing/share-cards.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function card(user: { id: number } | null, id: number, headers: Record<string, string> = {}) {
  const request = requestAs(user, `/s/${id}/card.png?lang=en`);
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  const result = await outcome(() => cardLoader(routeArgs(request, { id: String(id) })));
  return { status: result.status, response: result.body as Response };
}

const metaContent = (tags: MetaDescriptor[], key: string) =>
  (tags.find((t) => ("property" in t && t.property === key) || ("name" in t && t.name === key)) as { content?: string } | undefined)?.content;

const rootMatch = { id: "root", data: { language: "en" } };

describe("the share card route", { timeout: 60_000 }, () => {
  test("answers a 1200×630 PNG, cacheable for five minutes, with an ETag that a revalidation matches", async () => {
    const s = await createSuggestion({ title: "希望锁屏可以显示农历日期" });
    const { status, response } = await card(null, s.id);
    expect(status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=300");
    const png = Buffer.from(await response.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

    const etag = response.headers.get("ETag")!;
    expect(etag).toMatch(/^".+"$/);
    expect((await card(null, s.id, { "If-None-Match": etag })).status).toBe(304);
  });

  test("a new vote count changes the card, and so its ETag", async () => {
    const s = await createSuggestion();
    const before = (await card(null, s.id)).response.headers.get("ETag");
    getDb().update(suggestions).set({ voteCount: 42 }).where(eq(suggestions.id, s.id)).run();
    const after = (await card(null, s.id)).response.headers.get("ETag");
    expect(after).not.toBe(before);
  });

  test("is a 404 for a suggestion that does not exist or an id that is not one", async () => {
    expect((await card(null, 999_999)).status).toBe(404);
    const request = requestAs(null, "/s/abc/card.png");
    expect((await outcome(() => cardLoader(routeArgs(request, { id: "abc" })))).status).toBe(404);
  });

  test("is a 404 on an early-access board for visitors and members below level 4; the group and staff get a private card", async () => {
    const board = createBoard({ visibility: "early_access" });
    const s = await createSuggestion({ board });
    expect((await card(null, s.id)).status).toBe(404);
    expect((await card(await createMember({ honorLevel: 3 }), s.id)).status).toBe(404);
    for (const insider of [await createMember({ honorLevel: 4 }), await createStaff()]) {
      const { status, response } = await card(insider, s.id);
      expect(status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("private, max-age=300");
    }
  });
});

describe("what the card says", () => {
  test("title, status, votes, the author with co-authors, the board, and the release it shipped in", async () => {
    const author = await createMember({ displayName: "张伟" });
    const coAuthor = await createMember({ displayName: "Mia Kowalski" });
    const staff = await createStaff();
    const release = getDb().insert(releases).values({ name: "Sprout OS 3.2", releasedAt: new Date(), createdById: staff.id }).returning().get();
    const board = createBoard({ nameEn: "Camera & Gallery", nameZh: "相机与相册" });
    const s = await createSuggestion({ author, board, title: "Night mode for the front camera", status: "shipped", releaseId: release.id });
    getDb().insert(suggestionCredits).values({ suggestionId: s.id, userId: coAuthor.id, fromSuggestionId: s.id }).run();

    expect(shareCardData(s.id, null, "en")?.data).toEqual({
      forum: "Sprout",
      board: "Camera & Gallery",
      title: "Night mode for the front camera",
      status: "shipped",
      statusLabel: "Shipped",
      votesLabel: "1 vote",
      credit: "Suggested by 张伟 with Mia Kowalski",
      shippedIn: "Shipped in Sprout OS 3.2",
    });
    expect(shareCardData(s.id, null, "zh")?.data).toMatchObject({
      board: "相机与相册",
      statusLabel: "已上线",
      votesLabel: "1 票",
      credit: "张伟 与 Mia Kowalski 共同提出",
      shippedIn: "已在 Sprout OS 3.2 上线",
    });
  });
});

describe("link previews and the share kit on /s/:id", () => {
  async function page(user: { id: number } | null, id: number) {
    const data = await suggestionLoader(routeArgs(requestAs(user, `/s/${id}`), { id: String(id) }));
    const tags = suggestionMeta({ data, matches: [rootMatch], params: { id: String(id) } } as unknown as Parameters<typeof suggestionMeta>[0]);
    return { data, tags };
  }

  test("Open Graph and Twitter tags: title, a plain-text excerpt, the canonical URL and the absolute card URL", async () => {
    const s = await createSuggestion({ title: "Night mode for selfies", body: "**Dinner** photos look like [crime scenes](https://example.com)." });
    const { tags } = await page(null, s.id);
    const appUrl = env().APP_URL;
    expect(metaContent(tags, "og:title")).toBe("Night mode for selfies");
    expect(metaContent(tags, "og:description")).toBe("Dinner photos look like crime scenes.");
    expect(metaContent(tags, "og:url")).toBe(`${appUrl}/s/${s.id}`);
    expect(metaContent(tags, "og:image")).toBe(`${appUrl}/s/${s.id}/card.png?lang=en`);
    expect(metaContent(tags, "twitter:card")).toBe("summary_large_image");
    expect(tags).toContainEqual({ title: "Night mode for selfies · Sprout" });
  });

  test("a logged-in viewer's share link carries their ?ref=; a visitor's does not", async () => {
    const s = await createSuggestion();
    const member = await createMember();
    expect((await page(member, s.id)).data.share.kit.url).toBe(`${env().APP_URL}/s/${s.id}?ref=${member.username}`);
    expect((await page(null, s.id)).data.share.kit.url).toBe(`${env().APP_URL}/s/${s.id}`);
    expect((await page(null, s.id)).data.share.kit.qrCode).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  test("the author of a shipped idea gets the celebration text, others the plain one", async () => {
    const author = await createMember();
    const s = await createSuggestion({ author, status: "shipped" });
    expect((await page(author, s.id)).data.share.kit.textKey).toBe("share.text.mineShipped");
    expect((await page(await createMember(), s.id)).data.share.kit.textKey).toBe("share.text.shipped");
  });
});

describe("the changelog", () => {
  test("gives each shipped feature a share kit and previews the newest release with its top feature's card", async () => {
    const staff = await createStaff();
    const release = getDb().insert(releases).values({ name: "Sprout OS 3.3", releasedAt: new Date(), createdById: staff.id }).returning().get();
    const author = await createMember();
    const s = await createSuggestion({ author, status: "shipped", releaseId: release.id });
    const data = await changelogLoader(routeArgs(requestAs(author, "/changelog")));
    expect(data.shareKits[s.id]).toMatchObject({ textKey: "share.text.mineShippedIn", release: "Sprout OS 3.3" });
    expect(data.shareKits[s.id].url).toBe(`${env().APP_URL}/s/${s.id}?ref=${author.username}`);
    const tags = changelogMeta({ data, matches: [rootMatch] } as unknown as Parameters<typeof changelogMeta>[0]);
    expect(metaContent(tags, "og:image")).toBe(`${env().APP_URL}/s/${s.id}/card.png?lang=en`);
    expect(metaContent(tags, "og:description")).toContain("Sprout OS 3.3");
  });
});
