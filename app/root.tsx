// First: zod must be configured before any route module builds a schema.
import "~/platform/zod-config";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { getOptionalUser, refreshedSession } from "~/features/accounts/auth.server";
import { Avatar } from "~/components/avatar";
import { ErrorPage, errorKind } from "~/components/error-page";
import { recordActivity } from "~/features/honors/honors.server";
import { LANGUAGES, sharedI18n, type Language } from "~/i18n/i18n";
import { titleMeta } from "~/i18n/meta";
import { recordShareVisit } from "~/features/invitations/invitations.server";
import { chosenLanguage, resolveLanguage } from "~/platform/locale.server";
import { useNonce } from "~/platform/nonce";
import { unreadCount } from "~/features/notifications/notifications.server";
import { canViewLeadsDashboard, isStaff } from "~/features/roles/permissions";
import { sessionCookie } from "~/features/accounts/sessions.server";
import stylesheet from "~/styles/app.css?url";

// A page that failed is drawn by the root's boundary with the root's meta alone, so the
// root names it (pages otherwise name themselves).
export const meta: MetaFunction = ({ error, matches }) =>
  error ? titleMeta(matches, `common.errors.${errorKind(isRouteErrorResponse(error) ? error.status : 500)}Title`) : [];

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
      // Whether the language is the member's choice rather than their browser's.
      languageChosen: chosenLanguage(request, user) !== null,
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

// One row on a laptop for every role, a compact bar on a phone: brand, search, the bell with
// the unread count, and a menu (a <details>, so it opens without JavaScript) holding what does
// not fit: staff, lead and admin pages, the member's own pages, language and logging out.
function SiteHeader() {
  const { t } = useTranslation();
  const root = useRootData();
  const location = useLocation();
  const here = location.pathname + location.search;
  const user = root?.user;
  const menu = useRef<HTMLDetailsElement>(null);
  // The header stays mounted across client-side navigations: close the menu on each one.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  const unread = root?.unreadNotifications ?? 0;
  const languageSwitch = (
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
      {root?.languageChosen && (
        <button type="submit" name="language" value="browser" className="link">
          {t("common.nav.followBrowser")}
        </button>
      )}
    </Form>
  );
  const browse = (
    <>
      <a href="/roadmap">{t("releases.roadmap.title")}</a>
      <a href="/changelog">{t("releases.changelog.title")}</a>
      <a href="/honors">{t("honorWall.title")}</a>
    </>
  );
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <div className="inner">
        <a className="brand" href="/" aria-label={t("common.appName")}>
          <span className="brand-mark" aria-hidden="true">
            ✿
          </span>
          <span className="brand-name">{t("common.appName")}</span>
        </a>
        <Form method="get" action="/search" className="header-search" role="search">
          <label htmlFor="header-search" className="visually-hidden">
            {t("common.nav.search")}
          </label>
          <input id="header-search" type="search" name="q" placeholder={t("common.nav.searchPlaceholder")} />
        </Form>
        <nav className="header-nav" aria-label={t("common.nav.mainNavigation")}>
          <span className="wide-only">{browse}</span>
          {user ? (
            <a className="button primary wide-only" href="/s/new">
              {t("common.nav.newSuggestion")}
            </a>
          ) : (
            <>
              <a className="wide-only" href={`/login?redirectTo=${encodeURIComponent(here)}`}>
                {t("common.nav.logIn")}
              </a>
              <a className="button primary wide-only" href="/signup">
                {t("common.nav.signUp")}
              </a>
              <span className="wide-only">{languageSwitch}</span>
            </>
          )}
          {user && (
            <a
              href="/notifications"
              className="header-bell"
              data-unread={unread > 0 ? (unread > 99 ? "99+" : String(unread)) : undefined}
              title={unread > 0 ? t("notifications.navUnread", { count: unread }) : t("notifications.nav")}
            >
              <BellIcon />
              <span className="visually-hidden header-notifications">
                {unread > 0 ? t("notifications.navUnread", { count: unread }) : t("notifications.nav")}
              </span>
            </a>
          )}
          <details className={`header-menu${user ? "" : " narrow-only"}`} ref={menu}>
            <summary>
              {user ? (
                <>
                  <Avatar name={user.displayName} username={user.username} size={28} />
                  <span className="wide-only menu-name">{user.displayName}</span>
                </>
              ) : null}
              <span className="menu-icon narrow-only" aria-hidden="true">
                ☰
              </span>
              <span className="visually-hidden">{t("common.nav.menu")}</span>
            </summary>
            <div className="menu-panel">
              <div className="narrow-only menu-group">
                {user && (
                  <a className="button primary" href="/s/new">
                    {t("common.nav.newSuggestion")}
                  </a>
                )}
                {browse}
              </div>
              {user ? (
                <>
                  <div className="menu-group">
                    <a href={`/u/${user.username}`}>{t("common.nav.profile")}</a>
                    <a href="/account">{t("account.title")}</a>
                    <a href="/notifications/settings">{t("notifications.settingsLink")}</a>
                    <a href="/invite">{t("invitations.nav")}</a>
                  </div>
                  {(isStaff(user) || canViewLeadsDashboard(user)) && (
                    <div className="menu-group">
                      {isStaff(user) && <a href="/staff">{t("staff.queue.title")}</a>}
                      {canViewLeadsDashboard(user) && <a href="/leads">{t("leads.nav")}</a>}
                      {user.role === "admin" && <a href="/admin">{t("admin.title")}</a>}
                    </div>
                  )}
                  <div className="menu-group">{languageSwitch}</div>
                  <div className="menu-group">
                    <Form method="post" action="/logout">
                      <button type="submit" className="link">
                        {t("common.nav.logOut")}
                      </button>
                    </Form>
                  </div>
                </>
              ) : (
                <>
                  <div className="menu-group">
                    <a href={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("common.nav.logIn")}</a>
                    <a className="button primary" href="/signup">
                      {t("common.nav.signUp")}
                    </a>
                  </div>
                  <div className="menu-group">{languageSwitch}</div>
                </>
              )}
            </div>
          </details>
        </nav>
      </div>
    </header>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
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
