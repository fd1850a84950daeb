// The authorization matrix: every action and protected route of the app against every actor
// (visitor, member at each honor level, staff, lead, admin), with the actors allowed. One
// table, read by tests/e2e/authorization-matrix.e2e.ts, which walks it over HTTP against
// the production server. A row builds its request from fresh fixtures, so one actor's
// success never changes the next actor's outcome.
//
// Refusals: a visitor is sent to /login (or gets 403 where the route is a data endpoint);
// a member gets 403, or 404 on the rows marked `hidesExistence` (complaints are private to
// their filer and staff; early-access suggestions do not exist below level 4).

export const ACTORS = ["visitor", "level0", "level1", "level2", "level3", "level4", "staff", "lead", "admin"] as const;
export type ActorName = (typeof ACTORS)[number];

// Who the request is made as: null for a visitor.
export type ActingUser = { id: number; username: string } | null;

// Fresh fixtures, made by the walker directly in the database (or over HTTP as an admin).
export type Fixtures = {
  publicBoard: string;
  tagSlug: string;
  badgeId: string;
  // An open suggestion on a public board, by `authorId` or else by a separate author who
  // voted for it.
  openSuggestion(authorId?: number): Promise<number>;
  // Shipped, and voted for by `voterId` (so they may rate it).
  shippedSuggestion(voterId?: number): Promise<number>;
  plannedSuggestion(): Promise<number>;
  earlyAccessSuggestion(): Promise<number>;
  // The tag of a campaign running on the early-access board (named after the campaign).
  earlyCampaignTag(): string;
  // A member's comment on a fresh open suggestion.
  comment(): Promise<{ suggestionId: number; commentId: number }>;
  // Flagged once by a level-1 member: pending review, still visible.
  flaggedSuggestion(): Promise<number>;
  mergeProposal(): Promise<{ sourceId: number; proposalId: number }>;
  // Two suggestions merged by staff: the undo is on the source's page.
  merge(): Promise<{ sourceId: number; mergeId: number }>;
  release(): Promise<number>;
  // A suggestion just moved to planned by staff: the change a correction may take back.
  statusChange(): Promise<{ suggestionId: number; statusChangeId: number }>;
  // Filed by another member.
  complaint(): Promise<number>;
  // A member nobody else touches, for admin actions on members.
  member(): Promise<string>;
  // A notification (a badge) in `userId`'s inbox, or else in a member's nobody else is.
  notification(userId?: number): Promise<number>;
  // A name no board has yet.
  boardSlug(): string;
  // The settings as they are, so an allowed save changes nothing for the other tests.
  currentSettings(): Record<string, string>;
};

// The body of every fixture suggestion.
export const FIXTURE_BODY = "Matrix fixture.";

export type MatrixRequest = { method: "GET" | "POST"; path: string; form?: Record<string, string | readonly string[]> };

export type MatrixRow = {
  id: string;
  allowed: readonly ActorName[];
  hidesExistence?: true;
  // A refusal answered with this status (a form error: "unknown suggestion", "can't merge
  // there") instead of 403, where saying "forbidden" would itself reveal something.
  refusedWith?: 400;
  request: (fixtures: Fixtures, actor: ActingUser) => Promise<MatrixRequest> | MatrixRequest;
};

const MEMBERS: readonly ActorName[] = ["level0", "level1", "level2", "level3", "level4"];
const STAFF: readonly ActorName[] = ["staff", "lead", "admin"];
const EVERYONE_LOGGED_IN = [...MEMBERS, ...STAFF];
const atLevel = (level: number): ActorName[] => [...MEMBERS.slice(level), ...STAFF];
const LEADS: readonly ActorName[] = ["lead", "admin"];
const ADMIN: readonly ActorName[] = ["admin"];

const onSuggestion = (id: number, form: Record<string, string | readonly string[]>): MatrixRequest => ({ method: "POST", path: `/s/${id}`, form });
const get = (path: string): MatrixRequest => ({ method: "GET", path });

export const AUTHORIZATION_MATRIX: readonly MatrixRow[] = [
  // Posting and editing
  { id: "post suggestion", allowed: EVERYONE_LOGGED_IN, request: (f) => ({ method: "POST", path: "/s/new", form: { title: "An idea for the matrix", body: "Some words.", board: f.publicBoard } }) },
  { id: "new suggestion page", allowed: EVERYONE_LOGGED_IN, request: () => get("/s/new") },
  {
    id: "edit own suggestion",
    allowed: EVERYONE_LOGGED_IN,
    request: async (f, actor) => ({ method: "POST", path: `/s/${await f.openSuggestion(actor?.id)}/edit`, form: { title: "A clearer title here", body: "Clearer words." } }),
  },
  // Level 3 edits others' titles only: the page sends the body back as it was, and the
  // title-only form ignores it (staff edit both).
  {
    id: "edit others' suggestion",
    allowed: atLevel(3),
    request: async (f) => ({ method: "POST", path: `/s/${await f.openSuggestion()}/edit`, form: { title: "Someone else's title", body: FIXTURE_BODY } }),
  },
  // On a suggestion's page (app/routes/s.$id/route.tsx, app/routes/s.$id/privileges.server.ts)
  { id: "vote", allowed: EVERYONE_LOGGED_IN, request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "vote", voted: "true" }) },
  // A list's vote button without JavaScript: the same intent, back to the list.
  { id: "vote from a list", allowed: EVERYONE_LOGGED_IN, request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "vote", voted: "true", returnTo: `/b/${f.publicBoard}?sort=new` }) },
  { id: "follow", allowed: EVERYONE_LOGGED_IN, request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "follow", following: "true" }) },
  { id: "unfollow", allowed: EVERYONE_LOGGED_IN, request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "follow", following: "false" }) },
  { id: "follow early access", allowed: atLevel(4), hidesExistence: true, request: async (f) => onSuggestion(await f.earlyAccessSuggestion(), { intent: "follow", following: "true" }) },
  { id: "usernames to mention", allowed: EVERYONE_LOGGED_IN, request: () => get("/members/mentions?q=fa") },
  { id: "comment", allowed: EVERYONE_LOGGED_IN, request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "comment", body: "A thought." }) },
  { id: "official comment", allowed: STAFF, request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "comment", body: "From the team.", official: "on" }) },
  { id: "rate shipped", allowed: EVERYONE_LOGGED_IN, request: async (f, actor) => onSuggestion(await f.shippedSuggestion(actor?.id), { intent: "rate", score: "4", comment: "Works." }) },
  { id: "change status", allowed: STAFF, request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "status", to: "under_review", note: "" }) },
  {
    id: "merge",
    allowed: STAFF,
    request: async (f) => {
      const target = await f.openSuggestion();
      return onSuggestion(await f.openSuggestion(), { intent: "merge", targetId: String(target), note: "The same idea." });
    },
  },
  {
    id: "undo merge",
    allowed: STAFF,
    request: async (f) => {
      const { sourceId, mergeId } = await f.merge();
      return onSuggestion(sourceId, { intent: "undo-merge", mergeId: String(mergeId) });
    },
  },
  {
    id: "undo a status change",
    allowed: STAFF,
    request: async (f) => {
      const { suggestionId, statusChangeId } = await f.statusChange();
      return onSuggestion(suggestionId, { intent: "revert", statusChangeId: String(statusChangeId), note: "Changed by mistake." });
    },
  },
  {
    id: "mark comment helpful",
    allowed: STAFF,
    request: async (f) => {
      const { suggestionId, commentId } = await f.comment();
      return onSuggestion(suggestionId, { intent: "helpful", commentId: String(commentId), helpful: "true" });
    },
  },
  { id: "tag own suggestion", allowed: EVERYONE_LOGGED_IN, request: async (f, actor) => onSuggestion(await f.openSuggestion(actor?.id), { intent: "tags", tags: [f.tagSlug] }) },
  { id: "tag others' suggestion", allowed: atLevel(2), request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "tags", tags: [f.tagSlug] }) },
  { id: "flag", allowed: atLevel(1), request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "flag", reason: "Off topic." }) },
  { id: "review flags", allowed: STAFF, request: async (f) => onSuggestion(await f.flaggedSuggestion(), { intent: "review-flags", decision: "restore" }) },
  {
    id: "propose merge",
    allowed: atLevel(2),
    request: async (f) => {
      const target = await f.openSuggestion();
      return onSuggestion(await f.openSuggestion(), { intent: "propose-merge", target: String(target) });
    },
  },
  {
    id: "decide merge proposal",
    allowed: STAFF,
    request: async (f) => {
      const { sourceId, proposalId } = await f.mergeProposal();
      return onSuggestion(sourceId, { intent: "decide-merge", proposalId: String(proposalId), decision: "reject", note: "" });
    },
  },
  // The early-access board: invisible below level 4.
  { id: "see early access", allowed: atLevel(4), hidesExistence: true, request: async (f) => get(`/s/${await f.earlyAccessSuggestion()}`) },
  { id: "vote early access", allowed: atLevel(4), hidesExistence: true, request: async (f) => onSuggestion(await f.earlyAccessSuggestion(), { intent: "vote", voted: "true" }) },
  // Early access through other paths (issue 18): a complaint "about" an early-access
  // suggestion, merging a public suggestion into one, its campaign's tag on public ones.
  {
    id: "complaint about early access",
    allowed: atLevel(4),
    refusedWith: 400,
    request: async (f) => ({ method: "POST", path: "/complaints/new", form: { subject: "decision", suggestion: String(await f.earlyAccessSuggestion()), title: "About that idea", body: "Details." } }),
  },
  {
    id: "merge public into early access",
    allowed: [],
    refusedWith: 400,
    request: async (f) => onSuggestion(await f.openSuggestion(), { intent: "merge", targetId: String(await f.earlyAccessSuggestion()), note: "The same idea." }),
  },
  {
    id: "early-access campaign tag on own public suggestion",
    allowed: [],
    refusedWith: 400,
    request: async (f, actor) => onSuggestion(await f.openSuggestion(actor?.id), { intent: "tags", tags: [f.earlyCampaignTag()] }),
  },
  // Staff tools
  { id: "staff queue", allowed: STAFF, request: () => get("/staff") },
  { id: "staff events", allowed: STAFF, request: () => get("/staff/events") },
  { id: "moderation queue", allowed: STAFF, request: () => get("/staff/moderation") },
  { id: "answer page", allowed: STAFF, request: async (f) => get(`/staff/answer/${await f.openSuggestion()}`) },
  { id: "answer from the queue", allowed: STAFF, request: async (f) => ({ method: "POST", path: `/staff/answer/${await f.openSuggestion()}`, form: { body: "Thanks, we are on it.", to: "under_review", then: "queue" } }) },
  { id: "bulk status", allowed: STAFF, request: async (f) => ({ method: "POST", path: "/staff", form: { bulk: "status", ids: [String(await f.openSuggestion()), String(await f.openSuggestion())], to: "under_review", note: "Looking." } }) },
  { id: "bulk tag", allowed: STAFF, request: async (f) => ({ method: "POST", path: "/staff", form: { bulk: "tag", ids: String(await f.openSuggestion()), tag: f.tagSlug } }) },
  { id: "bulk move to board", allowed: STAFF, request: async (f) => ({ method: "POST", path: "/staff", form: { bulk: "board", ids: String(await f.openSuggestion()), board: f.publicBoard } }) },
  { id: "saved replies page", allowed: STAFF, request: () => get("/staff/replies") },
  { id: "save a saved reply", allowed: STAFF, request: () => ({ method: "POST", path: "/staff/replies", form: { formId: "new", title: "Matrix reply", bodyEn: "Thanks {author}.", bodyZh: "谢谢{author}。", status: "" } }) },
  { id: "complaint queue", allowed: STAFF, request: () => get("/staff/complaints") },
  { id: "releases page", allowed: STAFF, request: () => get("/staff/releases") },
  { id: "create release", allowed: STAFF, request: () => ({ method: "POST", path: "/staff/releases", form: { intent: "create", name: "Matrix release", notes: "", releasedAt: "2025-06-01" } }) },
  {
    id: "ship into release",
    allowed: STAFF,
    request: async (f) => ({
      method: "POST",
      path: "/staff/releases",
      form: { intent: "ship", suggestionId: String(await f.plannedSuggestion()), releaseId: String(await f.release()), note: "" },
    }),
  },
  {
    id: "add to release",
    allowed: STAFF,
    request: async (f) => ({ method: "POST", path: "/staff/releases", form: { intent: "add", suggestionId: String(await f.shippedSuggestion()), releaseId: String(await f.release()) } }),
  },
  { id: "campaigns page", allowed: STAFF, request: () => get("/staff/campaigns") },
  {
    id: "create campaign",
    allowed: STAFF,
    request: (f) => ({
      method: "POST",
      path: "/staff/campaigns",
      form: { board: f.publicBoard, titleEn: "Matrix week", titleZh: "矩阵周", bannerEn: "", bannerZh: "", startsAt: "2031-01-01T00:00", endsAt: "2031-01-15T00:00" },
    }),
  },
  { id: "settings page", allowed: ADMIN, request: () => get("/staff/settings") },
  { id: "save settings", allowed: ADMIN, request: (f) => ({ method: "POST", path: "/staff/settings", form: f.currentSettings() }) },
  // Complaints: private to the filer and staff.
  { id: "file complaint", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/complaints/new", form: { subject: "product", title: "Something went wrong", body: "Details." } }) },
  { id: "see others' complaint", allowed: STAFF, hidesExistence: true, request: async (f) => get(`/complaints/${await f.complaint()}`) },
  { id: "acknowledge complaint", allowed: STAFF, hidesExistence: true, request: async (f) => ({ method: "POST", path: `/complaints/${await f.complaint()}`, form: { intent: "acknowledge" } }) },
  { id: "reply to others' complaint", allowed: STAFF, hidesExistence: true, request: async (f) => ({ method: "POST", path: `/complaints/${await f.complaint()}`, form: { intent: "reply", body: "We are on it." } }) },
  { id: "resolve complaint", allowed: STAFF, hidesExistence: true, request: async (f) => ({ method: "POST", path: `/complaints/${await f.complaint()}`, form: { intent: "resolve", note: "Fixed." } }) },
  // Invitations
  { id: "invite page", allowed: EVERYONE_LOGGED_IN, request: () => get("/invite") },
  { id: "create invite code", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/invite", form: { intent: "create" } }) },
  // Administration
  { id: "admin page", allowed: ADMIN, request: () => get("/admin") },
  {
    id: "create board",
    allowed: ADMIN,
    request: (f) => ({
      method: "POST",
      path: "/admin",
      form: { intent: "board", formId: "new", slug: f.boardSlug(), nameEn: "Matrix", nameZh: "矩阵", descriptionEn: "", descriptionZh: "", visibility: "public", position: "50" },
    }),
  },
  { id: "change role", allowed: ADMIN, request: async (f) => ({ method: "POST", path: "/admin", form: { intent: "role", username: await f.member(), role: "staff" } }) },
  { id: "honors admin page", allowed: ADMIN, request: () => get("/admin/honors") },
  { id: "webhooks admin page", allowed: ADMIN, request: () => get("/admin/webhooks") },
  // A documentation address (TEST-NET-1): public, so accepted without a DNS lookup; nothing listens there.
  {
    id: "add webhook endpoint",
    allowed: ADMIN,
    request: () => ({ method: "POST", path: "/admin/webhooks", form: { intent: "create", url: "https://192.0.2.1/hook", events: "complaint_filed" } }),
  },
  { id: "grant badge", allowed: ADMIN, request: async (f) => ({ method: "POST", path: "/admin/honors", form: { intent: "grant-badge", username: await f.member(), badgeId: f.badgeId } }) },
  { id: "set honor level", allowed: ADMIN, request: async (f) => ({ method: "POST", path: "/admin/honors", form: { intent: "set-level", username: await f.member(), level: "2" } }) },
  // The leads' dashboard
  { id: "leads dashboard", allowed: LEADS, request: () => get("/leads") },
  { id: "leads CSV", allowed: LEADS, request: () => get("/leads/csv/breakdown") },
  { id: "leads member list", allowed: LEADS, request: () => get("/leads/members") },
  { id: "leads member list CSV", allowed: LEADS, request: () => get("/leads/members.csv") },
  // A member's own things
  { id: "account page", allowed: EVERYONE_LOGGED_IN, request: () => get("/account") },
  { id: "resend email confirmation", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/account", form: { intent: "resend-verification" } }) },
  { id: "end other sessions", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/account", form: { intent: "sessions" } }) },
  { id: "access tokens page", allowed: EVERYONE_LOGGED_IN, request: () => get("/account/tokens") },
  {
    id: "create an access token",
    allowed: EVERYONE_LOGGED_IN,
    request: () => ({ method: "POST", path: "/account/tokens", form: { intent: "create", name: "matrix", scopes: "read" } }),
  },
  { id: "notifications", allowed: EVERYONE_LOGGED_IN, request: () => get("/notifications") },
  { id: "open own notification", allowed: EVERYONE_LOGGED_IN, request: async (f, actor) => get(`/notifications/${await f.notification(actor?.id)}`) },
  { id: "open another's notification", allowed: [], hidesExistence: true, request: async (f) => get(`/notifications/${await f.notification()}`) },
  // Password reset: open to anyone (one request per actor stays under the per-address limit).
  { id: "forgot password", allowed: ACTORS, request: (_f, actor) => ({ method: "POST", path: "/forgot-password", form: { identifier: actor?.username ?? "nobody_in_particular" } }) },
  { id: "reset password page", allowed: ACTORS, request: () => get("/reset-password/notavalidtokenatall234") },
  { id: "save profile", allowed: EVERYONE_LOGGED_IN, request: (_f, actor) => ({ method: "POST", path: "/account", form: { intent: "profile", displayName: actor?.username ?? "x", bio: "" } }) },
  { id: "remove picture", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/account", form: { intent: "remove-avatar" } }) },
  { id: "markdown preview", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/markdown/render", form: { text: "**hi**" } }) },
  { id: "markdown preview page", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/markdown/preview", form: { previewOf: "body", body: "**hi**" } }) },
  { id: "mark notifications read", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/notifications", form: { intent: "read-all" } }) },
  { id: "notification settings", allowed: EVERYONE_LOGGED_IN, request: () => ({ method: "POST", path: "/notifications/settings", form: { "official_reply.inApp": "on" } }) },
];
