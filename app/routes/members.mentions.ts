import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { mentionCandidates } from "~/features/accounts/mention-candidates.server";

// GET /members/mentions?q=ad: usernames for the comment box's "@" suggestions. Only members
// write comments, so visitors are refused rather than given a way to list accounts. (A plain
// Response: a resource route sends data() with status 200 whatever its init says.)
export function loader({ request }: LoaderFunctionArgs) {
  if (!getOptionalUser(request)) return Response.json({ members: [] }, { status: 403 });
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 30);
  return Response.json({ members: mentionCandidates(q) }, { headers: { "Cache-Control": "private, max-age=60" } });
}
