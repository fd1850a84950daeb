// Parts of a page that read the same for everyone who sees them in a language (a suggestion's
// row in a list without the member's own vote button, the leads' dashboard, a row of the leads'
// member table) are rendered by the server once and reused as markup until what they show
// changes; the reader's own parts are still rendered per request. Rendering those rows was
// most of a member's home and board page (fifteen to twenty rows, about 1 kB of markup each).
// See docs/decisions/012-shared-fragments.md.
//
// In the browser there is no store: the fragment's content renders as usual, hydrating the
// markup the server sent, which is the same markup (tests/unit/shared-fragments.test.ts).
import { createContext, useContext, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { i18n } from "i18next";

export type FragmentStore = {
  get(key: string): string | undefined;
  // A fragment not stored: rendered apart after the response, once its key has been met twice.
  remember(key: string, content: ReactElement, i18n: i18n): void;
};

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
// is reused for any request that gives the same key. The fragment is the content of one element,
// a `div`, a list (`ul`) or one of its items (`li`), or a table's `tr`, with the given
// attributes. Fragments may nest: a stored outer one is written whole, and an outer one that is
// not stored still finds the inner ones that are.
export function SharedFragment({
  cacheKey,
  as: Element = "div",
  attributes,
  children,
}: {
  cacheKey: string;
  as?: "div" | "ul" | "li" | "tr";
  attributes?: { id?: string; className?: string } & Record<`data-${string}`, string>;
  children: ReactElement;
}) {
  const store = useContext(FragmentContext);
  const { i18n } = useTranslation();
  if (store) {
    const key = `${i18n.language}\u0000${cacheKey}`;
    const html = store.get(key);
    if (html !== undefined) return <Element {...attributes} dangerouslySetInnerHTML={{ __html: html }} />;
    store.remember(key, children, i18n);
  }
  return <Element {...attributes}>{children}</Element>;
}
