// A forum at scale, for the benchmark (`npm run bench`) and for seeing Sprout big:
// `npm run db:seed -- --size large` (or `small`, the same shapes at 1/100).
//
// It starts from the demo community (so the demo logins and their stories exist), then adds
// members, suggestions over several boards in every status, votes, comments, official
// replies, status history, releases, ratings, invitations, a year of days active, and the
// honor levels and badges the app's own rules give for all that. Shapes are realistic:
// popularity follows a Zipf law (a few suggestions get thousands of votes, most get a
// handful), comments follow votes, statuses follow age, text is English or Chinese from
// templates. Deterministic (seeded PRNG, times relative to `now`).
//
// Speed: rows go in through raw better-sqlite3 prepared statements inside one transaction
// per table, with the journal off; the full-text triggers of migration 0001 are dropped
// for the load, the index is rebuilt in one statement that gives exactly what the triggers
// would have produced, and the triggers are recreated. Counters are set from the rows.
import fs from "node:fs";
import path from "node:path";
import { activityDay } from "../../app/features/honors/rules/activity";
import { badgesEarned, type MemberFacts } from "../../app/features/honors/rules/badges";
import { honorLevelFor, honorPointsFor, type Contribution } from "../../app/features/honors/rules/levels";
import { hashPassword } from "../../app/features/accounts/passwords.server";
import { MIGRATIONS_FOLDER, type Db } from "../../db/client";
import { createRandom, DEMO_MEMBER_PASSWORD, seedDemoData, type Random } from "./seed";
import type { SuggestionStatus } from "../../db/schema";

export const SEED_SIZES = ["small", "large"] as const;
export type SeedSize = (typeof SEED_SIZES)[number];

// Totals of the large forum (demo community included); small is 1/100 of each.
const LARGE = { members: 50_000, suggestions: 100_000, votes: 1_000_000, comments: 300_000, invitations: 20_000 };
const SCALE: Record<SeedSize, number> = { large: 1, small: 0.01 };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A thread longer than this would be paginated on a real forum; the page has no pagination.
const MAX_COMMENTS_PER_SUGGESTION = 300;
// Zipf exponent of suggestion popularity: rank r gets a share proportional to 1 / r^s.
const ZIPF = 0.95;

type Locale = "en" | "zh";

// ---------------------------------------------------------------------------------------
// Text templates.

const FEATURES: { en: string; zh: string; tag: string }[] = [
  { en: "dark mode", zh: "夜间模式", tag: "dark-mode" },
  { en: "battery saver", zh: "省电模式", tag: "battery" },
  { en: "fast charging", zh: "快速充电", tag: "charging" },
  { en: "night photos", zh: "夜景拍照", tag: "video" },
  { en: "notification grouping", zh: "通知分组", tag: "notifications" },
  { en: "app lock", zh: "应用锁", tag: "privacy" },
  { en: "gesture navigation", zh: "全面屏手势", tag: "gestures" },
  { en: "lock screen widgets", zh: "锁屏小部件", tag: "lock-screen" },
  { en: "always-on display", zh: "息屏显示", tag: "lock-screen" },
  { en: "video stabilization", zh: "视频防抖", tag: "video" },
  { en: "call recording", zh: "通话录音", tag: "privacy" },
  { en: "screen recorder", zh: "屏幕录制", tag: "video" },
  { en: "split screen", zh: "分屏模式", tag: "performance" },
  { en: "one-handed mode", zh: "单手模式", tag: "accessibility" },
  { en: "font size", zh: "字体大小", tag: "accessibility" },
  { en: "privacy dashboard", zh: "隐私面板", tag: "privacy" },
  { en: "clipboard history", zh: "剪贴板历史", tag: "customization" },
  { en: "Wi-Fi calling", zh: "无线网络通话", tag: "notifications" },
  { en: "home screen folders", zh: "桌面文件夹", tag: "customization" },
  { en: "storage cleaner", zh: "存储清理", tag: "performance" },
  { en: "gallery search", zh: "相册搜索", tag: "customization" },
  { en: "portrait blur", zh: "人像虚化", tag: "video" },
  { en: "keyboard haptics", zh: "键盘振动", tag: "customization" },
  { en: "quick settings tiles", zh: "快捷开关", tag: "widgets" },
  { en: "Do Not Disturb schedules", zh: "勿扰模式定时", tag: "notifications" },
  { en: "reading mode", zh: "阅读模式", tag: "accessibility" },
  { en: "app launch speed", zh: "应用启动速度", tag: "performance" },
  { en: "weather widget", zh: "天气小部件", tag: "widgets" },
];

const APPS: { en: string; zh: string }[] = [
  { en: "Camera", zh: "相机" },
  { en: "Gallery", zh: "相册" },
  { en: "Settings", zh: "设置" },
  { en: "Messages", zh: "短信" },
  { en: "Phone", zh: "电话" },
  { en: "Control Center", zh: "控制中心" },
  { en: "the lock screen", zh: "锁屏" },
  { en: "the launcher", zh: "桌面" },
  { en: "Files", zh: "文件管理" },
  { en: "Notes", zh: "便签" },
  { en: "Calendar", zh: "日历" },
];

type Fill = { f: string; a: string; n: number };
// `bug` templates report a problem (tagged "bug"), the others ask for something.
const TITLES: Record<Locale, { text: (x: Fill) => string; bug?: true }[]> = {
  en: [
    { text: ({ f, a }) => `Add ${f} to ${a}` },
    { text: ({ f }) => `Let us customize ${f}` },
    { text: ({ f }) => `${cap(f)} should remember my settings` },
    { text: ({ f }) => `Make ${f} faster` },
    { text: ({ f }) => `Option to turn off ${f}` },
    { text: ({ f, n }) => `${cap(f)} drains the battery since 3.${n}`, bug: true },
    { text: ({ f }) => `Bring back the old ${f}` },
    { text: ({ f }) => `Schedule ${f} by time of day` },
    { text: ({ f, a }) => `${cap(f)} in ${a} is hard to find` },
    { text: ({ f }) => `${cap(f)} stutters on older phones`, bug: true },
    { text: ({ f, a }) => `${cap(f)} resets after restarting ${a}`, bug: true },
  ],
  zh: [
    { text: ({ f, a }) => `希望${a}增加${f}` },
    { text: ({ f }) => `${f}能否支持自定义` },
    { text: ({ f }) => `建议优化${f}的速度` },
    { text: ({ f, n }) => `升级 3.${n} 后${f}耗电明显`, bug: true },
    { text: ({ f }) => `请恢复旧版${f}` },
    { text: ({ f, a }) => `${a}里的${f}入口太深` },
    { text: ({ f }) => `老机型上${f}卡顿`, bug: true },
    { text: ({ f }) => `${f}希望可以按时间自动开启` },
    { text: ({ f }) => `增加关闭${f}的选项` },
    { text: ({ f, a }) => `重启${a}后${f}设置丢失`, bug: true },
  ],
};

const BODY_SENTENCES: Record<Locale, ((x: Fill) => string)[]> = {
  en: [
    ({ f }) => `I use ${f} every day and it is the first thing I show friends.`,
    ({ f, a }) => `Right now ${f} in ${a} takes four taps to reach, which is too many.`,
    ({ n }) => `Tested on Sprout OS 3.${n} with a Sprout 12 Pro and a Sprout 10.`,
    ({ f }) => `Other phones already let you set ${f} per app.`,
    () => `Many people in my family asked about this too.`,
    ({ a }) => `A toggle in ${a} would be enough for me.`,
    ({ f }) => `When ${f} is on, the phone gets warm after about twenty minutes.`,
    () => `Steps: open the app, switch the setting, lock the phone, unlock it again.`,
  ],
  zh: [
    ({ f }) => `每天都在用${f}，也经常推荐给朋友。`,
    ({ f, a }) => `现在在${a}里打开${f}要点四下，太麻烦了。`,
    ({ n }) => `测试机型：Sprout 12 Pro，系统版本 3.${n}。`,
    ({ f }) => `别家的手机已经可以按应用单独设置${f}了。`,
    () => `身边好几个朋友也问过这个问题。`,
    ({ a }) => `在${a}里加一个开关就够了。`,
    ({ f }) => `开启${f}大概二十分钟后手机明显发热。`,
    () => `复现步骤：打开应用，切换设置，锁屏，再解锁。`,
  ],
};

const COMMENTS: Record<Locale, ((x: Fill) => string)[]> = {
  en: [
    () => `+1, I want this too.`,
    ({ f }) => `Same here. ${cap(f)} is the one thing I miss from my old phone.`,
    ({ n }) => `Still happening on 3.${n}.`,
    () => `Please! This would make my mornings so much easier.`,
    ({ a }) => `A workaround for now: long-press the tile in ${a}.`,
    ({ f }) => `I would rather have ${f} off by default, but an option is fine.`,
    () => `Can confirm on a Sprout 10, with logs attached in the bug report.`,
    () => `This is the most requested thing in our local fan club.`,
    ({ f }) => `Does anyone know whether ${f} is coming to older models?`,
    () => `Voted. Thanks for writing it up so clearly.`,
  ],
  zh: [
    () => `+1，同求。`,
    ({ f }) => `一样，${f}是我最想要的功能。`,
    ({ n }) => `3.${n} 上依然存在。`,
    () => `强烈支持！每天都会用到。`,
    ({ a }) => `临时办法：在${a}里长按快捷开关。`,
    ({ f }) => `希望${f}默认关闭，但提供选项也可以。`,
    () => `Sprout 10 上可以复现，日志已经提交。`,
    () => `我们同城粉丝群里呼声最高的就是这个。`,
    ({ f }) => `有人知道老机型会不会支持${f}吗？`,
    () => `已投票，感谢整理得这么清楚。`,
  ],
};

const OFFICIAL: Record<Locale, { answer: string; shipped: (release: string) => string; declined: string }> = {
  en: {
    answer: "Thanks for the detailed suggestion! The team has it on the list for review.",
    shipped: (release) => `This is live in ${release}. Thank you all for asking for it!`,
    declined: "We looked at this closely, but it conflicts with how the system saves power, so we will not build it for now.",
  },
  zh: {
    answer: "感谢详细的建议！团队已记录，会尽快评估。",
    shipped: (release) => `已在 ${release} 上线，感谢大家的支持！`,
    declined: "我们仔细评估过，这与系统的省电策略冲突，暂不考虑实现。",
  },
};

const RATING_COMMENTS: Record<Locale, string[]> = {
  en: ["Works great, thank you!", "Good start, needs a shortcut.", "Exactly what I asked for.", "A bit slow on my phone."],
  zh: ["非常好用，谢谢！", "不错，希望再加个快捷入口。", "正是我想要的。", "我的手机上有点慢。"],
};

const NAMES = {
  en: {
    first: ["Alex", "Sam", "Mia", "Noah", "Emma", "Liam", "Olivia", "Lucas", "Ava", "Ethan", "Sofia", "Leo", "Chloe", "Ryan", "Grace", "Omar", "Nina", "Tom"],
    last: ["Smith", "Brown", "Garcia", "Khan", "Miller", "Novak", "Silva", "Tanaka", "Berg", "Walker", "Lopez", "Kim", "Rossi", "Dubois"],
  },
  zh: {
    surnames: [["王", "wang"], ["李", "li"], ["张", "zhang"], ["刘", "liu"], ["陈", "chen"], ["杨", "yang"], ["赵", "zhao"], ["黄", "huang"], ["周", "zhou"], ["吴", "wu"], ["徐", "xu"], ["孙", "sun"]],
    given: [["伟", "wei"], ["芳", "fang"], ["娜", "na"], ["敏", "min"], ["静", "jing"], ["磊", "lei"], ["洋", "yang"], ["杰", "jie"], ["婷", "ting"], ["浩", "hao"], ["雪", "xue"], ["欣", "xin"], ["宇", "yu"], ["晨", "chen"]],
  },
};

function cap(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------
// Progress on stderr: one redrawn bar on a terminal, a line per step otherwise.

function createProgress(enabled: boolean) {
  const tty = process.stderr.isTTY;
  let label = "";
  let last = 0;
  return {
    step(name: string) {
      if (!enabled) return;
      if (tty && label) process.stderr.write("\n");
      label = name;
      if (!tty) process.stderr.write(`seed: ${name}…\n`);
      else this.tick(0, 1);
    },
    tick(done: number, total: number) {
      if (!enabled || !tty) return;
      const t = Date.now();
      if (done < total && t - last < 100) return;
      last = t;
      const width = 30;
      const filled = Math.round((done / Math.max(1, total)) * width);
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      process.stderr.write(`\r${label.padEnd(22)} ${bar} ${String(Math.round((done / Math.max(1, total)) * 100)).padStart(3)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")}  `);
    },
    end() {
      if (enabled && tty && label) process.stderr.write("\n");
    },
  };
}

// ---------------------------------------------------------------------------------------

export type LargeSeedSummary = {
  size: SeedSize;
  // Where the generated suggestions start, after the demo community's.
  firstSuggestionId: number;
  members: number;
  boards: number;
  suggestions: number;
  votes: number;
  comments: number;
  statusChanges: number;
  releases: number;
  ratings: number;
  badgeGrants: number;
  invitations: number;
  activityDays: number;
  seconds: number;
};

// The statuses a suggestion went through after open, and how old it must at least be (days)
// to have got that far; younger ones stay open.
const PATHS: Record<SuggestionStatus, { path: SuggestionStatus[]; minAgeDays: number; share: number }> = {
  open: { path: [], minAgeDays: 0, share: 0.52 },
  under_review: { path: ["under_review"], minAgeDays: 1, share: 0.13 },
  planned: { path: ["under_review", "planned"], minAgeDays: 5, share: 0.07 },
  in_progress: { path: ["under_review", "planned", "in_progress"], minAgeDays: 10, share: 0.05 },
  shipped: { path: ["under_review", "planned", "in_progress", "shipped"], minAgeDays: 20, share: 0.08 },
  declined: { path: ["under_review", "declined"], minAgeDays: 2, share: 0.09 },
  duplicate: { path: ["duplicate"], minAgeDays: 0, share: 0.06 },
};
const STATUSES = Object.keys(PATHS) as SuggestionStatus[];
const STATUS_CODE = new Map(STATUSES.map((s, i) => [s, i]));
const CLOSED = new Set<SuggestionStatus>(["shipped", "declined", "duplicate"]);
const ADOPTED = new Set<SuggestionStatus>(["planned", "in_progress", "shipped"]);
const DECISIONS = new Set<SuggestionStatus>(["planned", "in_progress", "shipped", "declined", "duplicate"]);
// Popularity boost by status: what gets adopted was wanted.
const APPEAL: Record<SuggestionStatus, number> = { open: 1, under_review: 1.5, planned: 4, in_progress: 4, shipped: 6, declined: 0.7, duplicate: 0.15 };

const EXTRA_BOARDS = [
  { slug: "apps-services", nameEn: "Apps & Services", nameZh: "应用与服务", descriptionEn: "Built-in apps, the app store, cloud and accounts.", descriptionZh: "系统应用、应用商店、云服务与账号。", visibility: "public" },
  { slug: "connectivity", nameEn: "Connectivity", nameZh: "网络与连接", descriptionEn: "Wi-Fi, mobile data, Bluetooth, NFC and hotspots.", descriptionZh: "无线网络、移动数据、蓝牙、NFC 与热点。", visibility: "public" },
  { slug: "security-privacy", nameEn: "Security & Privacy", nameZh: "安全与隐私", descriptionEn: "Permissions, app lock, the privacy dashboard and updates.", descriptionZh: "权限、应用锁、隐私面板与安全更新。", visibility: "public" },
  { slug: "beta-lab", nameEn: "Beta Lab", nameZh: "内测实验室", descriptionEn: "Early builds for the honorary development group.", descriptionZh: "荣誉开发组的内测版本。", visibility: "early_access" },
] as const;

/**
 * Adds a forum at scale to an empty, migrated database. `progress` draws a bar on stderr.
 */
export async function seedLarge(db: Db, options: { size: SeedSize; now?: Date; seed?: number; progress?: boolean }): Promise<LargeSeedSummary> {
  const started = performance.now();
  const f = SCALE[options.size];
  const nowDate = options.now ?? new Date();
  const now = nowDate.getTime();
  const random = createRandom(options.seed ?? 8_2024);
  const progress = createProgress(options.progress ?? false);
  const raw = db.$client;

  progress.step("demo community");
  await seedDemoData(db, { now: nowDate });
  const memberHash = await hashPassword(DEMO_MEMBER_PASSWORD);

  raw.pragma("journal_mode = OFF");
  raw.pragma("synchronous = OFF");
  raw.pragma("cache_size = -262144");
  raw.pragma("temp_store = MEMORY");
  raw.pragma("foreign_keys = OFF");
  const searchTriggers = ftsTriggers();
  for (const name of searchTriggers.keys()) raw.exec(`DROP TRIGGER IF EXISTS ${name}`);

  const maxId = (table: string) => (raw.prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n;
  const countOf = (table: string) => (raw.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const inTransaction = (work: () => void) => raw.transaction(work)();

  // ---- Members: staff first, then members joining over two years, ever faster.
  const memberCount = Math.max(20, Math.round(LARGE.members * f) - countOf("users"));
  const firstUserId = maxId("users") + 1;
  const team = { staff: Math.max(2, Math.round(20 * f)), leads: 2, admins: 1 };
  const teamSize = team.staff + team.leads + team.admins;
  const joinedAt = new Float64Array(memberCount);
  const memberLocale = new Uint8Array(memberCount); // 0 en, 1 zh
  {
    const offsets = Array.from({ length: memberCount - teamSize }, () => 730 * DAY * random.next() ** 1.6);
    offsets.sort((a, b) => b - a);
    for (let i = 0; i < teamSize; i++) joinedAt[i] = now - 760 * DAY + i * HOUR;
    for (let i = teamSize; i < memberCount; i++) joinedAt[i] = now - offsets[i - teamSize] - HOUR;
  }
  progress.step("members");
  const insertUser = raw.prepare(
    `insert into users (id, username, display_name, email, password_hash, role, locale, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  inTransaction(() => {
    for (let i = 0; i < memberCount; i++) {
      const id = firstUserId + i;
      const zh = random.chance(0.45);
      memberLocale[i] = zh ? 1 : 0;
      let username: string;
      let displayName: string;
      if (zh) {
        const [sc, sp] = random.pick(NAMES.zh.surnames);
        const [gc, gp] = random.pick(NAMES.zh.given);
        username = `${sp}${gp}${id}`;
        displayName = `${sc}${gc}`;
      } else {
        const first = random.pick(NAMES.en.first);
        const last = random.pick(NAMES.en.last);
        username = `${first}_${last}${id}`.toLowerCase();
        displayName = `${first} ${last}`;
      }
      const role = i < team.staff ? "staff" : i < team.staff + team.leads ? "lead" : i < teamSize ? "admin" : "member";
      if (role !== "member") displayName += zh ? "（Sprout 团队）" : " (Sprout team)";
      insertUser.run(id, username, displayName, `${username}@example.com`, memberHash, role, zh ? "zh" : "en", Math.round(joinedAt[i]));
      progress.tick(i + 1, memberCount);
    }
  });
  // Members who joined before `at`: a prefix of the join-ordered members.
  const joinedBefore = (at: number) => {
    let lo = 0;
    let hi = memberCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (joinedAt[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const staffIndex = () => Math.floor(random.next() * team.staff);

  // ---- Boards, tags, releases (a weekly build for a year).
  progress.step("boards and releases");
  const insertBoard = raw.prepare(
    `insert into boards (slug, name_en, name_zh, description_en, description_zh, position, visibility, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  inTransaction(() => {
    let position = countOf("boards");
    for (const b of EXTRA_BOARDS) insertBoard.run(b.slug, b.nameEn, b.nameZh, b.descriptionEn, b.descriptionZh, position++, b.visibility, now - 760 * DAY);
  });
  const boardRows = raw.prepare(`select id, visibility from boards order by position, id`).all() as { id: number; visibility: string }[];
  // The early-access board is small: the honorary group is.
  const boardWeights = boardRows.map((b) => (b.visibility === "public" ? 1 : 0.1));
  const tagIds = new Map((raw.prepare(`select id, slug from tags`).all() as { id: number; slug: string }[]).map((t) => [t.slug, t.id]));
  const releaseCount = 52;
  const releaseAt = Array.from({ length: releaseCount }, (_, k) => now - (releaseCount - k) * 7 * DAY + 2 * DAY);
  const firstReleaseId = maxId("releases") + 1;
  const insertRelease = raw.prepare(`insert into releases (id, name, notes, released_at, created_by_id, created_at) values (?, ?, ?, ?, ?, ?)`);
  const releaseName = (k: number) => `Sprout OS 4.${k + 1} (weekly)`;
  inTransaction(() => {
    releaseAt.forEach((at, k) =>
      insertRelease.run(firstReleaseId + k, releaseName(k), "Weekly build with community features.", at, firstUserId, at - DAY),
    );
  });

  // ---- Suggestions: when, where, by whom, in which status; oldest first, so ids follow time.
  const suggestionCount = Math.round(LARGE.suggestions * f) - countOf("suggestions");
  const firstSuggestionId = maxId("suggestions") + 1;
  const created = new Float64Array(suggestionCount);
  {
    // A growing forum: more posts lately.
    const ages = Array.from({ length: suggestionCount }, () => 365 * DAY * random.next() ** 1.3 + 10 * 60_000);
    ages.sort((a, b) => b - a);
    ages.forEach((age, i) => (created[i] = now - age));
  }
  const author = new Int32Array(suggestionCount);
  const status = new Uint8Array(suggestionCount);
  const closedAt = new Float64Array(suggestionCount); // voting ends here (now if open)
  const sLocale = new Uint8Array(suggestionCount);
  const feature = new Uint8Array(suggestionCount);
  const firstOfficial = new Float64Array(suggestionCount); // 0: none
  const shippedRelease = new Int32Array(suggestionCount).fill(-1);
  const changeTimes: number[][] = new Array(suggestionCount);

  progress.step("suggestions");
  const insertSuggestion = raw.prepare(
    `insert into suggestions (id, board_id, author_id, title, body, status, duplicate_of_id, first_official_reply_at, first_decision_at, shipped_at, release_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = raw.prepare(`insert into suggestion_tags (suggestion_id, tag_id) values (?, ?)`);
  const insertChange = raw.prepare(
    `insert into status_changes (suggestion_id, actor_id, from_status, to_status, note, created_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const insertMerge = raw.prepare(
    `insert into merges (source_id, target_id, actor_id, source_status_before, note, created_at) values (?, ?, ?, 'open', ?, ?)`,
  );
  const boardOf = new Int32Array(suggestionCount);
  inTransaction(() => {
    for (let i = 0; i < suggestionCount; i++) {
      const id = firstSuggestionId + i;
      const at = created[i];
      const pool = Math.max(1, joinedBefore(at - HOUR) - teamSize);
      // The earliest members post the most.
      const a = teamSize + Math.min(pool - 1, Math.floor(pool * random.next() ** 2.2));
      author[i] = a;
      const zh = random.chance(memberLocale[a] ? 0.92 : 0.08);
      sLocale[i] = zh ? 1 : 0;
      const locale: Locale = zh ? "zh" : "en";
      let st = random.weightedPick(STATUSES, (s) => PATHS[s].share);
      if ((now - at) / DAY < PATHS[st].minAgeDays || (st === "duplicate" && i < 10)) st = "open";
      status[i] = STATUS_CODE.get(st)!;
      const featureIndex = Math.floor(random.next() * FEATURES.length);
      feature[i] = featureIndex;
      const fill: Fill = { f: FEATURES[featureIndex][locale], a: random.pick(APPS)[locale], n: 1 + Math.floor(random.next() * 9) };
      const template = random.pick(TITLES[locale]);
      const sentences = random.shuffle(BODY_SENTENCES[locale]).slice(0, 2 + Math.floor(random.next() * 3));
      const body = sentences.map((s) => s(fill)).join(zh ? "" : " ");
      const board = random.weightedPick(boardRows, (_, k) => boardWeights[k]).id;
      boardOf[i] = board;

      // Staff answer within hours; only open suggestions may still be waiting.
      const answeredAt = at + random.between(0.5, 30) * HOUR;
      const answered = st !== "open" || (answeredAt < now && random.chance(0.45));
      firstOfficial[i] = answered ? Math.min(answeredAt, now - 60_000) : 0;
      const times: number[] = [];
      const path = PATHS[st].path;
      if (path.length) {
        const firstAt = Math.min(firstOfficial[i] + random.between(5, 90) * 60_000, now - 30_000);
        times.push(firstAt);
        for (let k = 1; k < path.length; k++) times.push(random.between(firstAt, now - 60_000));
        times.sort((x, y) => x - y);
      }
      let releaseId: number | null = null;
      if (st === "shipped") {
        // Ships with the first weekly build after development started.
        const k = releaseAt.findIndex((r) => r > times[times.length - 2]);
        const release = k >= 0 && releaseAt[k] < now ? k : -1;
        if (release >= 0) {
          shippedRelease[i] = release;
          times[times.length - 1] = releaseAt[release];
          releaseId = firstReleaseId + release;
        }
      }
      changeTimes[i] = times;
      closedAt[i] = CLOSED.has(st) ? times[times.length - 1] : now;
      const firstDecision = path.findIndex((s) => DECISIONS.has(s));
      // A duplicate repeats an earlier suggestion on the same board (or any earlier one).
      const target = st === "duplicate" ? firstSuggestionId + Math.floor(random.next() * i) : null;
      insertSuggestion.run(
        id,
        board,
        firstUserId + a,
        template.text(fill).slice(0, 140),
        body,
        st,
        target,
        firstOfficial[i] || null,
        firstDecision >= 0 ? Math.round(times[firstDecision]) : null,
        st === "shipped" ? Math.round(closedAt[i]) : null,
        releaseId,
        Math.round(at),
      );
      insertTag.run(id, tagIds.get(FEATURES[featureIndex].tag)!);
      if (template.bug) insertTag.run(id, tagIds.get("bug")!);
      const owner = firstUserId + staffIndex();
      let from: SuggestionStatus = "open";
      path.forEach((to, k) => {
        const note = to === "declined" ? OFFICIAL[locale].declined : to === "duplicate" ? `#${target}` : "";
        insertChange.run(id, owner, from, to, note, Math.round(times[k]));
        from = to;
      });
      if (target !== null) insertMerge.run(id, target, owner, `#${target}`, Math.round(times[0]));
      progress.tick(i + 1, suggestionCount);
    }
  });

  // ---- Votes: Zipf popularity by a rank that favours what got adopted; every author votes
  // for their own suggestion; voters are members who had joined while voting was open.
  const voteTarget = Math.round(LARGE.votes * f) - countOf("votes");
  const eligibleAt = (i: number) => joinedBefore(closedAt[i]);
  const appeal = Array.from({ length: suggestionCount }, (_, i) => ({ i, key: random.next() ** (1 / APPEAL[STATUSES[status[i]]]) }));
  appeal.sort((x, y) => y.key - x.key);
  const weight = new Float64Array(suggestionCount);
  appeal.forEach(({ i }, rank) => (weight[i] = 1 / (rank + 1) ** ZIPF));
  const voteCount = allocate(random, weight, voteTarget - suggestionCount, (i) => Math.max(0, Math.floor(eligibleAt(i) * 0.6) - 1));
  const ratingsFrom: number[][] = [];

  progress.step("votes");
  const insertVote = raw.prepare(`insert into votes (suggestion_id, user_id, created_at) values (?, ?, ?)`);
  const votesReceived = new Int32Array(suggestionCount);
  let votesDone = 0;
  const totalVotes = voteCount.reduce((sum, n) => sum + n + 1, 0);
  inTransaction(() => {
    for (let i = 0; i < suggestionCount; i++) {
      const id = firstSuggestionId + i;
      const start = created[i];
      const end = closedAt[i];
      insertVote.run(id, firstUserId + author[i], Math.round(start));
      const eligible = eligibleAt(i);
      const wanted = Math.min(voteCount[i], eligible - 1);
      // A random stride through the eligible members visits each at most once.
      let step = 1 + Math.floor(random.next() * Math.max(1, eligible - 1));
      while (gcd(step, eligible) !== 1) step++;
      let k = Math.floor(random.next() * eligible);
      const raters: number[] = [];
      let cast = 1;
      for (let n = 0; n < wanted + 1 && cast <= wanted; n++) {
        k = (k + step) % eligible;
        if (k === author[i]) continue;
        const from = Math.max(start, joinedAt[k] + 60_000);
        const at = Math.min(end, from + (end - from) * random.next() ** 2);
        insertVote.run(id, firstUserId + k, Math.round(at));
        cast++;
        if (STATUSES[status[i]] === "shipped" && raters.length < 400 && random.chance(0.25)) raters.push(k);
      }
      votesReceived[i] = cast;
      ratingsFrom[i] = raters;
      votesDone += cast;
      progress.tick(votesDone, totalVotes);
    }
  });

  // ---- Comments: follow the votes (a thread grows with attention), capped like a page.
  const officialCount = firstOfficial.reduce((n, t) => n + (t ? 1 : 0), 0) + shippedRelease.reduce((n, r) => n + (r >= 0 ? 1 : 0), 0);
  const commentTarget = Math.round(LARGE.comments * f) - countOf("comments") - officialCount;
  const commentWeight = Float64Array.from(votesReceived, (v) => v ** 0.8);
  const commentCount = allocate(random, commentWeight, commentTarget, () => MAX_COMMENTS_PER_SUGGESTION);
  const helpful = new Int32Array(memberCount);

  progress.step("comments");
  const firstCommentId = maxId("comments") + 1;
  const insertComment = raw.prepare(
    `insert into comments (id, suggestion_id, author_id, parent_id, body, is_official, is_helpful, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let commentId = firstCommentId;
  const totalComments = commentCount.reduce((sum, n) => sum + n, 0) + officialCount;
  inTransaction(() => {
    for (let i = 0; i < suggestionCount; i++) {
      const id = firstSuggestionId + i;
      const locale: Locale = sLocale[i] ? "zh" : "en";
      const start = created[i];
      const end = Math.min(now - 60_000, closedAt[i] + (CLOSED.has(STATUSES[status[i]]) ? 14 * DAY : 0));
      const thread: { at: number; official?: string }[] = [];
      for (let n = 0; n < commentCount[i]; n++) thread.push({ at: start + (end - start) * random.next() ** 1.5 });
      if (firstOfficial[i]) thread.push({ at: firstOfficial[i], official: OFFICIAL[locale].answer });
      if (shippedRelease[i] >= 0) thread.push({ at: closedAt[i], official: OFFICIAL[locale].shipped(releaseName(shippedRelease[i])) });
      thread.sort((x, y) => x.at - y.at);
      const threadIds: number[] = [];
      const eligible = joinedBefore(end);
      for (const c of thread) {
        const fill: Fill = { f: FEATURES[feature[i]][locale], a: random.pick(APPS)[locale], n: 1 + Math.floor(random.next() * 9) };
        let by: number;
        let body: string;
        if (c.official) {
          by = staffIndex();
          body = c.official;
        } else {
          by = teamSize + Math.floor(Math.max(1, eligible - teamSize) * random.next() ** 1.5);
          body = random.pick(COMMENTS[random.chance(0.9) ? locale : locale === "zh" ? "en" : "zh"])(fill);
        }
        const isHelpful = !c.official && random.chance(0.03);
        if (isHelpful) helpful[by]++;
        const parent = !c.official && threadIds.length && random.chance(0.15) ? random.pick(threadIds) : null;
        insertComment.run(commentId, id, firstUserId + by, parent, body, c.official ? 1 : 0, isHelpful ? 1 : 0, Math.round(Math.max(c.at, start + 1)));
        threadIds.push(commentId++);
      }
      progress.tick(commentId - firstCommentId, totalComments);
    }
  });

  // ---- Ratings of shipped features by people who voted for them.
  progress.step("ratings");
  const insertRating = raw.prepare(`insert into ratings (suggestion_id, user_id, score, comment, created_at) values (?, ?, ?, ?, ?)`);
  const ratingsGiven = new Int32Array(memberCount);
  inTransaction(() => {
    for (let i = 0; i < suggestionCount; i++) {
      const raters = ratingsFrom[i];
      if (!raters?.length || shippedRelease[i] < 0) continue;
      for (const k of raters) {
        const score = random.weightedPick([1, 2, 3, 4, 5], (_, s) => [4, 6, 13, 32, 45][s]);
        const comment = random.chance(0.3) ? random.pick(RATING_COMMENTS[memberLocale[k] ? "zh" : "en"]) : "";
        insertRating.run(firstSuggestionId + i, firstUserId + k, score, comment, Math.round(closedAt[i] + (now - closedAt[i]) * random.next() ** 2));
        ratingsGiven[k]++;
      }
      progress.tick(i + 1, suggestionCount);
    }
  });

  // ---- Invitations: scarce codes from active members; some opened, joined, activated.
  progress.step("invitations");
  const invitationCount = Math.round(LARGE.invitations * f) - countOf("invitations");
  const insertInvitation = raw.prepare(
    `insert into invitations (inviter_id, code, invitee_id, created_at, expires_at, opened_at, joined_at, activated_at, rewarded_at, reward_withheld)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const markInvited = raw.prepare(`update users set invited_by_id = ?, signup_source = 'invitation' where id = ?`);
  const activeInvitees = new Int32Array(memberCount);
  // Rewarded invitations earn honor points on both sides (app/features/honors/rules/levels.ts).
  const invitationRewards = new Int32Array(memberCount);
  const invited = new Uint8Array(memberCount);
  inTransaction(() => {
    for (let n = 0; n < invitationCount; n++) {
      const at = now - 360 * DAY * random.next();
      const pool = Math.max(1, joinedBefore(at) - teamSize);
      const inviter = teamSize + Math.floor(pool * random.next() ** 2);
      let invitee: number | null = null;
      let opened: number | null = null;
      let joined: number | null = null;
      let activated: number | null = null;
      if (random.chance(0.6)) opened = at + random.between(0.1, 72) * HOUR;
      if (opened && random.chance(0.55)) {
        // Someone who joined right after the invitation was opened.
        const k = joinedBefore(opened);
        if (k < memberCount && !invited[k] && k !== inviter) {
          invitee = k;
          invited[k] = 1;
          joined = joinedAt[k];
          if (random.chance(0.5)) activated = Math.min(now - 60_000, joined + random.between(1, 20) * DAY);
        }
      }
      const withheld = activated && random.chance(0.05) ? "shared_address" : null;
      const rewarded = activated && !withheld ? activated + HOUR : null;
      insertInvitation.run(
        firstUserId + inviter,
        `inv-${(n + 1).toString(36)}-${Math.floor(random.next() * 36 ** 5).toString(36)}`,
        invitee === null ? null : firstUserId + invitee,
        Math.round(at),
        Math.round(at + 30 * DAY),
        opened && Math.round(Math.min(opened, now - 60_000)),
        joined && Math.round(joined),
        activated && Math.round(activated),
        rewarded && Math.round(Math.min(rewarded, now - 60_000)),
        withheld,
      );
      if (invitee !== null) markInvited.run(firstUserId + inviter, firstUserId + invitee);
      if (activated) activeInvitees[inviter]++;
      if (rewarded && invitee !== null) {
        invitationRewards[inviter]++;
        invitationRewards[invitee]++;
      }
      progress.tick(n + 1, invitationCount);
    }
  });

  // ---- A year of days active: a few regulars come daily, most members now and then.
  progress.step("days active");
  const insertDay = raw.prepare(`insert into activity_days (user_id, day) values (?, ?)`);
  const today = Math.floor(now / DAY);
  const dayNames = Array.from({ length: 366 }, (_, k) => activityDay(new Date((today - k) * DAY)));
  const daysActive = new Int32Array(memberCount);
  const recentDays = new Int32Array(memberCount);
  const longest = new Int32Array(memberCount);
  const lastDay = new Int32Array(memberCount).fill(-1); // days ago
  inTransaction(() => {
    for (let m = 0; m < memberCount; m++) {
      const rate = m < teamSize || random.chance(0.005) ? 0.95 : 0.3 * random.next() ** 5;
      const firstDay = Math.min(365, Math.floor((now - joinedAt[m]) / DAY));
      let run = 0;
      for (let ago = firstDay; ago >= 0; ago--) {
        if (!random.chance(rate)) {
          run = 0;
          continue;
        }
        insertDay.run(firstUserId + m, dayNames[ago]);
        daysActive[m]++;
        if (ago < 100) recentDays[m]++;
        run++;
        longest[m] = Math.max(longest[m], run);
        lastDay[m] = ago;
      }
      progress.tick(m + 1, memberCount);
    }
  });

  // ---- Counters from the rows, exactly as the app keeps them.
  progress.step("counters");
  raw.exec(`
    update suggestions set
      vote_count = (select count(*) from votes where suggestion_id = suggestions.id),
      comment_count = (select count(*) from comments where suggestion_id = suggestions.id)
    where id >= ${firstSuggestionId}`);

  // ---- Honors by the app's own rules (badges.ts, levels.ts) from each member's facts.
  progress.step("honors");
  const bySuggestionOf = new Map<number, number[]>();
  for (let i = 0; i < suggestionCount; i++) {
    const list = bySuggestionOf.get(author[i]) ?? [];
    list.push(i);
    bySuggestionOf.set(author[i], list);
  }
  const insertGrant = raw.prepare(`insert or ignore into badge_grants (user_id, badge_id, suggestion_id, granted_at) values (?, ?, ?, ?)`);
  const setHonor = raw.prepare(`update users set honor_points = ?, honor_level = ?, honor_level_since = ? where id = ?`);
  inTransaction(() => {
    for (let m = teamSize; m < memberCount; m++) {
      const own = bySuggestionOf.get(m) ?? [];
      const votesBySuggestion: Record<number, number> = {};
      for (const i of own) votesBySuggestion[firstSuggestionId + i] = votesReceived[i] - 1; // not their own vote
      const ids = (pick: (s: SuggestionStatus) => boolean) => own.filter((i) => pick(STATUSES[status[i]])).map((i) => firstSuggestionId + i);
      const facts: MemberFacts = {
        now: nowDate,
        joinedAt: new Date(joinedAt[m]),
        memberNumber: firstUserId + m,
        suggestionsPosted: own.length,
        adoptedSuggestionIds: ids((s) => ADOPTED.has(s)),
        shippedSuggestionIds: ids((s) => s === "shipped"),
        votesBySuggestion,
        helpfulReplies: helpful[m],
        ratingsGiven: ratingsGiven[m],
        activeInvitees: activeInvitees[m],
        invitationRewards: invitationRewards[m],
        daysActive: daysActive[m],
        recentDaysActive: recentDays[m],
        longestStreak: longest[m],
        lastActiveDay: lastDay[m] >= 0 ? dayNames[lastDay[m]] : null,
        resolvedComplaintsAt: [],
      };
      const contribution: Contribution = {
        shipped: facts.shippedSuggestionIds.length,
        adopted: facts.adoptedSuggestionIds.length,
        votesReceived: Object.values(votesBySuggestion).reduce((sum, n) => sum + n, 0),
        helpfulReplies: facts.helpfulReplies,
        ratingsGiven: facts.ratingsGiven,
        daysActive: facts.daysActive,
        invitationRewards: facts.invitationRewards,
        recentDaysActive: facts.recentDaysActive,
      };
      const points = honorPointsFor(contribution);
      setHonor.run(points, honorLevelFor(points, contribution), now, firstUserId + m);
      for (const grant of badgesEarned(facts)) {
        insertGrant.run(firstUserId + m, grant.badgeId, grant.suggestionId, Math.round(now - random.between(0, 300) * DAY));
      }
      progress.tick(m + 1, memberCount);
    }
  });

  // ---- Full-text index: exactly what the triggers build, one row per suggestion with its
  // comments appended in insertion order, each after a newline.
  progress.step("search index");
  raw.exec(`DELETE FROM suggestion_search`);
  raw.exec(`
    INSERT INTO suggestion_search (rowid, title, body, comments)
    SELECT s.id, s.title, s.body, coalesce(c.text, '')
    FROM suggestions s
    LEFT JOIN (SELECT suggestion_id, char(10) || group_concat(body, char(10) ORDER BY id) AS text FROM comments GROUP BY suggestion_id) c
      ON c.suggestion_id = s.id`);
  raw.exec(`INSERT INTO suggestion_search (suggestion_search) VALUES ('optimize')`);
  for (const statement of searchTriggers.values()) raw.exec(statement);

  progress.step("analyze");
  raw.exec("ANALYZE");
  raw.pragma("foreign_keys = ON");
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  progress.end();

  return {
    size: options.size,
    firstSuggestionId,
    members: countOf("users"),
    boards: countOf("boards"),
    suggestions: countOf("suggestions"),
    votes: countOf("votes"),
    comments: countOf("comments"),
    statusChanges: countOf("status_changes"),
    releases: countOf("releases"),
    ratings: countOf("ratings"),
    badgeGrants: countOf("badge_grants"),
    invitations: countOf("invitations"),
    activityDays: countOf("activity_days"),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

export function describeLargeSeed(summary: LargeSeedSummary): string {
  const n = (x: number) => x.toLocaleString("en");
  return [
    `${n(summary.members)} members`,
    `${n(summary.boards)} boards`,
    `${n(summary.suggestions)} suggestions`,
    `${n(summary.votes)} votes`,
    `${n(summary.comments)} comments`,
    `${n(summary.statusChanges)} status changes`,
    `${n(summary.releases)} releases`,
    `${n(summary.ratings)} ratings`,
    `${n(summary.badgeGrants)} badge grants`,
    `${n(summary.invitations)} invitations`,
    `${n(summary.activityDays)} days active`,
  ].join(", ");
}

// The search triggers of migration 0001, by name, as written there: dropped for the bulk
// load and recreated from the same text, so the schema ends up exactly as migrated.
function ftsTriggers(): Map<string, string> {
  const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER, "0001_search_index.sql"), "utf8");
  const triggers = new Map<string, string>();
  for (const statement of migration.split("--> statement-breakpoint")) {
    const name = /CREATE TRIGGER `([^`]+)`/.exec(statement)?.[1];
    if (name) triggers.set(name, statement.trim());
  }
  if (triggers.size === 0) throw new Error("no search triggers found in migration 0001");
  return triggers;
}

// Splits `total` over items in proportion to their weights, each capped, with random rounding:
// the scale is found by bisection so that the parts add up to (almost exactly) the total.
function allocate(random: Random, weights: Float64Array, total: number, cap: (i: number) => number): Int32Array {
  const n = weights.length;
  const caps = Int32Array.from({ length: n }, (_, i) => cap(i));
  const jitter = Float64Array.from({ length: n }, () => random.next());
  const sum = (scale: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.min(caps[i], Math.floor(weights[i] * scale + jitter[i]));
    return s;
  };
  let lo = 0;
  let hi = 1;
  while (sum(hi) < total && hi < 1e15) hi *= 2;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) < total) lo = mid;
    else hi = mid;
  }
  return Int32Array.from({ length: n }, (_, i) => Math.max(0, Math.min(caps[i], Math.floor(weights[i] * hi + jitter[i]))));
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
