// The server's store of shared fragments (app/platform/shared-fragments.tsx): markup per key,
// per process, bounded by size. A fragment not stored is rendered inline as usual; the second
// time its key is met it is also rendered on its own once the response has gone
// (renderPending), so the requests after reuse it. Rendering it inside the page's render would
// disturb React's context for the rest of the page. Waiting for a second sighting keeps a key
// met once (a dashboard whose data changed before anyone read it again) from costing a second
// render.
import { createHash } from "node:crypto";
import type { i18n } from "i18next";
import { LRUCache } from "lru-cache";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { FragmentStore } from "~/platform/shared-fragments";

// About 1 kB a row: thousands of rows in a few megabytes.
const rendered = new LRUCache<string, string>({ maxSize: 8_000_000, sizeCalculation: (html) => html.length * 2 + 64 });
// A few thousand keys are enough to tell the parts that come back from those that do not.
const seenOnce = new LRUCache<string, true>({ max: 5_000 });

// Keys that spell out long content (a profile's figures and bio, a row of the leads' member
// table) are kept as their digest, so thousands of them stay small. The digests of the keys met
// lately are remembered: a page of fifty rows hashed its fifty keys on every request.
const digests = new LRUCache<string, string>({ max: 5_000 });
function stored(key: string) {
  if (key.length <= 256) return key;
  let digest = digests.get(key);
  if (digest === undefined) digests.set(key, (digest = createHash("sha256").update(key).digest("base64")));
  return digest;
}

export function fragmentStore(): { store: FragmentStore; renderPending: () => void } {
  const pending = new Map<string, { content: ReactElement; i18n: i18n }>();
  return {
    store: {
      get: (key) => rendered.get(stored(key)),
      remember(key, content, i18n) {
        const id = stored(key);
        if (seenOnce.has(id)) pending.set(id, { content, i18n });
        else seenOnce.set(id, true);
      },
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
