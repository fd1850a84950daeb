import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, getOptionalUser } from "~/features/accounts/auth.server";
import { isStaff } from "~/features/roles/permissions";
import { latestSuggestionId, queueEvents } from "~/features/staff/staff-queue.server";

// The staff queue's live feed (server-sent events). A data endpoint: refused outright for
// anyone but staff rather than redirected to a login page an EventSource cannot show.
export function loader({ request }: LoaderFunctionArgs) {
  if (!isStaff(getOptionalUser(request))) throw forbidden();
  // A reconnecting browser says where it stopped; a fresh one, what its page already shows.
  const after = Number(request.headers.get("Last-Event-ID") ?? new URL(request.url).searchParams.get("after"));
  const stream = queueEvents({
    after: Number.isSafeInteger(after) && after > 0 ? after : latestSuggestionId(),
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
