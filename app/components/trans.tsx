// react-i18next's <Trans> interpolates values into the translation and then parses the result
// for <0>…</0> markup, so a display name like "x</0><1>link</1>" became real elements. This
// one escapes values before that parse and unescapes the text it renders: user text stays
// text, and the translation's own markup still works. Import Trans from here, never from
// react-i18next (eslint.config.js enforces it).
import type { ComponentProps } from "react";
// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import { Trans as UnsafeTrans } from "react-i18next";

export function Trans(props: ComponentProps<typeof UnsafeTrans>) {
  const tOptions = { ...props.tOptions, interpolation: { ...props.tOptions?.interpolation, escapeValue: true } };
  return <UnsafeTrans {...props} tOptions={tOptions} shouldUnescape />;
}
