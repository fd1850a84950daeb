import { XMLParser, XMLValidator } from "fast-xml-parser";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { releases, suggestions, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { changeStatus, mergeSuggestion } from "~/features/lifecycle/lifecycle.server";
import { rateSuggestion } from "~/features/ratings/ratings.server";
import { addToRelease, createRelease, listReleases, shippedWithoutRelease } from "~/features/lifecycle/releases.server";
import { roadmap } from "~/features/lifecycle/roadmap.server";
import { loader as atomLoader } from "~/routes/changelog[.]atom";
import { action as staffAction, loader as staffLoader } from "~/routes/staff_.releases";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const load = (id: number) => getDb().select().from(suggestions).where(eq(suggestions.id, id)).get()!;
const releaseCount = () => getDb().select().from(releases).all().length;
const DAY = new Date(Date.UTC(2025, 4, 20));

async function voters(suggestionId: number, n: number): Promise<User[]> {
  const members = [];
  for (let i = 0; i < n; i++) {
    const member = await createMember();
    setVote({ suggestionId, userId: member.id, voted: true });
    members.push(member);
  }
  return members;
}

// Each voter rates in turn with the given scores.
async function shipRated(staff: User, releaseId: number, scores: number[]) {
  const suggestion = await createSuggestion({ status: "in_progress" });
  const people = await voters(suggestion.id, scores.length);
  expect(changeStatus({ suggestionId: suggestion.id, actorId: staff.id, to: "shipped", note: "", releaseId })).toMatchObject({ ok: true });
  people.forEach((p, i) => expect(rateSuggestion({ suggestionId: suggestion.id, userId: p.id, score: scores[i] }).ok).toBe(true));
  return suggestion;
}

describe("releases and the changelog", () => {
  test("each feature credits its author and co-authors, by name with links, and shows its rating", async () => {
    const staff = await createStaff();
    const author = await createMember({ displayName: "Alex Chen" });
    const coAuthor = await createMember({ displayName: "张伟" });
    const release = createRelease({ name: "Sprout OS 5.2", notes: "**Faster** camera", releasedAt: DAY, createdById: staff.id });
    const target = await createSuggestion({ author, status: "planned" });
    const duplicate = await createSuggestion({ author: coAuthor });
    mergeSuggestion({ sourceId: duplicate.id, targetId: target.id, actorId: staff.id, note: "Same idea." });
    expect(changeStatus({ suggestionId: target.id, actorId: staff.id, to: "shipped", note: "Out now", releaseId: release.id })).toMatchObject({ ok: true });
    expect(load(target.id)).toMatchObject({ status: "shipped", releaseId: release.id });
    rateSuggestion({ suggestionId: target.id, userId: coAuthor.id, score: 4 });

    const [listed] = listReleases().filter((r) => r.id === release.id);
    expect(listed.notesHtml).toContain("<strong>Faster</strong>");
    expect(listed.features).toHaveLength(1);
    expect(listed.features[0]).toMatchObject({
      id: target.id,
      credits: [
        { username: author.username, displayName: "Alex Chen", role: "author" },
        { username: coAuthor.username, displayName: "张伟", role: "co_author" },
      ],
      rating: { average: 4, count: 1 },
      bestRated: true,
    });
  });

  test("the best-rated feature of each release is the one with the highest shrunken average", async () => {
    const staff = await createStaff();
    const release = createRelease({ name: "Week 21", notes: "", releasedAt: DAY, createdById: staff.id });
    const other = createRelease({ name: "Week 22", notes: "", releasedAt: new Date(DAY.getTime() + 7 * 86_400_000), createdById: staff.id });
    const loneFive = await shipRated(staff, release.id, [5]);
    const manyGood = await shipRated(staff, release.id, [5, 5, 4, 5, 5, 4, 5, 5]);
    const middling = await shipRated(staff, release.id, [3, 4, 3, 4]);
    await shipRated(staff, release.id, []);
    const onlyInOther = await shipRated(staff, other.id, [2]);

    const listed = listReleases();
    // Newest first.
    expect(listed.findIndex((r) => r.id === other.id)).toBeLessThan(listed.findIndex((r) => r.id === release.id));
    const features = listed.find((r) => r.id === release.id)!.features;
    expect(features.filter((f) => f.bestRated).map((f) => f.id)).toEqual([manyGood.id]);
    expect(features.find((f) => f.id === loneFive.id)!.rating).toMatchObject({ average: 5, count: 1 });
    expect(features.find((f) => f.id === middling.id)!.bestRated).toBe(false);
    // Each release has its own best, however low.
    expect(listed.find((r) => r.id === other.id)!.features).toEqual([expect.objectContaining({ id: onlyInOther.id, bestRated: true })]);
  });

  test("shipped suggestions without a release are listed as shipped recently, and can join one", async () => {
    const staff = await createStaff();
    const release = createRelease({ name: "Later", notes: "", releasedAt: DAY, createdById: staff.id });
    const loose = await createSuggestion({ status: "planned" });
    changeStatus({ suggestionId: loose.id, actorId: staff.id, to: "shipped", note: "" });
    expect(shippedWithoutRelease().map((s) => s.id)).toContain(loose.id);

    const planned = await createSuggestion({ status: "planned" });
    expect(addToRelease({ suggestionId: planned.id, releaseId: release.id })).toEqual({ ok: false, reason: "not_shipped" });
    expect(addToRelease({ suggestionId: loose.id, releaseId: 999_999 })).toEqual({ ok: false, reason: "release_not_found" });
    expect(addToRelease({ suggestionId: loose.id, releaseId: release.id })).toEqual({ ok: true });
    expect(addToRelease({ suggestionId: loose.id, releaseId: release.id })).toEqual({ ok: false, reason: "already_released" });
    expect(shippedWithoutRelease().map((s) => s.id)).not.toContain(loose.id);
    expect(load(planned.id)).toMatchObject({ status: "planned", releaseId: null });
  });

  test("the roadmap groups planned and in-progress suggestions by board, most votes first", async () => {
    const board = createBoard();
    const planned = await createSuggestion({ board, status: "planned" });
    const popular = await createSuggestion({ board, status: "planned" });
    await voters(popular.id, 2);
    const building = await createSuggestion({ board, status: "in_progress" });
    await createSuggestion({ board, status: "open" });
    await createSuggestion({ board, status: "shipped" });
    await createSuggestion({ board: createBoard(), status: "open" });

    const column = roadmap().find((c) => c.board.slug === board.slug)!;
    expect(column.planned.map((s) => s.id)).toEqual([popular.id, planned.id]);
    expect(column.planned[0].voteCount).toBe(3);
    expect(column.inProgress.map((s) => s.id)).toEqual([building.id]);
    // A board with nothing planned is not on the roadmap.
    expect(roadmap().every((c) => c.planned.length + c.inProgress.length > 0)).toBe(true);
  });
});

describe("/changelog.atom", () => {
  test("is a well-formed Atom feed with escaped titles and absolute links", async () => {
    const staff = await createStaff();
    const release = createRelease({ name: "<script>alert(1)</script>", notes: "", releasedAt: DAY, createdById: staff.id });
    const suggestion = await createSuggestion({ status: "planned", title: "Camera <script>boom()</script>" });
    changeStatus({ suggestionId: suggestion.id, actorId: staff.id, to: "shipped", note: "", releaseId: release.id });

    const response = atomLoader(routeArgs(requestAs(null, "/changelog.atom")));
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<script/i);
    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);
    const entry = [feed.entry].flat().find((e: { title: string }) => e.title === "<script>alert(1)</script>");
    expect(entry.id).toBe(`http://localhost:3000/changelog#release-${release.id}`);
    expect(entry.content["#text"]).toContain(`<a href="http://localhost:3000/s/${suggestion.id}">Camera &lt;script&gt;boom()&lt;/script&gt;</a>`);
  });
});

describe("/staff/releases rights", () => {
  const visit = (user: User | null) => outcome(() => staffLoader(routeArgs(requestAs(user, "/staff/releases"))));
  const post = (user: User | null, form: Record<string, string>) =>
    outcome(() => staffAction(routeArgs(requestAs(user, "/staff/releases", { form }))));

  test("visitors are sent to log in, members are refused, staff, leads and admins get in", async () => {
    expect((await visit(null)).location).toBe(`/login?redirectTo=${encodeURIComponent("/staff/releases")}`);
    expect((await visit(await createMember())).status).toBe(403);
    for (const role of ["staff", "lead", "admin"] as const) expect((await visit(await createMember({ role }))).status).toBe(200);
  });

  test("members and visitors cannot create or ship, whatever they post", async () => {
    const before = releaseCount();
    const create = { intent: "create", name: "Sneaky", releasedAt: "2025-05-20" };
    expect((await post(await createMember(), create)).status).toBe(403);
    expect((await post(null, create)).status).toBe(302);
    const planned = await createSuggestion({ status: "planned" });
    const staff = await createStaff();
    const release = createRelease({ name: "Real", notes: "", releasedAt: DAY, createdById: staff.id });
    expect((await post(await createMember(), { intent: "ship", suggestionId: String(planned.id), releaseId: String(release.id) })).status).toBe(403);
    expect(releaseCount()).toBe(before + 1);
    expect(load(planned.id).status).toBe("planned");
  });

  test("staff create a release, with 400 and kept input for a bad form", async () => {
    const staff = await createStaff();
    const bad = await post(staff, { intent: "create", name: "x".repeat(81), notes: "Kept", releasedAt: "not a date" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      intent: "create",
      result: { error: { name: ["releases.errors.nameLength"], releasedAt: ["releases.errors.date"] }, initialValue: { notes: "Kept" } },
    });
    const before = releaseCount();
    const created = await post(staff, { intent: "create", name: "Sprout OS 6", notes: "Big one", releasedAt: "2025-06-01" });
    expect(created.status).toBe(302);
    expect(releaseCount()).toBe(before + 1);
    const release = getDb().select().from(releases).where(eq(releases.name, "Sprout OS 6")).get()!;
    expect(release).toMatchObject({ notes: "Big one", createdById: staff.id, releasedAt: new Date("2025-06-01T00:00:00Z") });
    expect(created.location).toBe(`/staff/releases#release-${release.id}`);
  });

  test("staff ship into a release; an invalid transition or unknown release shows the error and changes nothing", async () => {
    const staff = await createStaff();
    const release = createRelease({ name: "Ship it", notes: "", releasedAt: DAY, createdById: staff.id });
    const open = await createSuggestion({ status: "open" });
    const refused = await post(staff, { intent: "ship", suggestionId: String(open.id), releaseId: String(release.id) });
    expect(refused).toMatchObject({ status: 400, body: { result: { error: { suggestionId: ["lifecycle.errors.notAllowed"] } } } });
    expect(load(open.id)).toMatchObject({ status: "open", releaseId: null, shippedAt: null });

    const planned = await createSuggestion({ status: "planned" });
    const noRelease = await post(staff, { intent: "ship", suggestionId: String(planned.id), releaseId: "999999" });
    expect(noRelease).toMatchObject({ status: 400, body: { result: { error: { releaseId: ["releases.errors.releaseNotFound"] } } } });
    expect(load(planned.id).status).toBe("planned");

    const shipped = await post(staff, { intent: "ship", suggestionId: String(planned.id), releaseId: String(release.id), note: "In 5.2" });
    expect(shipped).toMatchObject({ status: 302, location: `/staff/releases#release-${release.id}` });
    expect(load(planned.id)).toMatchObject({ status: "shipped", releaseId: release.id });
    expect(load(planned.id).shippedAt).not.toBeNull();
  });
});
