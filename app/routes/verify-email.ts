// /verify-email?u=<id>&t=<token>: the link emailed at sign-up
// (app/features/accounts/email-verification.server.ts). Works logged in or not; either way
// it lands on the account page (via login when needed) with the outcome.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { verifyEmail } from "~/features/accounts/email-verification.server";

const linkSchema = z.object({ u: z.string().regex(/^[1-9]\d{0,15}$/).transform(Number), t: z.string().min(1).max(100) });

export function loader({ request }: LoaderFunctionArgs) {
  const link = linkSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const ok = link.success && verifyEmail(link.data.u, link.data.t);
  return redirect(`/account?done=${ok ? "verified" : "verification-failed"}`);
}
