// Rendering as the server does, with or without a store of shared fragments
// (app/platform/shared-fragments.tsx), for the tests that compare the two.
import { createElement, type ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { sharedI18n, type Language } from "~/i18n/i18n";
import { pageCollector } from "~/platform/html-stream.server";
import { FragmentContext, type FragmentStore } from "~/platform/shared-fragments";
import { fragmentStore } from "~/platform/shared-fragments.server";

// In a language, with the store (null: as the browser renders), collected as the server sends
// a page (app/entry.server.tsx: whole).
export function renderWith(language: Language, store: FragmentStore | null, content: ReactElement): Promise<string> {
  const element = createElement(FragmentContext.Provider, { value: store }, createElement(I18nextProvider, { i18n: sharedI18n(language) }, content));
  return new Promise((resolve, reject) => {
    const { sink, page } = pageCollector();
    page.then((bytes) => resolve(new TextDecoder().decode(bytes)), reject);
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onShellError: reject });
  });
}

// A store that counts the fragments it served as stored markup.
export function countingStore() {
  const fragments = fragmentStore();
  let served = 0;
  const store: FragmentStore = {
    get: (key) => {
      const html = fragments.store.get(key);
      if (html !== undefined) served++;
      return html;
    },
    remember: fragments.store.remember,
  };
  return { store, renderPending: fragments.renderPending, served: () => served };
}
