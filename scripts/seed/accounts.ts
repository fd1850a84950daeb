// Demo logins, printed by `npm start` and used by tests: the seeds of the demo community,
// the benchmark's forum and the score scenarios all create these.
import type { Role } from "#db/enums";

export const DEMO_ACCOUNTS = [
  { username: "fan", password: "sprout-fan-demo", role: "member", displayName: "Sprout Fan" },
  { username: "staff", password: "sprout-staff-demo", role: "staff", displayName: "Mia Zhang (Sprout team)" },
  { username: "lead", password: "sprout-lead-demo", role: "lead", displayName: "David Wu (Product lead)" },
  { username: "admin", password: "sprout-admin-demo", role: "admin", displayName: "Sprout Admin" },
] as const satisfies readonly { username: string; password: string; role: Role; displayName: string }[];

// Everyone else in the demo community (including the second staff member) shares one
// password, so the whole community can be explored and scrypt runs only once for them.
export const DEMO_MEMBER_PASSWORD = "sprout-member-demo";
