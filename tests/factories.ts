// Data builders for tests: each test states only what matters to it and gets valid,
// unique rows for the rest. They write through the app's own database handle.
import { randomBytes } from "node:crypto";
import { boards, complaints, invitations, suggestions, tags, users, votes, type Board, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { generateInviteCode } from "~/features/invitations/invitation-rules";
import { hashPassword } from "~/features/accounts/passwords.server";

// Every built member shares this password; scrypt is slow on purpose, so hash it only once.
export const MEMBER_PASSWORD = "sprout-test-password";
let passwordHash: Promise<string> | undefined;

// Random rather than counted: e2e test files share one server database.
const unique = () => randomBytes(4).toString("hex");

export async function createMember(overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  const username = overrides.username ?? `member_${unique()}`;
  return getDb()
    .insert(users)
    .values({
      username,
      displayName: username,
      email: `${username}@example.com`,
      passwordHash: await (passwordHash ??= hashPassword(MEMBER_PASSWORD)),
      role: "member",
      ...overrides,
    })
    .returning()
    .get();
}

export function createStaff(overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  return createMember({ role: "staff", ...overrides });
}

export function createBoard(overrides: Partial<typeof boards.$inferInsert> = {}): Board {
  const slug = overrides.slug ?? `board-${unique()}`;
  return getDb()
    .insert(boards)
    .values({ slug, nameEn: `Board ${slug}`, nameZh: `版块 ${slug}`, ...overrides })
    .returning()
    .get();
}

export function createTag(overrides: Partial<typeof tags.$inferInsert> = {}) {
  const slug = overrides.slug ?? `tag-${unique()}`;
  return getDb()
    .insert(tags)
    .values({ slug, nameEn: `Tag ${slug}`, nameZh: `标签 ${slug}`, ...overrides })
    .returning()
    .get();
}

type SuggestionOverrides = Partial<Omit<typeof suggestions.$inferInsert, "boardId" | "authorId" | "voteCount">>;

// The author votes for their own suggestion, as the app does, so it starts with one vote.
export async function createSuggestion({ board, author, ...overrides }: { board?: Board; author?: User } & SuggestionOverrides = {}) {
  const boardId = (board ?? createBoard()).id;
  const authorId = (author ?? (await createMember())).id;
  return getDb().transaction((tx) => {
    const suggestion = tx
      .insert(suggestions)
      .values({
        boardId,
        authorId,
        title: `A suggestion worth voting for ${unique()}`,
        body: "It would make the product better for everyone.",
        ...overrides,
        voteCount: 1,
      })
      .returning()
      .get();
    tx.insert(votes).values({ suggestionId: suggestion.id, userId: authorId, createdAt: suggestion.createdAt }).run();
    return suggestion;
  });
}

// A complaint as stored, straight into the table: tests of the queue set its state and times.
export async function createComplaint({ filer, ...overrides }: { filer?: User } & Partial<Omit<typeof complaints.$inferInsert, "userId">> = {}) {
  const userId = (filer ?? (await createMember())).id;
  return getDb()
    .insert(complaints)
    .values({ userId, subject: "product", title: `Something went wrong ${unique()}`, body: "It did not work for me.", ...overrides })
    .returning()
    .get();
}

// An invitation as stored, in any state: tests set its times and invitee. The code is a
// valid one (app/features/invitations/invitation-rules.ts), unique per call.
export async function createInvitationRow({ inviter, ...overrides }: { inviter?: User } & Partial<Omit<typeof invitations.$inferInsert, "inviterId">> = {}) {
  const inviterId = (inviter ?? (await createMember())).id;
  return getDb()
    .insert(invitations)
    .values({ inviterId, code: generateInviteCode(), expiresAt: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000), ...overrides })
    .returning()
    .get();
}
