// The honorary development group's board in the demo data: early builds the team shares with
// its level-4 members, who are the only ones (with staff) who can see it. Fixed rows (open
// suggestions, no status history), run by the seed after the community exists and before
// honors are computed.
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { boards, comments, suggestions, users, votes } from "../../db/schema";

const DAY = 24 * 60 * 60 * 1000;

const BOARD = {
  slug: "early-access",
  nameEn: "Early access (honorary development group)",
  nameZh: "抢先体验（荣誉开发组）",
  descriptionEn: "Early builds and features still in the lab, shared with the honorary development group first. Tell the team what breaks.",
  descriptionZh: "仍在实验室中的早期版本和功能，优先分享给荣誉开发组。请告诉团队哪里出了问题。",
  visibility: "early_access" as const,
};

const SUGGESTIONS = [
  {
    author: "staff",
    daysAgo: 6,
    title: "Beta 5.2: try the new night-mode camera pipeline and report what you see",
    body: "The new pipeline stacks up to 12 frames and runs entirely on the device. Please shoot a few night scenes and tell us about **noise**, **colour** and **shutter lag**. Reply with your phone model.",
    comment: { author: "zhangwei", body: "夜景噪点明显少了，但白平衡在路灯下偏黄，快门延迟大约 1 秒。" },
  },
  {
    author: "zhangwei",
    daysAgo: 4,
    title: "内测版 5.2：控制中心动画在低电量模式下掉帧",
    body: "开启低电量模式后，下拉控制中心的动画明显卡顿，关闭后恢复正常。机型：Sprout One，内测版 5.2。",
    comment: { author: "staff", body: "Thanks, reproduced on our side: low-power mode caps the refresh rate before the animation starts. Fix planned for beta 5.3." },
  },
  {
    author: "zhangwei",
    daysAgo: 2,
    title: "内测版 5.2：希望新的备份功能可以只在充电时运行",
    body: "新的自动备份很好用，但在外面用流量时也会运行。希望加一个选项：只在充电且连接 Wi-Fi 时备份。",
    comment: null,
  },
];

export function seedEarlyAccess(db: Db, now: Date) {
  const people = new Map(
    db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, ["staff", "zhangwei"]))
      .all()
      .map((u) => [u.username, u.id]),
  );
  const idOf = (username: string) => {
    const id = people.get(username);
    if (id === undefined) throw new Error(`the early-access seed needs the demo account ${username}`);
    return id;
  };
  const position = db.$count(boards);
  const boardId = db
    .insert(boards)
    .values({ ...BOARD, position, createdAt: new Date(now.getTime() - 30 * DAY) })
    .returning({ id: boards.id })
    .get().id;
  for (const spec of SUGGESTIONS) {
    const createdAt = new Date(now.getTime() - spec.daysAgo * DAY);
    const commentedAt = new Date(createdAt.getTime() + 3 * 60 * 60 * 1000);
    const official = spec.comment?.author === "staff";
    const authorId = idOf(spec.author);
    // The author votes for their own suggestion, as everywhere; the group's other member votes too.
    const voterIds = [...new Set([authorId, idOf("zhangwei")])];
    const id = db
      .insert(suggestions)
      .values({
        boardId,
        authorId,
        title: spec.title,
        body: spec.body,
        voteCount: voterIds.length,
        commentCount: spec.comment ? 1 : 0,
        firstOfficialReplyAt: official ? commentedAt : null,
        createdAt,
      })
      .returning({ id: suggestions.id })
      .get().id;
    db.insert(votes)
      .values(voterIds.map((userId) => ({ suggestionId: id, userId, createdAt })))
      .run();
    if (spec.comment) {
      db.insert(comments)
        .values({
          suggestionId: id,
          authorId: idOf(spec.comment.author),
          body: spec.comment.body,
          isOfficial: official,
          createdAt: commentedAt,
        })
        .run();
    }
  }
}
