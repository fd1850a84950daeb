// Sprout's demo data: one product (Sprout Phone OS), its boards and tags, a community of
// members, and six months of suggestions with votes, comments, official replies and status
// history. The data obeys the app's own rules (counters equal their rows, lifecycle paths
// are valid, voting stops when a suggestion closes), so every page looks like a real
// forum from the first start. Deterministic: a seeded PRNG and times relative to `now`.
//
// Run directly (`npm run db:seed`) it fills DATABASE_URL, but only when it has no users.
import { pathToFileURL } from "node:url";
import { count, eq } from "drizzle-orm";
import { env } from "../app/env.server";
import { hashPassword } from "../app/passwords.server";
import { migrateDatabase, openDatabase, type Db } from "./client";
import { seedEarlyAccess } from "./seed-early-access";
import { seedCampaigns } from "./seed-campaigns";
import { seedHonors } from "./seed-honors";
import { seedInvitations } from "./seed-invitations";
import { seedScoreHistory } from "./seed-scores";
import {
  boards,
  comments,
  complaintMessages,
  complaints,
  merges,
  ratings,
  releases,
  statusChanges,
  suggestionCredits,
  suggestions,
  suggestionTags,
  tags,
  users,
  votes,
  type Role,
  type SuggestionStatus,
} from "./schema";

// ---------------------------------------------------------------------------------------
// Demo logins, printed by `npm start` and used by tests.

export const DEMO_ACCOUNTS = [
  { username: "fan", password: "sprout-fan-demo", role: "member", displayName: "Sprout Fan" },
  { username: "staff", password: "sprout-staff-demo", role: "staff", displayName: "Mia Zhang (Sprout team)" },
  { username: "lead", password: "sprout-lead-demo", role: "lead", displayName: "David Wu (Product lead)" },
  { username: "admin", password: "sprout-admin-demo", role: "admin", displayName: "Sprout Admin" },
] as const satisfies readonly { username: string; password: string; role: Role; displayName: string }[];

// Everyone else in the demo community (including the second staff member) shares one
// password, so the whole community can be explored and scrypt runs only once for them.
export const DEMO_MEMBER_PASSWORD = "sprout-member-demo";

const SECOND_STAFF = { username: "lin_yu", displayName: "Lin Yu (Sprout team)", locale: "zh" } as const;

type Locale = "en" | "zh";

// In the order they joined: the earliest members are also the most active.
const MEMBERS: { username: string; displayName: string; locale: Locale; bio?: string }[] = [
  { username: "alex_chen", displayName: "Alex Chen", locale: "en", bio: "Night photographer. Sprout 12 Pro since launch day." },
  { username: "zhangwei", displayName: "张伟", locale: "zh", bio: "玩机十年，内测组老用户。" },
  { username: "mia_k", displayName: "Mia Kowalski", locale: "en" },
  { username: "li_na", displayName: "李娜", locale: "zh" },
  { username: "jonas_photo", displayName: "Jonas Berg", locale: "en", bio: "Landscapes, mostly in bad weather." },
  { username: "wangfang88", displayName: "王芳", locale: "zh" },
  { username: "priya_dev", displayName: "Priya Natarajan", locale: "en", bio: "Android developer. I file bugs with logs attached." },
  { username: "liuyang_sz", displayName: "刘洋", locale: "zh", bio: "深圳，手游玩家。" },
  { username: "sam_rivera", displayName: "Sam Rivera", locale: "en" },
  { username: "chenjie", displayName: "陈杰", locale: "zh" },
  { username: "ellie-b", displayName: "Ellie Brooks", locale: "en" },
  { username: "xiaoming_dev", displayName: "小明", locale: "zh" },
  { username: "oliver_tan", displayName: "Oliver Tan", locale: "en" },
  { username: "zhao_lei", displayName: "赵磊", locale: "zh" },
  { username: "kenji_m", displayName: "Kenji Mori", locale: "en" },
  { username: "sunli", displayName: "孙丽", locale: "zh", bio: "摄影爱好者，喜欢拍猫。" },
  { username: "hannah_lee", displayName: "Hannah Lee", locale: "en" },
  { username: "huang_yu", displayName: "黄宇", locale: "zh" },
  { username: "lucas_m", displayName: "Lucas Martin", locale: "en" },
  { username: "zhouxin", displayName: "周欣", locale: "zh" },
  { username: "noor_a", displayName: "Noor Ahmed", locale: "en", bio: "Accessibility tester. Large text, always." },
  { username: "wu_hao", displayName: "吴昊", locale: "zh" },
  { username: "tomasz_w", displayName: "Tomasz Wiśniewski", locale: "en" },
  { username: "xu_jing", displayName: "徐静", locale: "zh" },
  { username: "rachel_ng", displayName: "Rachel Ng", locale: "en" },
  { username: "gaoyuan", displayName: "高远", locale: "zh" },
  { username: "ben_w", displayName: "Ben Walker", locale: "en" },
  { username: "lin_xiaoyu", displayName: "林小雨", locale: "zh" },
  { username: "nightowl", displayName: "Nightowl", locale: "en" },
  { username: "hejun", displayName: "何军", locale: "zh" },
];

// ---------------------------------------------------------------------------------------
// The product: Sprout Phone OS, its boards and tags.

const BOARDS = [
  {
    slug: "camera",
    nameEn: "Camera & Gallery",
    nameZh: "相机与相册",
    descriptionEn: "Sprout Phone OS camera: shooting modes, image quality, video, and the Gallery app.",
    descriptionZh: "Sprout Phone OS 相机：拍照模式、成像质量、视频录制与相册应用。",
  },
  {
    slug: "battery-performance",
    nameEn: "Battery & Performance",
    nameZh: "电池与性能",
    descriptionEn: "Battery life, charging, heat, app launch speed and how apps are kept in memory.",
    descriptionZh: "续航、充电、发热、应用启动速度与后台内存管理。",
  },
  {
    slug: "system-ui",
    nameEn: "System UI & Launcher",
    nameZh: "系统界面与桌面",
    descriptionEn: "Home screen, lock screen, Control Center, dark mode, themes, gestures and Settings.",
    descriptionZh: "桌面、锁屏、控制中心、夜间模式、主题、手势与设置。",
  },
  {
    slug: "messaging",
    nameEn: "Messaging & Notifications",
    nameZh: "信息与通知",
    descriptionEn: "Messages, calls, the notification shade, Do Not Disturb and contacts.",
    descriptionZh: "短信、通话、通知栏、勿扰模式与联系人。",
  },
] as const;

type BoardSlug = (typeof BOARDS)[number]["slug"];

const TAGS = [
  { slug: "dark-mode", nameEn: "Dark mode", nameZh: "夜间模式" },
  { slug: "battery", nameEn: "Battery life", nameZh: "续航" },
  { slug: "charging", nameEn: "Charging", nameZh: "充电" },
  { slug: "performance", nameEn: "Performance", nameZh: "流畅度" },
  { slug: "notifications", nameEn: "Notifications", nameZh: "通知" },
  { slug: "privacy", nameEn: "Privacy", nameZh: "隐私" },
  { slug: "accessibility", nameEn: "Accessibility", nameZh: "无障碍" },
  { slug: "gestures", nameEn: "Gestures", nameZh: "手势" },
  { slug: "widgets", nameEn: "Widgets", nameZh: "小部件" },
  { slug: "lock-screen", nameEn: "Lock screen", nameZh: "锁屏" },
  { slug: "video", nameEn: "Video", nameZh: "视频" },
  { slug: "customization", nameEn: "Customization", nameZh: "个性化" },
  { slug: "bug", nameEn: "Bug", nameZh: "问题反馈" },
] as const;

type TagSlug = (typeof TAGS)[number]["slug"];

// ---------------------------------------------------------------------------------------
// The suggestions. Language follows the title (Han characters mean Simplified Chinese).

type SuggestionSpec = {
  key: string;
  board: BoardSlug;
  title: string;
  body: string;
  tags: TagSlug[];
  status: SuggestionStatus;
  // Share of the community that votes for it, 0–1; most suggestions stay quiet.
  heat?: number;
  // The demo fan's own suggestions, so that logging in as `fan` shows a contributor.
  byFan?: boolean;
  daysAgo?: number;
  duplicateOf?: string;
  declineReason?: string;
  // Member comments written for this suggestion, posted before the generic ones.
  comments?: string[];
};

// Lets the Markdown texts below be indented along with the code around them.
function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((joined, part, i) => joined + part + (i < values.length ? String(values[i]) : ""), "");
  const lines = text.replace(/^\n/, "").trimEnd().split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join("\n");
}

const SUGGESTIONS: SuggestionSpec[] = [
  // System UI & Launcher
  {
    key: "dark-schedule",
    board: "system-ui",
    title: "Schedule dark mode to follow sunset and sunrise",
    tags: ["dark-mode", "customization"],
    status: "shipped",
    heat: 0.9,
    daysAgo: 172,
    body: md`
      Dark mode is either **always on** or **always off** right now. I'd love it to follow the sun:

      - switch to dark at local sunset, back to light at sunrise
      - or a custom schedule (for example 22:00–07:00)
      - a Control Center toggle that overrides it until the next switch

      I read in bed most evenings, and flipping the switch by hand every night gets old fast.
      Android has supported this for years, see the [dark theme guide](https://developer.android.com/develop/ui/views/theming/darktheme).
    `,
    comments: [
      "Yes please. The custom schedule matters more to me than sunset: I work night shifts.",
      "Bonus points if the wallpaper dims too when dark mode kicks in.",
    ],
  },
  {
    key: "dark-at-night",
    board: "system-ui",
    title: "Turn on dark mode automatically at night",
    tags: ["dark-mode"],
    status: "duplicate",
    duplicateOf: "dark-schedule",
    body: "It would be great if the phone switched to the dark theme by itself in the evening. I forget every time and get blinded at midnight 😅",
  },
  {
    key: "pin-toggles",
    board: "system-ui",
    title: "Let me pin my most-used toggles to the top of Control Center",
    tags: ["customization"],
    status: "planned",
    heat: 0.45,
    body: md`
      Control Center has more than 20 toggles, and my order resets whenever an update adds a new one. Please let me:

      1. pin up to 6 toggles to the first row
      2. keep my order across updates
      3. hide toggles I never use (I have never touched *Screen cast*)
    `,
  },
  {
    key: "sort-by-install",
    board: "system-ui",
    title: "App drawer: sort apps by install date",
    tags: ["customization"],
    status: "open",
    heat: 0.08,
    body: "Alphabetical is fine, but right after installing something I can never find it. A **Recently installed** sort, or a small section at the top of the drawer, would fix that.",
  },
  {
    key: "lock-clock-dark",
    board: "system-ui",
    title: "Lock screen clock should stay readable on dark wallpapers",
    tags: ["lock-screen", "dark-mode", "bug"],
    status: "under_review",
    heat: 0.3,
    body: md`
      With a dark wallpaper the lock screen clock stays dark grey and is almost unreadable.

      1. Set any dark photo as the lock screen wallpaper
      2. Lock the phone
      3. The clock and date are dark on dark

      The home screen already picks a contrasting color for its labels, so the lock screen could do the same.
    `,
  },
  {
    key: "hide-gesture-bar",
    board: "system-ui",
    title: "Allow hiding the gesture bar in full-screen apps",
    tags: ["gestures"],
    status: "in_progress",
    heat: 0.6,
    body: md`
      In games and video apps the white gesture pill sits on top of the content. An option per app would be perfect:

      - Always show
      - Hide in full-screen apps (show again on a swipe from the bottom edge)
      - Hide everywhere, for people who know the gesture by heart
    `,
  },
  {
    key: "third-party-lockscreen",
    board: "system-ui",
    title: "Let third-party launchers replace the lock screen",
    tags: ["lock-screen", "customization"],
    status: "declined",
    heat: 0.3,
    body: "I use a third-party launcher and would like it to provide my lock screen too, so that widgets and clock style match. The lock screen is the only part of the system I cannot theme.",
    declineReason:
      "The lock screen guards the PIN and fingerprint, so it has to stay part of the system: handing it to other apps would open a way around them. Instead we're adding more lock screen clock styles and widgets.",
  },
  {
    key: "widget-stacks",
    board: "system-ui",
    title: "Widget stacks: swipe between several widgets in one slot",
    tags: ["widgets", "customization"],
    status: "planned",
    heat: 0.7,
    body: "Home screen space is precious. A **widget stack** would let me put weather, calendar and music in the same 2×2 slot and swipe between them, with an optional *smart rotate* that shows the calendar in the morning and music on my commute.",
  },
  {
    key: "battery-percent-icon",
    board: "system-ui",
    title: "Show the battery percentage inside the status bar icon",
    tags: ["customization", "battery"],
    status: "shipped",
    heat: 0.55,
    body: "The percentage next to the battery icon takes room that notification icons need. As an option, put the number **inside** the icon, as several other phones do.",
  },
  {
    key: "large-text-settings",
    board: "system-ui",
    title: "Largest text size breaks the Settings layout",
    tags: ["accessibility", "bug"],
    status: "in_progress",
    heat: 0.25,
    body: md`
      With *Settings → Display → Text size* at the largest step, several pages overflow:

      - the Wi-Fi page cuts network names in half
      - the buttons in *Battery saver* overlap
      - the search field hides the first result

      My father relies on large text, and so do a lot of older users. Display size is at the default.
    `,
  },

  // Battery & Performance
  {
    key: "overnight-wakeups",
    board: "battery-performance",
    title: "Show which apps woke the phone overnight",
    tags: ["battery"],
    status: "planned",
    heat: 0.5,
    body: "Some mornings I lose 10% overnight, some mornings 2%. A simple **overnight report** (which apps woke the phone, how often, and what each cost) would let me find the culprit without installing sketchy battery apps.",
  },
  {
    key: "optimized-charging",
    board: "battery-performance",
    title: "Optimized charging: hold at 80% until I need it",
    tags: ["charging", "battery"],
    status: "shipped",
    heat: 0.8,
    byFan: true,
    daysAgo: 120,
    body: md`
      My phone charges overnight and sits at 100% for six hours, which wears the battery out faster. Please add **optimized charging**:

      - learn my alarm or usual unplug time
      - hold at 80% and finish charging just before I wake up
      - a manual *always stop at 80%* option for people who are always near a charger

      Lithium batteries last noticeably longer when they don't sit full ([Battery University](https://batteryuniversity.com/article/bu-808-how-to-prolong-lithium-based-batteries) has the numbers).
    `,
    comments: [
      "This alone would make me keep my phone a year longer.",
      "Please make the manual 80% cap available too, not only the smart one.",
    ],
  },
  {
    key: "thermal-game-mode",
    board: "battery-performance",
    title: "Games stutter after 20 minutes: add a sustained performance mode",
    tags: ["performance"],
    status: "under_review",
    heat: 0.4,
    body: "In long gaming sessions the frame rate drops from 60 to about 40 after roughly 20 minutes, while the phone is only warm, not hot. A **sustained performance** toggle in Game Turbo that trades a few peak frames for stable ones would be great.",
  },
  {
    key: "lock-apps-memory",
    board: "battery-performance",
    title: "Let me lock apps in memory so they are never killed",
    tags: ["performance", "battery"],
    status: "in_progress",
    heat: 0.65,
    body: md`
      Music, fitness and messaging apps get killed in the background even with plenty of free RAM. Please let me **lock** a few apps, for example by long-pressing their card in Recents, and keep them alive.

      For developers: a killed app gets no \`onDestroy\`, so a run tracker simply stops recording mid-run.
    `,
    comments: [
      "My running app stopped recording at km 7 of a half marathon. Please.",
      "Same with my smartwatch companion app: notifications stop until I open it again.",
    ],
  },
  {
    key: "podcast-killed",
    board: "battery-performance",
    title: "Podcast app stops playing when the screen is off",
    tags: ["performance", "bug"],
    status: "duplicate",
    duplicateOf: "lock-apps-memory",
    body: "Listening to podcasts with the screen off, playback stops after about ten minutes. Battery saver is off, so it looks like the system kills the app.",
  },
  {
    key: "screen-on-history",
    board: "battery-performance",
    title: "Battery graph: show screen-on time for each of the last 7 days",
    tags: ["battery"],
    status: "open",
    heat: 0.3,
    body: "The battery page only covers the time since the last full charge. A week of **screen-on time per day** would show whether an update made things better or worse.",
  },
  {
    key: "per-app-refresh",
    board: "battery-performance",
    title: "Refresh rate drops to 60 Hz in Maps: allow 120 Hz per app",
    tags: ["performance"],
    status: "open",
    heat: 0.2,
    body: "Scrolling the map feels choppy because the system caps Maps at 60 Hz. A per-app list in *Display → Refresh rate* would let me choose.",
  },
  {
    key: "overclock",
    board: "battery-performance",
    title: "Let me overclock the CPU from Settings",
    tags: ["performance"],
    status: "declined",
    heat: 0.15,
    body: "Power users would love a slider that raises the CPU clock, even if it costs battery. Put it behind Developer options with a warning.",
    declineReason:
      "Running the chip above its rated clocks risks overheating and damage that our safety testing doesn't cover, so we won't offer it. For steadier speed in games, the sustained performance mode on this board is under review.",
  },
  {
    key: "charge-eta",
    board: "battery-performance",
    title: "Show the estimated time until fully charged",
    tags: ["charging"],
    status: "shipped",
    heat: 0.45,
    body: "When I plug in, tell me *Full in 38 min* on the lock screen and in the charging notification, so I know whether there's time for a coffee before I leave.",
  },
  {
    key: "wireless-heat",
    board: "battery-performance",
    title: "Limit wireless charging speed at night to keep the phone cool",
    tags: ["charging"],
    status: "open",
    heat: 0.12,
    body: "On the wireless pad the phone gets quite warm overnight. A **quiet night charging** option (slower and cooler) would be nice, since nobody needs a full battery at 3 am.",
  },

  // Camera & Gallery
  {
    key: "camera-launch-slow",
    board: "camera",
    title: "Camera takes two seconds to open from the lock screen",
    tags: ["performance", "bug"],
    status: "in_progress",
    heat: 0.8,
    body: md`
      Double-pressing the power button or swiping the camera icon on the lock screen takes about **2 seconds** before the viewfinder shows. I've missed plenty of shots of my kids because of it.

      - Device: Sprout 12 Pro
      - Mostly when the camera hasn't been used for a while
      - Opening it again right after is fast
    `,
    comments: [
      "Measured with a slow-motion video: 1.8 s on my phone. Other phones manage under a second.",
      "It got worse after the last update for me.",
    ],
  },
  {
    key: "pro-raw-toggle",
    board: "camera",
    title: "Add a RAW toggle to the Pro mode top bar",
    tags: ["customization"],
    status: "planned",
    heat: 0.35,
    body: "RAW is buried three levels deep in the camera settings. A **RAW/JPEG** chip next to the flash button in Pro mode would save a lot of taps.",
  },
  {
    key: "night-oversharpen",
    board: "camera",
    title: "Night mode photos look over-sharpened",
    tags: ["bug"],
    status: "under_review",
    heat: 0.5,
    body: md`
      Night mode is bright, but faces and leaves get a crunchy, over-sharpened look, with halos around street lights. Could you:

      - tone down the sharpening, or
      - add a *Natural* processing option?

      Sample photos are in this [shared album](https://example.com/albums/night-mode-samples).
    `,
  },
  {
    key: "video-bitrate",
    board: "camera",
    title: "Let me choose the video bitrate, or at least High vs Standard",
    tags: ["video"],
    status: "open",
    heat: 0.25,
    body: "4K video looks blocky in scenes with leaves or water. A **High bitrate** option for people who don't mind bigger files would fix it.",
  },
  {
    key: "gallery-text-search",
    board: "camera",
    title: "Gallery: search photos by the text in them",
    tags: ["privacy"],
    status: "shipped",
    heat: 0.6,
    body: "I photograph receipts, Wi-Fi passwords and whiteboards. Let me type *wifi* in Gallery search and find the photo with the password on it. The text recognition should run **on the device only**, for privacy.",
  },
  {
    key: "no-watermark-default",
    board: "camera",
    title: "Turn off the \"Shot on Sprout\" watermark by default",
    tags: ["customization"],
    status: "shipped",
    heat: 0.95,
    body: "New phones stamp *Shot on Sprout* on every photo until you find the setting. Most people don't want it and only notice after sharing their photos. Please make it **opt-in**.",
    comments: [
      "Finally someone said it. My whole wedding album has the watermark.",
      "Opt-in is the right call: people who like it will turn it on.",
    ],
  },
  {
    key: "watermark-switch",
    board: "camera",
    title: "Put a watermark switch on the camera screen",
    tags: ["customization"],
    status: "duplicate",
    duplicateOf: "no-watermark-default",
    body: "I want to remove the watermark but couldn't find where. A switch right on the camera screen would help.",
  },
  {
    key: "gallery-editor-dark",
    board: "camera",
    title: "Dark background for the Gallery photo editor",
    tags: ["dark-mode"],
    status: "open",
    heat: 0.2,
    body: "The editor's white background makes it hard to judge exposure. Even with system dark mode on, the editor stays light. Please follow the system theme here too.",
  },
  {
    key: "stabilize-4k60",
    board: "camera",
    title: "Support video stabilization at 4K 60 fps",
    tags: ["video"],
    status: "declined",
    heat: 0.3,
    body: "Stabilization is greyed out at 4K 60 fps. I'd love smooth handheld 4K60 for travel videos.",
    declineReason:
      "At 4K 60 fps the image processor in current phones has no headroom left for stabilization without dropping frames; in our tests the result was worse than no stabilization. We'll look again with future hardware. 4K 30 fps keeps full stabilization.",
  },
  {
    key: "timer-countdown",
    board: "camera",
    title: "Show the self-timer countdown on the rear display",
    tags: ["customization"],
    status: "open",
    heat: 0.05,
    body: "On phones with a small rear display, showing the 3-2-1 countdown there would make group photos with the main camera much easier.",
  },

  // Messaging & Notifications
  {
    key: "group-by-conversation",
    board: "messaging",
    title: "Group notifications by conversation, not by app",
    tags: ["notifications"],
    status: "shipped",
    heat: 0.5,
    body: "When three friends message me I get one big *Messages* group and have to expand it to see who wrote. Group by **conversation**, with the contact's photo, as chat apps do.",
  },
  {
    key: "scheduled-sms",
    board: "messaging",
    title: "Scheduled send for text messages",
    tags: ["notifications"],
    status: "planned",
    heat: 0.55,
    body: "Long-press the send button → *Send later* → pick a time. Useful for birthday wishes at midnight, and for not waking people up in other time zones.",
  },
  {
    key: "dnd-starred",
    board: "messaging",
    title: "Do Not Disturb: let repeat callers through only if they're starred",
    tags: ["notifications"],
    status: "open",
    heat: 0.2,
    body: "*Repeat callers* lets anyone through who calls twice, spam included. Please limit it to starred contacts.",
  },
  {
    key: "copy-code",
    board: "messaging",
    title: "Copy verification codes straight from the notification",
    tags: ["notifications", "privacy"],
    status: "in_progress",
    heat: 0.7,
    body: md`
      When a text with a one-time code arrives, show a **Copy code** button in the notification. Bonus points for:

      - deleting the message automatically once the code is used
      - never showing the code on the lock screen

      Example: \`Your code is 482913\` → tap *Copy 482913*.
    `,
  },
  {
    key: "spam-prefix-block",
    board: "messaging",
    title: "Block calls by number prefix",
    tags: ["privacy"],
    status: "under_review",
    heat: 0.45,
    body: "I get several spam calls a day from numbers that start with the same digits. Let me block a prefix like `+44 1632 96*`.",
  },
  {
    key: "notification-history",
    board: "messaging",
    title: "Notification history for the last 24 hours",
    tags: ["notifications"],
    status: "open",
    heat: 0.35,
    byFan: true,
    daysAgo: 9,
    body: "I swipe a notification away by accident and it's gone forever. Please keep a **history** of dismissed notifications for 24 hours, reachable from Settings or a long-press in the shade.",
  },
  {
    key: "sms-read-receipts",
    board: "messaging",
    title: "Read receipts for SMS",
    tags: ["notifications"],
    status: "declined",
    heat: 0.2,
    body: "Let me see when my text was read, like in chat apps.",
    declineReason:
      "Plain SMS has no way to report that a message was read, so there is nothing the phone could show. Conversations that use RCS chat already show *Read* when the carrier supports it.",
  },
  {
    key: "bubbles-any-app",
    board: "messaging",
    title: "Chat bubbles for every messaging app",
    tags: ["notifications"],
    status: "open",
    heat: 0.1,
    body: "Floating chat bubbles only work for a few apps. Let me turn any conversation notification into a bubble.",
  },

  // 简体中文
  {
    key: "gallery-night-white",
    board: "camera",
    title: "夜间模式下相册背景仍然是白色，晚上看照片很刺眼",
    tags: ["dark-mode"],
    status: "planned",
    heat: 0.5,
    body: md`
      开启系统**夜间模式**后，大部分界面都变成了深色，但相册的大图浏览和编辑页面还是白色背景，晚上关灯看照片非常刺眼。

      希望：
      - 相册完整适配夜间模式
      - 浏览大图时默认使用黑色背景
    `,
  },
  {
    key: "camera-launch-zh",
    board: "camera",
    title: "相机启动速度太慢，经常错过抓拍瞬间",
    tags: ["performance"],
    status: "duplicate",
    duplicateOf: "camera-launch-slow",
    body: "锁屏双击电源键打开相机要等一两秒，拍小孩和宠物经常错过最好的瞬间，希望优化相机的冷启动速度。",
  },
  {
    key: "portrait-blur",
    board: "camera",
    title: "希望相机人像模式可以调节背景虚化程度",
    tags: ["customization"],
    status: "shipped",
    heat: 0.6,
    body: md`
      现在人像模式的虚化强度是固定的，有时候虚化太重显得很假。建议：

      1. 拍摄时提供光圈滑杆（如 f/1.4 – f/16）
      2. 拍完后在相册里还能重新调整虚化

      这样**相机**的人像效果会自然很多。
    `,
  },
  {
    key: "force-dark-apps",
    board: "system-ui",
    title: "希望夜间模式支持强制第三方应用深色显示",
    tags: ["dark-mode", "customization"],
    status: "under_review",
    heat: 0.55,
    body: "很多第三方应用还没有适配深色主题，晚上打开依然是大白屏。希望在「夜间模式」设置里加入**按应用强制深色**的开关，可以单独选择哪些应用开启。",
  },
  {
    key: "charging-animation",
    board: "battery-performance",
    title: "充电动画可以关闭吗？半夜插电屏幕突然亮起很刺眼",
    tags: ["charging"],
    status: "shipped",
    heat: 0.3,
    body: "睡前插上充电器，屏幕会亮起播放几秒充电动画，关灯后特别晃眼。希望在设置里加一个**关闭充电动画**的选项。",
  },
  {
    key: "chat-app-killed",
    board: "battery-performance",
    title: "聊天应用在后台经常被杀，消息延迟严重",
    tags: ["performance", "notifications"],
    status: "duplicate",
    duplicateOf: "lock-apps-memory",
    body: "锁屏一段时间后聊天软件就收不到消息了，打开才一下子全部进来。已经关闭了省电模式，还是会被后台清理。",
  },
  {
    key: "free-icons",
    board: "system-ui",
    title: "桌面图标希望可以自由摆放，不要自动对齐",
    tags: ["customization"],
    status: "open",
    heat: 0.2,
    body: "现在删除一个图标后，后面的图标会自动往前补位，精心排好的桌面就乱了。希望增加「图标自由摆放」选项，允许中间留空。",
  },
  {
    key: "lunar-lockscreen",
    board: "system-ui",
    title: "锁屏希望可以显示农历日期和节气",
    tags: ["lock-screen", "customization"],
    status: "shipped",
    heat: 0.5,
    body: md`
      家里长辈经常问今天是农历几号。希望锁屏时钟下方可以显示：

      - 农历日期（如「腊月廿三」）
      - 二十四节气和传统节日

      做成可选项即可，不需要的用户可以关闭。
    `,
  },
  {
    key: "game-call-banner",
    board: "messaging",
    title: "游戏模式下来电改为小横幅，不要全屏打断",
    tags: ["notifications", "performance"],
    status: "in_progress",
    heat: 0.4,
    body: "打团的时候来电直接全屏弹出，游戏画面被挡住，经常因此输掉比赛。希望游戏模式下来电显示为**顶部小横幅**，可以直接接听或挂断。",
  },
  {
    key: "standby-drain",
    board: "battery-performance",
    title: "更新到最新版本后待机耗电明显增加，一晚掉电 15%",
    tags: ["battery", "bug"],
    status: "under_review",
    heat: 0.45,
    body: md`
      升级到最新稳定版后，晚上 23 点到早上 7 点待机，电量从 80% 掉到 65%，以前只掉 3% 左右。

      - 机型：Sprout 11
      - 已关闭 Wi-Fi 扫描和蓝牙
      - 电池页面显示「系统服务」耗电最高
    `,
  },
  {
    key: "hidden-album",
    board: "camera",
    title: "相册增加「私密相册」，支持指纹解锁",
    tags: ["privacy"],
    status: "planned",
    heat: 0.5,
    body: "有些照片（证件、合同）不想被别人翻相册时看到。希望增加**私密相册**：移入后从相册和其他应用中隐藏，查看时需要指纹或密码验证。",
  },
  {
    key: "sms-categories",
    board: "messaging",
    title: "短信希望按「通知」「验证码」「个人」自动分类",
    tags: ["notifications"],
    status: "open",
    heat: 0.35,
    body: "收件箱里九成都是快递、银行和验证码短信，真正的个人消息经常被淹没。希望短信自动分成几个标签页，并支持一键将某一类标为已读。",
  },
  {
    key: "gesture-landscape",
    board: "system-ui",
    title: "横屏玩游戏时全面屏手势容易误触返回",
    tags: ["gestures"],
    status: "open",
    heat: 0.3,
    body: "横屏玩游戏时手指从屏幕边缘滑动，经常触发返回手势直接退出游戏。希望横屏时需要**连续滑动两次**才触发返回，或者游戏模式下自动关闭侧边返回手势。",
  },
  {
    key: "minus-one-feed",
    board: "system-ui",
    title: "负一屏的推荐内容太多，希望可以彻底关闭",
    tags: ["customization"],
    status: "planned",
    heat: 0.9,
    body: md`
      负一屏（桌面最左侧）现在大部分位置被资讯推荐占据，真正有用的卡片（日程、快递、天气）反而要往下翻。

      希望：
      1. 可以**完全关闭**推荐内容
      2. 卡片顺序可以自己排
      3. 关闭后不要每次更新又自动打开
    `,
    comments: ["这个真的要支持！每次更新完推荐又出来了。", "只保留日程和快递就够了。"],
  },
  {
    key: "watermark-custom",
    board: "camera",
    title: "相机水印能否自定义文字？",
    tags: ["customization"],
    status: "open",
    heat: 0.15,
    body: "想在照片水印里写上自己的名字或者拍摄地点，而不是固定的机型信息。",
  },
  {
    key: "split-shade",
    board: "system-ui",
    title: "通知栏和控制中心能不能分开：左边下拉是通知，右边下拉是开关",
    tags: ["notifications", "customization"],
    status: "shipped",
    heat: 0.55,
    body: "现在通知和开关挤在一起，想开手电筒得先划过一堆通知。建议**从屏幕左上角下拉显示通知，右上角下拉显示控制中心**，两者分开。",
  },
  {
    key: "lockscreen-private-notifications",
    board: "messaging",
    title: "锁屏通知只显示应用名，不显示消息内容",
    tags: ["privacy", "lock-screen"],
    status: "in_progress",
    heat: 0.35,
    body: "手机放在桌上，别人能直接看到聊天消息内容。希望锁屏通知支持「只显示应用名称」，解锁后再显示详细内容，并且可以按应用单独设置。",
  },
  {
    key: "one-tap-root",
    board: "system-ui",
    title: "希望系统自带一键 Root 功能",
    tags: ["customization"],
    status: "declined",
    heat: 0.25,
    body: "很多玩机用户需要 Root 来安装模块、备份数据，希望官方提供一键 Root 开关，不用再折腾解锁 Bootloader。",
    declineReason:
      "Root 权限会绕过系统的安全机制，一旦被恶意应用利用，支付、银行等应用的数据都会受到威胁，因此我们不会在系统中提供一键 Root。需要深度定制的用户仍可按官方流程解锁 Bootloader。",
  },
];

// ---------------------------------------------------------------------------------------
// What people say. Generic comments fill in around the ones written for a suggestion.

// Comments anyone could leave on a request, and those that only make sense on a bug report.
const MEMBER_COMMENTS: Record<Locale, { request: string[]; bug: string[] }> = {
  en: {
    request: [
      "+1. This is the one thing I miss since switching from my old phone.",
      "Would love this. Even a hidden option in Developer options would do for now.",
      "Voted. My family asks me about this every time they borrow my phone.",
      "Is there a workaround in the meantime? The third-party apps I tried drain the battery.",
      "Please keep it optional, I actually like the current behaviour.",
      "Agree with the idea, but the default should stay as it is for new users.",
      "Came here to post exactly this. Voted instead 🙂",
      "Any chance this comes to older devices as well, not just the new flagship?",
      "Small things like this are why I stay on Sprout. Hope it makes the cut.",
      "Upvoted, and please make it configurable rather than all-or-nothing.",
    ],
    bug: [
      "Same here on a Sprout 12 Pro, latest stable build.",
      "Happens to me too, mostly after the phone has been idle for a few hours.",
      "Tested on the beta: still the same as of this week's build.",
    ],
  },
  zh: {
    request: [
      "+1，换机之后最想要的就是这个功能。",
      "强烈支持！哪怕先放在开发者选项里也行。",
      "希望做成可选项，我其实挺喜欢现在的效果。",
      "家里老人用的时候也经常遇到，希望尽快优化。",
      "有没有临时的解决办法？试了几个第三方应用都很耗电。",
      "本来想发帖，发现已经有人提了，直接投票 👍",
      "支持，顺便希望平板也能适配。",
      "老机型也能更新这个功能吗？",
      "细节决定体验，希望这次能安排上。",
    ],
    bug: ["同样的问题，机型 Sprout 12，稳定版最新版本。", "内测版也还是这样，本周的版本刚试过。", "我这边也能复现，重启之后会好一阵。"],
  },
};

const MEMBER_REPLIES: Record<Locale, { request: string[]; bug: string[] }> = {
  en: {
    request: [
      "Agreed, that would cover my case too.",
      "Good point, I hadn't thought of that.",
      "+1 to this, especially the last part.",
      "I use an automation app for now, but a built-in option would be much better.",
    ],
    bug: ["Which build are you on? It got better for me after the last update.", "Same device here, same problem."],
  },
  zh: {
    request: ["同意，我也是这个情况。", "好主意，这样就更完整了。", "说得对，我也希望这样。"],
    bug: ["你是什么版本？我升级之后好一些了。", "同机型同问题。"],
  },
};

const THANKS_AFTER_SHIPPING: Record<Locale, string[]> = {
  en: [
    "Updated this morning and it works perfectly. Thank you for listening!",
    "Just tried it: exactly what I wanted. Great job, team.",
    "Nice! Took a while, but it was worth the wait.",
  ],
  zh: ["已经更新了，效果很好，感谢官方！", "终于等到了，好评！", "体验了一下，和建议里说的一模一样，赞。"],
};

const FIRST_OFFICIAL_REPLIES: Record<Locale, { request: ((board: string) => string)[]; bug: string }> = {
  en: {
    request: [
      (board) => `Thanks for the clear write-up! I've passed this to the ${board} team and will update this thread as soon as we know more.`,
      () => "We hear you. Several people asked for this in the last beta survey too, so I'm bringing it to this week's triage.",
    ],
    bug: "Thanks for reporting this. Could you tell us your device model and OS version? We'd like to reproduce it on our side.",
  },
  zh: {
    request: [
      (board) => `感谢详细的描述！已经转给${board}团队，有进展会第一时间在这里同步。`,
      () => "这个需求在上次的内测问卷里也有不少人提到，我会带到本周的评审会上。",
    ],
    bug: "收到，谢谢反馈。方便说一下机型和系统版本吗？我们想先复现一下。",
  },
};

const PLANNED_UPDATE: Record<Locale, string> = {
  en: "Good news: this is now **planned**. We'll post here again when it reaches the beta channel.",
  zh: "好消息：这个建议已经**排入计划**，进入内测版时会在这里通知大家。",
};

// Monthly releases, oldest first; the newest went out a few days ago. A suggestion ships
// in the first release after its development started, or, when that is still to come,
// in a weekly update outside any release (the changelog's "shipped recently").
const RELEASE_COUNT = 6;
const releaseName = (slot: number) => `Sprout OS 3.${slot}`;
const WEEKLY_UPDATE: Record<Locale, string> = { en: "this week's update", zh: "本周更新" };

function releaseNotes(features: number) {
  return md`
    Monthly update with ${features} community suggestions, the latest security patches and stability fixes.

    每月更新：包含 ${features} 项社区建议、最新安全补丁与稳定性修复。
  `;
}

const RATING_COMMENTS: Record<Locale, string[]> = {
  en: ["Works exactly as described.", "Love it, I use it every day.", "Good start, but I'd like more options.", "Nice, though it took me a while to find in Settings."],
  zh: ["很好用，每天都在用。", "和建议里说的一样，赞！", "基本满意，希望再多一些选项。", "不错，就是设置入口有点深。"],
};

// Ratings of shipped features lean positive, as they do when people got what they asked for.
const RATING_WEIGHTS = [4, 6, 13, 32, 45]; // for 1 to 5 stars

const SHIPPED_REPLY: Record<Locale, (release: string) => string> = {
  en: (release) =>
    `🎉 This is live in **${release}**. Update from *Settings → About phone → System update*, and tell us how it works for you. Thanks to everyone who voted!`,
  zh: (release) => `🎉 已在**${release}**上线。可在「设置 → 我的设备 → 系统更新」中升级，欢迎继续反馈使用体验，感谢每一位投票的朋友！`,
};

const MERGE_REPLY: Record<Locale, (targetId: number) => string> = {
  en: (targetId) => `Thanks! This is already tracked in #${targetId}, so I've merged it there. Your vote and credit moved with it.`,
  zh: (targetId) => `感谢反馈！这个建议和 #${targetId} 重复，已合并过去，你的投票和贡献也一并转移了。`,
};

function statusNote(to: SuggestionStatus, locale: Locale, board: string, shippedIn: string): string {
  const notes: Record<Locale, Record<"under_review" | "planned" | "in_progress" | "shipped", string>> = {
    en: {
      under_review: `The ${board} team is evaluating this.`,
      planned: "Planned for an upcoming release.",
      in_progress: "In development; it will reach the beta channel first.",
      shipped: `Shipped in ${shippedIn}.`,
    },
    zh: {
      under_review: `已转交${board}团队评估。`,
      planned: "已排入后续版本计划。",
      in_progress: "开发中，将首先推送到内测版。",
      shipped: `已在${shippedIn}中上线。`,
    },
  };
  if (to === "open" || to === "declined" || to === "duplicate") throw new Error(`${to} needs its own note`);
  return notes[locale][to];
}

// ---------------------------------------------------------------------------------------
// The generator.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// When suggestions in each status were posted, in days before now: shipped ones had time
// to travel the whole lifecycle, open ones are recent. Duplicates follow their target.
const POSTED_DAYS_AGO: Record<Exclude<SuggestionStatus, "duplicate">, [number, number]> = {
  open: [1, 75],
  under_review: [4, 90],
  planned: [15, 130],
  in_progress: [25, 150],
  shipped: [60, 165],
  declined: [10, 160],
};

// The statuses a suggestion passed through after open, in order: the main line of the
// lifecycle in app/lifecycle.ts, and a merge straight from open for duplicates.
const LIFECYCLE_PATH: Record<SuggestionStatus, SuggestionStatus[]> = {
  open: [],
  under_review: ["under_review"],
  planned: ["under_review", "planned"],
  in_progress: ["under_review", "planned", "in_progress"],
  shipped: ["under_review", "planned", "in_progress", "shipped"],
  declined: ["under_review", "declined"],
  duplicate: ["duplicate"],
};

const VOTING_CLOSED: SuggestionStatus[] = ["shipped", "declined", "duplicate"];

// As in app/lifecycle.ts: the first of these a suggestion reaches stamps first_decision_at.
const DECISIONS: SuggestionStatus[] = ["planned", "in_progress", "shipped", "declined", "duplicate"];

// mulberry32: tiny, fast and good enough to make demo data look random yet repeatable.
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min: number, max: number) => min + (max - min) * next(),
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weightedPick: <T>(items: readonly T[], weight: (item: T, index: number) => number): T => {
      const weights = items.map(weight);
      let ticket = next() * weights.reduce((sum, w) => sum + w, 0);
      for (let i = 0; i < items.length; i++) {
        ticket -= weights[i];
        if (ticket < 0) return items[i];
      }
      return items[items.length - 1];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

export type Random = ReturnType<typeof createRandom>;

type Person = { id: number; username: string; locale: Locale; joinedAt: number; role: Role };

type Change = { to: SuggestionStatus; at: number };

type SuggestionPlan = {
  spec: SuggestionSpec;
  locale: Locale;
  postedAt: number;
  author: Person;
  owner: Person; // the staff member who answers it and moves it along
  firstOfficialAt: number | null;
  changes: Change[];
  closedAt: number | null;
  releaseSlot: number | null; // the release it shipped in, if any
  target?: SuggestionPlan;
  id: number;
};

type CommentPlan = {
  at: number;
  authorId: number;
  body: string;
  official: boolean;
  helpful: boolean;
  parent?: CommentPlan;
  id?: number;
};

export type SeedOptions = {
  // Every time is placed relative to this moment (default: now).
  now?: Date;
  seed?: number;
};

export type SeedSummary = {
  users: number;
  boards: number;
  tags: number;
  suggestions: number;
  votes: number;
  comments: number;
  officialReplies: number;
  statusChanges: number;
  merges: number;
  releases: number;
  ratings: number;
  complaints: number;
};

const DEFAULT_SEED = 20_240_615;

/** Fills an empty, migrated database with Sprout's demo community. */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = (options.now ?? new Date()).getTime();
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const [memberHash, ...accountHashes] = await Promise.all([
    hashPassword(DEMO_MEMBER_PASSWORD),
    ...DEMO_ACCOUNTS.map((account) => hashPassword(account.password)),
  ]);

  const summary = db.transaction((tx) => {
    const insertPerson = (person: Omit<Person, "id"> & { displayName: string; passwordHash: string; bio?: string }): Person => {
      const { id } = tx
        .insert(users)
        .values({
          username: person.username,
          displayName: person.displayName,
          email: `${person.username}@example.com`,
          passwordHash: person.passwordHash,
          role: person.role,
          locale: person.locale,
          bio: person.bio ?? "",
          createdAt: new Date(person.joinedAt),
        })
        .returning({ id: users.id })
        .get();
      return { id, username: person.username, locale: person.locale, joinedAt: person.joinedAt, role: person.role };
    };

    // The team was there before the forum opened; members joined over six months, most
    // of them early, as happens when a forum launches with the product.
    const teamJoinedAt = now - 200 * DAY;
    const accounts = DEMO_ACCOUNTS.map((account, i) =>
      insertPerson({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        locale: "en",
        passwordHash: accountHashes[i],
        joinedAt: account.role === "member" ? now - 150 * DAY : teamJoinedAt,
      }),
    );
    const secondStaff = insertPerson({ ...SECOND_STAFF, role: "staff", passwordHash: memberHash, joinedAt: teamJoinedAt });
    const staff = [accounts.find((a) => a.role === "staff")!, secondStaff];
    const fan = accounts.find((a) => a.role === "member")!;
    const community = MEMBERS.map((member, i) =>
      insertPerson({
        ...member,
        role: "member",
        passwordHash: memberHash,
        joinedAt: now - (182 - 178 * (i / (MEMBERS.length - 1)) ** 1.6 - random.between(0, 0.8)) * DAY,
      }),
    );
    const members = [...community, fan];
    const membersById = new Map(members.map((member) => [member.id, member]));

    const boardIds = new Map<string, number>();
    const boardNames = new Map<string, Record<Locale, string>>();
    BOARDS.forEach((board, position) => {
      const { id } = tx.insert(boards).values({ ...board, position, createdAt: new Date(teamJoinedAt) }).returning({ id: boards.id }).get();
      boardIds.set(board.slug, id);
      boardNames.set(board.slug, { en: board.nameEn, zh: board.nameZh });
    });
    const tagIds = new Map<string, number>();
    for (const tag of TAGS) tagIds.set(tag.slug, tx.insert(tags).values(tag).returning({ id: tags.id }).get().id);

    const releaseDates = Array.from({ length: RELEASE_COUNT }, (_, slot) => now - (6 + (RELEASE_COUNT - 1 - slot) * 28) * DAY);
    const plans = planSuggestions(random, now, community, staff, fan, releaseDates);
    const releaseIds = insertReleases();
    insertSuggestions();
    const { voters, movedVoters } = planVotes(random, now, plans, members);
    const coAuthors = planCredits(plans);

    const counts = { votes: 0, comments: 0, officialReplies: 0, statusChanges: 0, merges: 0, ratings: 0 };
    for (const plan of plans) {
      const planVoters = [...voters.get(plan)!].map(([userId, at]) => ({ suggestionId: plan.id, userId, createdAt: new Date(at) }));
      tx.insert(votes).values(planVoters).run();
      counts.votes += planVoters.length;

      const thread = planComments(random, now, plan, members, boardNames);
      for (const comment of thread) {
        comment.id = tx
          .insert(comments)
          .values({
            suggestionId: plan.id,
            authorId: comment.authorId,
            parentId: comment.parent?.id ?? null,
            body: comment.body,
            isOfficial: comment.official,
            isHelpful: comment.helpful,
            createdAt: new Date(comment.at),
          })
          .returning({ id: comments.id })
          .get().id;
      }
      counts.comments += thread.length;
      const officialTimes = thread.filter((c) => c.official).map((c) => c.at);
      counts.officialReplies += officialTimes.length;

      let from: SuggestionStatus = "open";
      for (const change of plan.changes) {
        tx.insert(statusChanges)
          .values({
            suggestionId: plan.id,
            actorId: plan.owner.id,
            fromStatus: from,
            toStatus: change.to,
            note: changeNote(plan, change, boardNames),
            createdAt: new Date(change.at),
          })
          .run();
        from = change.to;
        counts.statusChanges++;
      }

      // What the app's merge records, so that it can be shown and undone like a real one.
      if (plan.target) {
        const credited = coAuthors.get(plan.target)!.filter((credit) => credit.from === plan);
        for (const credit of credited) {
          tx.insert(suggestionCredits)
            .values({ suggestionId: plan.target.id, userId: credit.userId, fromSuggestionId: plan.id, createdAt: new Date(plan.closedAt!) })
            .run();
        }
        tx.insert(merges)
          .values({
            sourceId: plan.id,
            targetId: plan.target.id,
            actorId: plan.owner.id,
            sourceStatusBefore: "open",
            movedVoterIds: JSON.stringify(movedVoters.get(plan)),
            creditedUserIds: JSON.stringify(credited.map((credit) => credit.userId)),
            note: changeNote(plan, plan.changes[0], boardNames),
            createdAt: new Date(plan.closedAt!),
          })
          .run();
        counts.merges++;
      }

      if (plan.spec.status === "shipped") {
        // A co-author's vote usually came along with the merge: count each person once.
        const askedForIt = new Set([...voters.get(plan)!.keys(), ...coAuthors.get(plan)!.map((credit) => credit.userId)]);
        const planRatings = planRatingsOf(random, now, plan, [...askedForIt].map((id) => membersById.get(id)!));
        if (planRatings.length) tx.insert(ratings).values(planRatings).run();
        counts.ratings += planRatings.length;
      }

      tx.update(suggestions)
        .set({
          voteCount: planVoters.length,
          commentCount: thread.length,
          firstOfficialReplyAt: officialTimes.length ? new Date(Math.min(...officialTimes)) : null,
        })
        .where(eq(suggestions.id, plan.id))
        .run();
    }

    return {
      users: accounts.length + 1 + community.length,
      boards: BOARDS.length,
      tags: TAGS.length,
      suggestions: plans.length,
      releases: releaseIds.size,
      complaints: insertComplaints(),
      ...counts,
    };

    // A few private complaints in every state, so the staff queue shows all its clocks and
    // the demo fan has one resolved (about a declined suggestion) to look at.
    function insertComplaints() {
      const declined = plans
        .filter((plan) => plan.spec.status === "declined" && plan.closedAt! <= now - 5 * DAY)
        .sort((a, b) => b.closedAt! - a.closedAt!)[0];
      const [teamEn, teamZh] = staff;
      const specs = planComplaints(now, { fan, community, teamEn, teamZh, declinedSuggestionId: declined?.id ?? null });
      for (const spec of specs) {
        const { id } = tx
          .insert(complaints)
          .values({
            userId: spec.filer.id,
            subject: spec.subject,
            suggestionId: spec.suggestionId,
            title: spec.title,
            body: spec.body,
            status: spec.resolved ? "resolved" : spec.acknowledgedAt ? "acknowledged" : "open",
            createdAt: new Date(spec.filedAt),
            acknowledgedAt: spec.acknowledgedAt ? new Date(spec.acknowledgedAt) : null,
            resolvedAt: spec.resolved ? new Date(spec.resolved.at) : null,
            resolvedById: spec.resolved?.by.id ?? null,
            resolutionNote: spec.resolved?.note ?? null,
            resolutionRating: spec.resolved?.rating ?? null,
            ratedAt: spec.resolved?.rating ? new Date(spec.resolved.at + 3 * HOUR) : null,
          })
          .returning({ id: complaints.id })
          .get();
        if (spec.messages.length) {
          tx.insert(complaintMessages)
            .values(spec.messages.map((m) => ({ complaintId: id, authorId: m.by.id, body: m.body, createdAt: new Date(m.at) })))
            .run();
        }
      }
      return specs.length;
    }

    // Only releases that carry community suggestions: the changelog is about those.
    function insertReleases() {
      const ids = new Map<number, number>();
      releaseDates.forEach((releasedAt, slot) => {
        const features = plans.filter((plan) => plan.releaseSlot === slot).length;
        if (features === 0) return;
        const { id } = tx
          .insert(releases)
          .values({
            name: releaseName(slot),
            notes: releaseNotes(features),
            releasedAt: new Date(releasedAt),
            createdById: staff[0].id,
            createdAt: new Date(releasedAt - DAY),
          })
          .returning({ id: releases.id })
          .get();
        ids.set(slot, id);
      });
      return ids;
    }

    // Oldest first, so ids follow posting order and #1 is the forum's first suggestion.
    function insertSuggestions() {
      for (const plan of plans) {
        const firstDecision = plan.changes.find((change) => DECISIONS.includes(change.to));
        const shipped = plan.spec.status === "shipped";
        plan.id = tx
          .insert(suggestions)
          .values({
            boardId: boardIds.get(plan.spec.board)!,
            authorId: plan.author.id,
            title: plan.spec.title,
            body: plan.spec.body,
            status: plan.spec.status,
            duplicateOfId: plan.target?.id ?? null,
            firstDecisionAt: firstDecision ? new Date(firstDecision.at) : null,
            shippedAt: shipped ? new Date(plan.closedAt!) : null,
            releaseId: plan.releaseSlot === null ? null : releaseIds.get(plan.releaseSlot)!,
            createdAt: new Date(plan.postedAt),
          })
          .returning({ id: suggestions.id })
          .get().id;
        const tagRows = plan.spec.tags.map((slug) => ({ suggestionId: plan.id, tagId: tagIds.get(slug)! }));
        if (tagRows.length) tx.insert(suggestionTags).values(tagRows).run();
      }
    }
  });
  seedEarlyAccess(db, new Date(now));
  seedInvitations(db, new Date(now));
  // Campaign entries are activity too, so campaigns come before the honors they feed.
  seedCampaigns(db, new Date(now));
  seedHonors(db, new Date(now));
  seedScoreHistory(db, new Date(now));
  return summary;
}

type ComplaintPlan = {
  filer: Person;
  subject: "product" | "reply" | "decision";
  suggestionId: number | null;
  title: string;
  body: string;
  filedAt: number;
  acknowledgedAt: number | null;
  resolved: { at: number; by: Person; note: string; rating: number | null } | null;
  messages: { by: Person; at: number; body: string }[];
};

// Ages chosen against the default 24 h target: one fresh, one amber, one red; two resolved
// this week (median 13 h), one resolved long ago and never rated.
function planComplaints(
  now: number,
  people: { fan: Person; community: Person[]; teamEn: Person; teamZh: Person; declinedSuggestionId: number | null },
): ComplaintPlan[] {
  const { fan, community, teamEn, teamZh } = people;
  const byName = (username: string) => community.find((member) => member.username === username) ?? community[0];
  const fanFiled = now - 4 * DAY;
  const batteryFiled = now - 30 * HOUR;
  const oldFiled = now - 12 * DAY;
  const cameraFiled = now - 3 * DAY;
  return [
    {
      filer: fan,
      subject: "decision",
      suggestionId: people.declinedSuggestionId,
      title: "I don't understand why this was declined",
      body: "The note says it doesn't fit the roadmap, but many of us asked for it. Could you explain a bit more, or say what would change your mind?",
      filedAt: fanFiled,
      acknowledgedAt: fanFiled + 2 * HOUR,
      resolved: {
        at: fanFiled + 20 * HOUR,
        by: teamEn,
        note: "We talked it over again as a team. The decision stands for this year, but we've added the reasons to the suggestion and will revisit it when the new hardware lands. Thank you for pushing us to explain.",
        rating: 4,
      },
      messages: [
        { by: teamEn, at: fanFiled + 2 * HOUR, body: "Thanks for telling us. I'm taking this to the team meeting tomorrow and will come back to you." },
        { by: fan, at: fanFiled + 5 * HOUR, body: "Thanks, that's all I'm asking for." },
      ],
    },
    {
      filer: byName("zhangwei"),
      subject: "reply",
      suggestionId: null,
      title: "官方回复只是复制粘贴的模板",
      body: "我反馈的问题收到的官方回复和另外三个帖子一模一样，感觉根本没人看内容。",
      filedAt: cameraFiled,
      acknowledgedAt: cameraFiled + 6 * HOUR,
      resolved: {
        at: cameraFiled + 6 * HOUR,
        by: teamZh,
        note: "抱歉，那条回复确实不该用模板。我已经在你的帖子下重新做了具体答复，也提醒了团队不要再这样回复。",
        rating: 5,
      },
      messages: [],
    },
    {
      filer: byName("jonas_photo"),
      subject: "product",
      suggestionId: null,
      title: "Gallery sync lost a week of photos",
      body: "After the update, photos from last week are missing on my tablet. They are still on the phone.",
      filedAt: oldFiled,
      acknowledgedAt: oldFiled + 3 * HOUR,
      resolved: { at: oldFiled + 28 * HOUR, by: teamEn, note: "Fixed in the sync service; your photos are back on all devices.", rating: null },
      messages: [{ by: teamEn, at: oldFiled + 3 * HOUR, body: "Sorry about this. Could you tell us which tablet model you use?" }],
    },
    {
      filer: byName("mia_k"),
      subject: "product",
      suggestionId: null,
      title: "Battery drains overnight since the last update",
      body: "My phone loses 30% overnight with nothing running. Before the update it was 3%.",
      filedAt: batteryFiled,
      acknowledgedAt: batteryFiled + 4 * HOUR,
      resolved: null,
      messages: [{ by: teamEn, at: batteryFiled + 4 * HOUR, body: "We can reproduce it on two test phones and are looking for the cause." }],
    },
    {
      filer: byName("li_na"),
      subject: "reply",
      suggestionId: null,
      title: "我的建议被合并了，但合并的理由不对",
      body: "我的建议和被合并到的那条并不是同一个问题，希望工作人员再看一下。",
      filedAt: now - 14 * HOUR,
      acknowledgedAt: null,
      resolved: null,
      messages: [],
    },
    {
      filer: byName("priya_dev"),
      subject: "product",
      suggestionId: null,
      title: "Developer options reset after every reboot",
      body: "USB debugging switches itself off after each restart, which breaks my test setup.",
      filedAt: now - 2 * HOUR,
      acknowledgedAt: null,
      resolved: null,
      messages: [],
    },
  ];
}

function localeOf(text: string): Locale {
  return /\p{Script=Han}/u.test(text) ? "zh" : "en";
}

// Decides who posted each suggestion and when, and when staff answered and moved it.
function planSuggestions(
  random: Random,
  now: number,
  community: Person[],
  staff: Person[],
  fan: Person,
  releaseDates: number[],
): SuggestionPlan[] {
  const byKey = new Map<string, SuggestionPlan>();
  const latest = now - 3 * HOUR;

  const chooseAuthor = (spec: SuggestionSpec, locale: Locale, postedAt: number) => {
    if (spec.byFan) return fan;
    const sameLanguage = community.filter((member) => member.locale === locale);
    const eligible = sameLanguage.filter((member) => member.joinedAt < postedAt - DAY);
    if (eligible.length === 0) return sameLanguage[0];
    // The earliest members post the most.
    return random.weightedPick(eligible, (_, i) => 1 / (1 + i * 0.3));
  };

  // Targets first: a duplicate is always posted after the suggestion it repeats.
  const ordered = [...SUGGESTIONS.filter((s) => !s.duplicateOf), ...SUGGESTIONS.filter((s) => s.duplicateOf)];
  for (const spec of ordered) {
    const locale = localeOf(spec.title);
    const target = spec.duplicateOf ? byKey.get(spec.duplicateOf) : undefined;
    if (spec.duplicateOf && !target) throw new Error(`${spec.key} duplicates unknown ${spec.duplicateOf}`);

    let postedAt: number;
    if (target) {
      // Posted and merged while the target still took votes, so the votes it brings along
      // land inside the target's voting window.
      const earliest = target.postedAt + 2 * DAY;
      postedAt = random.between(earliest, Math.max(earliest, (target.closedAt ?? now) - 2 * DAY));
    } else {
      const [newest, oldest] = POSTED_DAYS_AGO[spec.status as Exclude<SuggestionStatus, "duplicate">];
      postedAt = now - (spec.daysAgo ?? random.between(newest, oldest)) * DAY;
    }
    const author = chooseAuthor(spec, locale, postedAt);
    postedAt = Math.max(postedAt, author.joinedAt + DAY);
    // Each suggestion has one owner on the team, who mostly speaks its language
    // (staff[0] answers most English posts, staff[1] most Chinese ones).
    const usualOwner = locale === "zh" ? 1 : 0;
    const owner = random.weightedPick(staff, (_, i) => (i === usualOwner ? 3 : 1));

    // Staff answer within hours; only open suggestions may still be waiting.
    let firstOfficialAt: number | null = postedAt + random.between(0.5, 30) * HOUR;
    if (spec.status === "open" && (firstOfficialAt > latest || random.chance(0.5))) firstOfficialAt = null;

    const path = LIFECYCLE_PATH[spec.status];
    const changes: Change[] = [];
    if (path.length > 0 && firstOfficialAt !== null) {
      // The first move happens while answering; later ones spread over the weeks after.
      const firstAt = firstOfficialAt + random.between(5, 90) * 60_000;
      const laterTimes = path
        .slice(1)
        .map(() => random.between(firstAt, latest))
        .sort((a, b) => a - b);
      [firstAt, ...laterTimes].forEach((at, i) => changes.push({ to: path[i], at }));
    }

    // Development started at the in_progress change; the feature ships with the next release.
    let releaseSlot: number | null = null;
    if (spec.status === "shipped") {
      const developmentStarted = changes[changes.length - 2].at;
      const slot = releaseDates.findIndex((releasedAt) => releasedAt > developmentStarted);
      if (slot >= 0) {
        releaseSlot = slot;
        changes[changes.length - 1].at = releaseDates[slot];
      }
    }
    const closedAt = VOTING_CLOSED.includes(spec.status) ? changes[changes.length - 1].at : null;

    byKey.set(spec.key, { spec, locale, postedAt, author, owner, firstOfficialAt, changes, closedAt, releaseSlot, target, id: 0 });
  }
  return [...byKey.values()].sort((a, b) => a.postedAt - b.postedAt);
}

// Every author votes for their own suggestion; the rest of the community votes with a
// strongly skewed appetite (heat^1.5), only while voting is open, and only once joined.
// A merged duplicate adds its voters to the target with the moment they voted, as the
// app's merge does; movedVoters keeps who was added, for the merge record.
function planVotes(random: Random, now: number, plans: SuggestionPlan[], members: Person[]) {
  const voters = new Map<SuggestionPlan, Map<number, number>>();
  for (const plan of plans) {
    const until = plan.closedAt ?? now - 5 * 60_000;
    const planVoters = new Map([[plan.author.id, plan.postedAt]]);
    // Whoever posted a duplicate of it evidently hadn't found it, let alone voted for it.
    const duplicateAuthors = new Set(plans.filter((other) => other.target === plan).map((other) => other.author.id));
    const eligible = random.shuffle(
      members.filter((m) => m.id !== plan.author.id && !duplicateAuthors.has(m.id) && m.joinedAt < until),
    );
    const heat = plan.spec.heat ?? 0.05;
    const wanted = Math.min(eligible.length, Math.round(eligible.length * heat ** 1.5 * random.between(0.8, 1.15)));
    for (const voter of eligible.slice(0, wanted)) {
      const from = Math.max(plan.postedAt, voter.joinedAt);
      planVoters.set(voter.id, from + (until - from) * random.next() ** 2);
    }
    voters.set(plan, planVoters);
  }
  const movedVoters = new Map<SuggestionPlan, number[]>();
  for (const plan of plans) {
    if (!plan.target) continue;
    const targetVoters = voters.get(plan.target)!;
    const moved = [...voters.get(plan)!].filter(([userId]) => !targetVoters.has(userId));
    for (const [userId, at] of moved) targetVoters.set(userId, at);
    movedVoters.set(
      plan,
      moved.map(([userId]) => userId),
    );
  }
  return { voters, movedVoters };
}

// Co-authors: the author of each duplicate is credited on its target (once, and not when
// they wrote the target themselves).
function planCredits(plans: SuggestionPlan[]) {
  const credits = new Map<SuggestionPlan, { userId: number; from: SuggestionPlan }[]>(plans.map((plan) => [plan, []]));
  for (const plan of plans) {
    if (!plan.target) continue;
    const onTarget = credits.get(plan.target)!;
    const userId = plan.author.id;
    if (userId !== plan.target.author.id && !onTarget.some((credit) => credit.userId === userId)) onTarget.push({ userId, from: plan });
  }
  return credits;
}

// The experience report: some of the people who asked for a shipped feature rate it after
// it lands, now and then with a word about it.
function planRatingsOf(random: Random, now: number, plan: SuggestionPlan, askedForIt: Person[]) {
  const shippedAt = plan.closedAt!;
  if (now - shippedAt < HOUR) return [];
  const raters = random.shuffle(askedForIt).slice(0, Math.round(askedForIt.length * random.between(0.3, 0.6)));
  return raters.map((rater) => ({
    suggestionId: plan.id,
    userId: rater.id,
    score: random.weightedPick([1, 2, 3, 4, 5], (_, i) => RATING_WEIGHTS[i]),
    comment: random.chance(0.35) ? random.pick(RATING_COMMENTS[rater.locale]) : "",
    createdAt: new Date(shippedAt + (now - shippedAt) * random.next() ** 2),
  }));
}

function shippedIn(plan: SuggestionPlan): string {
  return plan.releaseSlot === null ? WEEKLY_UPDATE[plan.locale] : releaseName(plan.releaseSlot);
}

// Member comments (some replying to earlier ones, a few marked helpful by staff), the
// owner's official replies at the moments that matter, and thanks once something ships.
// Sorted by time, so a reply's parent is always inserted before it.
function planComments(random: Random, now: number, plan: SuggestionPlan, members: Person[], boardNames: Map<string, Record<Locale, string>>) {
  const { spec, locale } = plan;
  const board = boardNames.get(spec.board)![locale];
  const until = plan.closedAt ?? now - 10 * 60_000;
  const official: CommentPlan[] = [];
  const say = (at: number, body: string) => official.push({ at, authorId: plan.owner.id, body, official: true, helpful: false });

  const isBug = spec.tags.includes("bug");
  // A duplicate's first answer is the merge itself, posted with the status change.
  if (plan.firstOfficialAt !== null && !plan.target) {
    const replies = FIRST_OFFICIAL_REPLIES[locale];
    say(plan.firstOfficialAt, isBug ? replies.bug : random.pick(replies.request)(board));
  }
  for (const change of plan.changes) {
    if (change.to === "duplicate") say(change.at, MERGE_REPLY[locale](plan.target!.id));
    if (change.to === "planned" && random.chance(0.5)) say(change.at, PLANNED_UPDATE[locale]);
    if (change.to === "shipped") say(change.at, SHIPPED_REPLY[locale](shippedIn(plan)));
    if (change.to === "declined") say(change.at, spec.declineReason!);
  }

  // Someone who had joined by then, mostly speaking the suggestion's language, and not
  // the same person again while others are around: real threads have many voices.
  const spoken = new Set<number>();
  const speaker = (at: number) => {
    const present = members.filter((m) => m.joinedAt < at);
    const fresh = present.filter((m) => !spoken.has(m.id));
    const candidates = fresh.length ? fresh : present;
    const sameLanguage = candidates.filter((m) => m.locale === locale);
    const chosen = random.pick(sameLanguage.length && random.chance(0.9) ? sameLanguage : candidates);
    spoken.add(chosen.id);
    return chosen;
  };

  const howMany = spec.duplicateOf ? (random.chance(0.4) ? 1 : 0) : Math.round((spec.heat ?? 0.05) * 8 + random.between(0, 2));
  const times = Array.from({ length: howMany }, () => plan.postedAt + (until - plan.postedAt) * random.next() ** 1.3).sort((a, b) => a - b);
  const written = [...(spec.comments ?? [])];
  const pool = MEMBER_COMMENTS[locale];
  const generic = random.shuffle(isBug ? [...pool.bug, ...pool.request] : pool.request);
  const replyPool = MEMBER_REPLIES[locale];
  const replies = random.shuffle(isBug ? [...replyPool.bug, ...replyPool.request] : replyPool.request);
  const discussion: CommentPlan[] = [];
  for (const at of times) {
    const author = speaker(at);
    const earlier = discussion.filter((c) => c.authorId !== author.id);
    if (written.length === 0 && earlier.length > 0 && replies.length > 0 && random.chance(0.3)) {
      discussion.push({ at, authorId: author.id, body: replies.pop()!, official: false, helpful: false, parent: random.pick(earlier) });
    } else {
      const body = written.shift() ?? generic.pop();
      if (body) discussion.push({ at, authorId: author.id, body, official: false, helpful: random.chance(0.12) });
    }
  }

  if (spec.status === "shipped" && plan.closedAt !== null && now - plan.closedAt > DAY) {
    const thanks = random.shuffle(THANKS_AFTER_SHIPPING[locale]).slice(0, 1 + Math.floor(random.next() * 2));
    for (const body of thanks) {
      const at = plan.closedAt + (now - plan.closedAt) * random.next() ** 2;
      discussion.push({ at, authorId: speaker(at).id, body, official: false, helpful: false });
    }
  }

  return [...official, ...discussion].sort((a, b) => a.at - b.at);
}

function changeNote(plan: SuggestionPlan, change: Change, boardNames: Map<string, Record<Locale, string>>): string {
  if (change.to === "declined") return plan.spec.declineReason!;
  if (change.to === "duplicate") {
    const target = plan.target!;
    return plan.locale === "zh" ? `与 #${target.id} 重复，已合并：${target.spec.title}` : `Merged into #${target.id}: ${target.spec.title}`;
  }
  return statusNote(change.to, plan.locale, boardNames.get(plan.spec.board)![plan.locale], shippedIn(plan));
}

/** Seeds only a database without users, so restarts never duplicate or overwrite data. */
export async function seedDemoDataIfEmpty(db: Db, options?: SeedOptions): Promise<SeedSummary | null> {
  const { n } = db.select({ n: count() }).from(users).get()!;
  return n === 0 ? seedDemoData(db, options) : null;
}

export function describeSeed(summary: SeedSummary): string {
  return [
    `${summary.users} users`,
    `${summary.boards} boards`,
    `${summary.tags} tags`,
    `${summary.suggestions} suggestions`,
    `${summary.votes} votes`,
    `${summary.comments} comments (${summary.officialReplies} official)`,
    `${summary.statusChanges} status changes`,
    `${summary.merges} merges`,
    `${summary.releases} releases`,
    `${summary.ratings} ratings`,
    `${summary.complaints} complaints`,
  ].join(", ");
}

async function main() {
  const file = env().DATABASE_URL;
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    const started = performance.now();
    // `--size small|large`: a forum at scale for the benchmark (db/seed-large.ts).
    const size = process.argv[process.argv.indexOf("--size") + 1];
    if (process.argv.includes("--size")) {
      const { SEED_SIZES, seedLarge, describeLargeSeed } = await import("./seed-large");
      if (!SEED_SIZES.includes(size as never)) throw new Error(`--size must be one of ${SEED_SIZES.join(", ")}`);
      const { n } = db.select({ n: count() }).from(users).get()!;
      if (n > 0) throw new Error(`${file} already has users; the ${size} data set only goes into an empty database.`);
      const large = await seedLarge(db, { size: size as "small" | "large", progress: true });
      console.log(`Seeded ${file} in ${large.seconds} s: ${describeLargeSeed(large)}.`);
      return;
    }
    // `--scenario stage1…stage4`: the source's stages, for calibrating the score (db/scenarios.ts).
    if (process.argv.includes("--scenario")) {
      const scenario = process.argv[process.argv.indexOf("--scenario") + 1];
      const { SCENARIOS, seedScenario } = await import("./scenarios");
      if (!SCENARIOS.includes(scenario as never)) throw new Error(`--scenario must be one of ${SCENARIOS.join(", ")}`);
      const { n } = db.select({ n: count() }).from(users).get()!;
      if (n > 0) throw new Error(`${file} already has users; a scenario only goes into an empty database.`);
      await seedScenario(db, scenario as (typeof SCENARIOS)[number]);
      console.log(`Seeded ${file} with ${scenario} in ${Math.round(performance.now() - started)} ms.`);
      return;
    }
    const summary = await seedDemoDataIfEmpty(db);
    if (summary) {
      console.log(`Seeded ${file} in ${Math.round(performance.now() - started)} ms: ${describeSeed(summary)}.`);
    } else {
      console.log(`${file} already has users; demo data only goes into an empty database, so nothing changed.`);
    }
  } finally {
    db.$client.close();
  }
}

// Not awaited at the top level: db/seed-large.ts imports this module, and a top-level await
// here would deadlock that cycle when main() loads it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
