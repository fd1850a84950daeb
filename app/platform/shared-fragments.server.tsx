// The server's store of shared fragments (app/platform/shared-fragments.tsx): markup per key,
// per process, bounded by size. A fragment first seen in a request is rendered inline as usual
// and again, on its own, once the response has gone (renderPending), so the next request
// reuses it; rendering inside the page's render would disturb React's context for the rest of
// the page.
import type { i18n } from "i18next";
import { LRUCache } from "lru-cache";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { FragmentStore } from "~/platform/shared-fragments";

// About 1 kB a row: thousands of rows in a few megabytes.
const rendered = new LRUCache<string, string>({ maxSize: 8_000_000, sizeCalculation: (html) => html.length * 2 + 64 });

export function fragmentStore(): { store: FragmentStore; renderPending: () => void } {
  const pending = new Map<string, { content: ReactElement; i18n: i18n }>();
  return {
    store: {
      get: (key) => rendered.get(key),
      remember: (key, content, i18n) => void pending.set(key, { content, i18n }),
    },
    renderPending() {
      for (const [key, { content, i18n }] of pending) {
        if (rendered.has(key)) continue;
        // Runs after the response, outside any request: a fragment that fails to render is
        // left to be rendered inline again, never allowed to stop the process.
        try {
          rendered.set(key, renderToString(<I18nextProvider i18n={i18n}>{content}</I18nextProvider>));
        } catch (error) {
          console.error("Storing a shared fragment failed", error);
        }
      }
      pending.clear();
    },
  };
}
