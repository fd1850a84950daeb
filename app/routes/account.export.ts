import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/accounts/auth.server";
import { exportMemberData } from "~/features/accounts/privacy.server";

// A member's own data as a JSON download.
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return new Response(JSON.stringify(exportMemberData(user.id), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="sprout-${user.username}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
