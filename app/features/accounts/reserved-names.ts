// Names sign-up does not hand out. Deleted accounts are renamed to a form the username
// pattern cannot produce (app/features/accounts/privacy.server.ts), and the old `deleted-<n>` form stays
// reserved so nobody poses as a departed member; display names may not pose as the team.

// What a deleted account's username and email become: a colon is outside USERNAME_PATTERN
// and the email has no "@", so no sign-up can ever collide with them.
export const deletedUsername = (userId: number) => `deleted:${userId}`;
export const deletedEmail = (userId: number) => `deleted:${userId}`;

const RESERVED_USERNAMES = /^(deleted([-_].*)?|admin|administrator|staff|team|moderator|mod|sprout|support|official|system|root)$/i;

export function isReservedUsername(username: string): boolean {
  return RESERVED_USERNAMES.test(username.trim());
}

// "Alice (team)", "Bob - Sprout Staff", "客服小王 官方": the suffix (or the whole name) that
// would read as the team speaking. Staff are marked by their role badge, never by a name.
const TEAM_WORDS = ["team", "staff", "official", "admin", "administrator", "moderator", "sprout", "团队", "官方", "管理员", "客服", "工作人员"];
const TEAM_SUFFIX = new RegExp(`(^|[\\s\\-_|·.,:(（\\[【])(sprout\\s*)?(${TEAM_WORDS.join("|")})[\\s)）\\]】.!]*$`, "i");

// Compared without case, spaces or punctuation, so "S t a f f" is "staff".
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}\p{Cf}]/gu, "");
}

export function hasTeamSuffix(displayName: string): boolean {
  const name = displayName.normalize("NFKC").trim();
  return TEAM_SUFFIX.test(name) || TEAM_WORDS.includes(nameKey(name));
}

// staffNames: the display names and usernames of staff, leads and admins.
export function isReservedDisplayName(displayName: string, staffNames: readonly string[]): boolean {
  if (hasTeamSuffix(displayName)) return true;
  const key = nameKey(displayName);
  return key.length > 0 && staffNames.some((name) => nameKey(name) === key);
}
