// First: zod must be configured before any route module builds a schema.
import "~/platform/zod-config";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { getOptionalUser, refreshedSession } from "~/auth.server";
import { ErrorPage } from "~/components/error-page";
import { recordActivity } from "~/honors.server";
import { LANGUAGES, sharedI18n, type Language } from "~/i18n/i18n";
import { recordShareVisit } from "~/invitations.server";
import { resolveLanguage } from "~/locale.server";
import { useNonce } from "~/nonce";
import { unreadCount } from "~/notifications.server";
import { canViewLeadsDashboard, isStaff } from "~/permissions";
import { sessionCookie } from "~/sessions.server";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = getOptionalUser(request);
  // Days active feed streaks and honors; first, so a badge it earns is counted as unread.
  if (user) recordActivity(user.id);
  const language = resolveLanguage(request, user);
  const refreshed = refreshedSession(request);
  const headers = new Headers();
  if (refreshed) headers.append("Set-Cookie", sessionCookie(refreshed.token, refreshed.expiresAt));
  // A page opened through a member's share link (?ref=username) counts for them.
  const shareCredit = recordShareVisit(request, context);
  if (shareCredit) headers.append("Set-Cookie", shareCredit);
  return data(
    {
      user: user && { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
      language,
      unreadNotifications: user ? unreadCount(user.id) : 0,
    },
    { headers },
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRootData();
  const language: Language = root?.language ?? "en";
  const i18n = sharedI18n(language);
  const nonce = useNonce();
  return (
    <html lang={language === "zh" ? "zh-CN" : "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <SiteHeader />
          <main id="main">{children}</main>
          <SiteFooter />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader() {
  const { t } = useTranslation();
  const root = useRootData();
  const location = useLocation();
  const here = location.pathname + location.search;
  const user = root?.user;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <div className="inner">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">
            ✿
          </span>
          {t("common.appName")}
        </a>
        <Form method="get" action="/search" className="header-search" role="search">
          <label htmlFor="header-search" className="visually-hidden">
            {t("common.nav.search")}
          </label>
          <input id="header-search" type="search" name="q" placeholder={t("common.nav.searchPlaceholder")} />
        </Form>
        <nav className="header-nav" aria-label={t("common.nav.mainNavigation")}>
          <a href="/roadmap">{t("releases.roadmap.title")}</a>
          <a href="/changelog">{t("releases.changelog.title")}</a>
          <a href="/honors">{t("honorWall.title")}</a>
          {user ? (
            <>
              <a className="button primary" href="/s/new">
                {t("common.nav.newSuggestion")}
              </a>
              <a href="/invite">{t("invitations.nav")}</a>
              <a href="/notifications" className="header-notifications">
                {root.unreadNotifications > 0
                  ? t("notifications.navUnread", { count: root.unreadNotifications })
                  : t("notifications.nav")}
              </a>
              {isStaff(user) && <a href="/staff">{t("staff.queue.title")}</a>}
              {canViewLeadsDashboard(user) && <a href="/leads">{t("leads.nav")}</a>}
              {user.role === "admin" && <a href="/admin">{t("admin.title")}</a>}
              <a href={`/u/${user.username}`}>{user.displayName}</a>
              <a href="/account">{t("account.title")}</a>
              <Form method="post" action="/logout">
                <button type="submit" className="link">
                  {t("common.nav.logOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <a href={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("common.nav.logIn")}</a>
              <a className="button primary" href="/signup">
                {t("common.nav.signUp")}
              </a>
            </>
          )}
          <Form method="post" action="/set-language" className="language-switch" aria-label={t("common.nav.language")}>
            <input type="hidden" name="redirectTo" value={here} />
            {LANGUAGES.map((lng) => (
              <button
                key={lng}
                type="submit"
                name="language"
                value={lng}
                className="link"
                aria-pressed={root?.language === lng}
                lang={lng === "zh" ? "zh-CN" : "en"}
              >
                {t(`common.languageNames.${lng}`)}
              </button>
            ))}
          </Form>
        </nav>
      </div>
    </header>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      {t("common.footer")} · <a href="/complaints">{t("complaints.footerLink")}</a>
    </footer>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
