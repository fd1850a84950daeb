// The short invite link: /i/CODE counts as opened and leads to the signup form with the code.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { openInvitation } from "~/features/invitations/invitations.server";

export function loader({ params }: LoaderFunctionArgs) {
  const code = (params.code ?? "").slice(0, 40);
  openInvitation(code);
  return redirect(`/signup?invite=${encodeURIComponent(code)}`);
}
