// Parts of a page that read the same for everyone who sees them in a language (a suggestion's
// row in a list, without the member's own vote button) are rendered by the server once and
// reused as markup until what they show changes; the member's own parts are still rendered
// per request. Rendering those rows was most of a member's home and board page (fifteen to
// twenty rows, about 1 kB of markup each). See docs/decisions/012-shared-fragments.md.
//
// In the browser there is no store: the fragment's content renders as usual, hydrating the
// markup the server sent, which is the same markup (tests/unit/shared-fragments.test.ts).
import { createContext, useContext, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { i18n } from "i18next";

export type FragmentStore = {
  get(key: string): string | undefined;
  // A fragment not rendered yet: rendered after the response, for the next request.
  remember(key: string, content: ReactElement, i18n: i18n): void;
};

export const FragmentContext = createContext<FragmentStore | null>(null);

// `cacheKey` must name everything the content shows (the language is added here): the content
// is reused for any request that gives the same key.
export function SharedFragment({ cacheKey, className, children }: { cacheKey: string; className: string; children: ReactElement }) {
  const store = useContext(FragmentContext);
  const { i18n } = useTranslation();
  if (store) {
    const key = `${i18n.language}\u0000${cacheKey}`;
    const html = store.get(key);
    if (html !== undefined) return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
    store.remember(key, children, i18n);
  }
  return <div className={className}>{children}</div>;
}
