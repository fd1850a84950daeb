import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { setUserLocale } from "~/features/accounts/accounts.server";
import { getOptionalUser, safeRedirect } from "~/features/accounts/auth.server";
import { LANGUAGES } from "~/i18n/i18n";
import { languageCookie } from "~/platform/locale.server";

// "browser" takes the choice back: the browser's Accept-Language decides again.
const schema = z.object({ language: z.enum([...LANGUAGES, "browser"]), redirectTo: z.string().optional() });

// The header's language switch: remembered in a cookie, and on the account when logged in.
export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return new Response("Unknown language", { status: 400 });
  const language = parsed.data.language === "browser" ? null : parsed.data.language;
  const user = getOptionalUser(request);
  if (user) setUserLocale(user.id, language);
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": languageCookie(language) },
  });
}

export function loader() {
  return redirect("/");
}
