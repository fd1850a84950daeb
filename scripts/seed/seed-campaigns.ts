// The demo community's campaigns: one running on the camera board (with fresh entries being
// voted on) and one that ended on the System UI board, with the team's picks. Run by the
// seed once its rows exist, through the app's own campaign functions.
import { and, desc, eq, inArray } from "drizzle-orm";
import { createCampaign, pickEntry } from "../../app/features/campaigns/campaigns.server";
import type { Db } from "../../db/client";
import { boards, suggestions, suggestionTags, users, votes } from "../../db/schema";

const DAY = 24 * 60 * 60 * 1000;

// Posted during the running campaign, so it has entries to vote on besides the demo's own.
const RUNNING_ENTRIES = [
  {
    author: "jonas_photo",
    daysAgo: 7,
    title: "Pin my favourite shooting modes next to the shutter button",
    body: "I switch between Photo, Night and Pro all the time. Let me pin up to three modes beside the shutter so I don't have to swipe through Slow-mo and Panorama every time.",
    voters: ["alex_chen", "mia_k", "sunli", "kenji_m", "hannah_lee", "fan", "rachel_ng"],
  },
  {
    author: "sunli",
    daysAgo: 5,
    title: "希望人像模式可以自定义背景虚化的光斑形状",
    body: "夜景人像时背景的灯光光斑很好看，如果能选择心形、星形等光斑形状，拍猫和拍朋友都会更有趣。",
    voters: ["zhangwei", "li_na", "wangfang88", "zhouxin", "xu_jing"],
  },
  {
    author: "noor_a",
    daysAgo: 3,
    title: "Spoken framing hints for blind and low-vision photographers",
    body: "With TalkBack on, the camera could say “one face, centred” or “horizon tilted left” before I take the picture. Other phones do this and it changed how I take photos.",
    voters: ["priya_dev", "ellie-b", "sam_rivera"],
  },
];

const PICK_NOTES = [
  "Most wanted by far, and it fits the home screen work planned for the next release.",
  "Small change, big difference for one-handed use: the team will prototype it first.",
];

export function seedCampaigns(db: Db, now: Date) {
  const people = new Map(
    db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, ["staff", ...RUNNING_ENTRIES.flatMap((e) => [e.author, ...e.voters])]))
      .all()
      .map((u) => [u.username, u.id]),
  );
  const boardId = (slug: string) => db.select({ id: boards.id }).from(boards).where(eq(boards.slug, slug)).get()!.id;
  const camera = boardId("camera");
  const staffId = people.get("staff")!;

  for (const entry of RUNNING_ENTRIES) {
    const postedAt = now.getTime() - entry.daysAgo * DAY;
    const voterIds = [entry.author, ...entry.voters].map((name) => people.get(name)!);
    const { id } = db
      .insert(suggestions)
      .values({
        boardId: camera,
        authorId: people.get(entry.author)!,
        title: entry.title,
        body: entry.body,
        voteCount: voterIds.length,
        createdAt: new Date(postedAt),
      })
      .returning({ id: suggestions.id })
      .get();
    db.insert(votes)
      .values(voterIds.map((userId, i) => ({ suggestionId: id, userId, createdAt: new Date(postedAt + i * 3 * 60 * 60 * 1000) })))
      .run();
  }

  createCampaign(
    {
      boardId: camera,
      titleEn: "Suggest for the next camera update",
      titleZh: "为下一次相机更新提建议",
      bannerEn: "The camera team is planning its next update. Post your idea on the Camera board before the campaign ends: the most-voted entries go to the team's planning meeting.",
      bannerZh: "相机团队正在规划下一次更新。活动结束前在“相机与相册”版块提交你的想法：票数最高的建议将进入团队的规划会议。",
      startsAt: new Date(now.getTime() - 10 * DAY),
      endsAt: new Date(now.getTime() + 11 * DAY),
      createdById: staffId,
    },
    db,
  );

  const finished = createCampaign(
    {
      boardId: boardId("system-ui"),
      titleEn: "Home screen ideas for Sprout OS 3",
      titleZh: "Sprout OS 3 桌面创意征集",
      bannerEn: "Tell us how the home screen, lock screen and Control Center should work in Sprout OS 3.",
      bannerZh: "告诉我们 Sprout OS 3 的桌面、锁屏和控制中心应该怎么做。",
      startsAt: new Date(now.getTime() - 80 * DAY),
      endsAt: new Date(now.getTime() - 45 * DAY),
      createdById: staffId,
    },
    db,
  );
  const top = db
    .select({ id: suggestions.id })
    .from(suggestions)
    .innerJoin(suggestionTags, and(eq(suggestionTags.suggestionId, suggestions.id), eq(suggestionTags.tagId, finished.tagId!)))
    .orderBy(desc(suggestions.voteCount), suggestions.id)
    .limit(PICK_NOTES.length)
    .all();
  top.forEach(({ id }, i) =>
    pickEntry({ campaign: finished, suggestionId: id, note: PICK_NOTES[i], now: new Date(finished.endsAt.getTime() + (2 + i) * 60 * 60 * 1000) }, db),
  );
}
