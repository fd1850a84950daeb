// Opening a notification: it is marked read, then the member lands where it leads. A plain
// link, so it works without JavaScript and opens in a new tab too.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/accounts/auth.server";
import { openNotification } from "~/features/notifications/notifications.server";
import { parseId } from "~/platform/route-params";

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const opened = openNotification(user.id, parseId(params.id));
  if (!opened) throw new Response("Not found", { status: 404 });
  return redirect(opened.path);
}
