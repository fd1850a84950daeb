// Parts of a page that read the same for everyone who sees them in a language (a suggestion's
// row in a list without the member's own vote button, the leads' dashboard, a row of the leads'
// member table) are rendered by the server once and reused as markup until what they show
// changes; the reader's own parts are still rendered per request. Rendering those rows was
// most of a member's home and board page (fifteen to twenty rows, about 1 kB of markup each).
// See docs/decisions/012-shared-fragments.md.
//
// In the browser there is no store: the fragment's content renders as usual, hydrating the
// markup the server sent, which is the same markup (tests/unit/shared-fragments.test.ts).
import { UNSAFE_RemixContext } from "@remix-run/react";
import { createContext, useContext, type Context, type ReactElement } from "react";
import { getI18n, I18nContext } from "react-i18next";
import {
  UNSAFE_DataRouterContext,
  UNSAFE_DataRouterStateContext,
  UNSAFE_FetchersContext,
  UNSAFE_LocationContext,
  UNSAFE_NavigationContext,
  UNSAFE_RouteContext,
} from "react-router-dom";
import type { i18n } from "i18next";

export type FragmentStore = {
  get(key: string): string | undefined;
  // A fragment not stored: rendered apart after the response, once its key has been met twice.
  remember(key: string, content: ReactElement, i18n: i18n): void;
};

// What Remix's `<Form>` and its hooks (the form's action, fetchers, loader data) read. A
// fragment holding a form is rendered apart inside the values it met on the page, so its
// markup is the page's own.
const ROUTING: Context<unknown>[] = [
  UNSAFE_RemixContext,
  UNSAFE_DataRouterContext,
  UNSAFE_DataRouterStateContext,
  UNSAFE_FetchersContext,
  UNSAFE_NavigationContext,
  UNSAFE_LocationContext,
  UNSAFE_RouteContext,
] as Context<unknown>[];

const DATA_ROUTER = ROUTING.indexOf(UNSAFE_DataRouterContext as Context<unknown>);

function useRouting(): unknown[] | null {
  // eslint-disable-next-line react-hooks/rules-of-hooks -- a constant list: the same hooks in the same order on every render
  const values = ROUTING.map((context) => useContext(context));
  // Outside a Remix page (a test rendering a part alone) there is nothing to carry.
  return values[DATA_ROUTER] ? values : null;
}

function InRouting({ values, children }: { values: unknown[]; children: ReactElement }) {
  return values.reduceRight<ReactElement>((inner, value, i) => {
    const { Provider } = ROUTING[i];
    return <Provider value={value}>{inner}</Provider>;
  }, children);
}

export const FragmentContext = createContext<FragmentStore | null>(null);

// A key for an object never changed once made, such as a loader's result kept by
// app/platform/cache.server.ts: the same object has the same key, any other object a new one.
// It names the content without reading it.
const objectKeys = new WeakMap<object, string>();
let objectsKeyed = 0;
export function objectKey(value: object): string {
  let key = objectKeys.get(value);
  if (key === undefined) objectKeys.set(value, (key = `object:${++objectsKeyed}`));
  return key;
}

// A key for an object never changed once made, naming its content rather than its identity: a
// row read again after an unrelated write (a new object with the same figures) finds the
// markup stored for the old one. Spelled out once per object, not on every render.
const contentKeys = new WeakMap<object, string>();
export function contentKey(value: object): string {
  let key = contentKeys.get(value);
  if (key === undefined) contentKeys.set(value, (key = JSON.stringify(value)));
  return key;
}

// `cacheKey` must name everything the content shows (the language is added here): the content
// is reused for any request that gives the same key; null renders it as usual, never stored
// (a form showing the reader's errors). The fragment is the content of one element, a `div`, a
// list (`ul`) or one of its items (`li`), a table's `tr` or a folded `details`, with the given
// attributes. Fragments may nest: a stored outer one is written whole, and an outer one that is
// not stored still finds the inner ones that are.
export function SharedFragment({
  cacheKey,
  as: Element = "div",
  attributes,
  children,
}: {
  cacheKey: string | null;
  as?: "div" | "ul" | "li" | "tr" | "details";
  attributes?: { id?: string; className?: string; open?: boolean } & Record<`data-${string}`, string>;
  children: ReactElement;
}) {
  const store = useContext(FragmentContext);
  // The page's i18next instance (I18nextProvider), not useTranslation: that also sets up a
  // translator and its state, on each of the forty fragments of a page.
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  const routing = useRouting();
  if (store && cacheKey !== null) {
    const key = `${i18n.language}\u0000${cacheKey}`;
    const html = store.get(key);
    if (html !== undefined) return <Element {...attributes} dangerouslySetInnerHTML={{ __html: html }} />;
    store.remember(key, routing ? <InRouting values={routing}>{children}</InRouting> : children, i18n);
  }
  return <Element {...attributes}>{children}</Element>;
}
