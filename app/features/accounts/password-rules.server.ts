// Passwords sign-up and the password change refuse beyond the length rule: the most common
// ones (common-passwords.txt, the first guesses of every credential-stuffing list) and the
// member's own username or email. Server-only: the list stays out of the browser bundle.
import list from "./common-passwords.txt?raw";

const COMMON = new Set(
  list
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#")),
);

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.normalize("NFKC").toLowerCase());
}

export type PasswordProblem = "forms.passwordCommon" | "forms.passwordIsUsername";

export function passwordProblem(password: string, member: { username: string; email?: string }): PasswordProblem | null {
  const typed = password.normalize("NFKC").trim().toLowerCase();
  const own = [member.username, member.email, member.email?.split("@")[0]].filter(Boolean).map((s) => s!.trim().toLowerCase());
  if (own.includes(typed)) return "forms.passwordIsUsername";
  if (isCommonPassword(password)) return "forms.passwordCommon";
  return null;
}
