// What people type into the search box, read the way search engines taught them: "quoted
// words" are one phrase, -word leaves out what contains it, and quotes, brackets, a leading
// plus or a trailing star around a word are syntax, not text to find. Before this, `"dark
// mode"`, `(export)` or `photo*` searched for the punctuation too and found nothing.

export type SearchQuery = { include: string[]; exclude: string[] };

const OPEN_QUOTES = `"“„«「『`;
const CLOSE_QUOTES = `"”»」』`;
// Wrapping that is syntax around a bare word.
const WRAPPING = /^[\p{Ps}\p{Pi}"'+*]+|[\p{Pe}\p{Pf}"'*]+$/gu;

export function parseSearchQuery(query: string, { maxLength = 100, maxTerms = 10 } = {}): SearchQuery {
  // Control characters separate terms: FTS5 reads a NUL inside a phrase as its end.
  const text = Array.from(query).slice(0, maxLength).join("").replace(/\p{Cc}+/gu, " ");
  const include: string[] = [];
  const exclude: string[] = [];
  const add = (term: string, excluded: boolean) => {
    const list = excluded ? exclude : include;
    if (term && !list.includes(term)) list.push(term);
  };
  const token = new RegExp(`(-?)[${OPEN_QUOTES}]([^${CLOSE_QUOTES}]*)[${CLOSE_QUOTES}]?|(\\S+)`, "gu");
  for (const [, minus, phrase, word] of text.matchAll(token)) {
    if (phrase !== undefined) {
      add(phrase.trim().replace(/\s+/g, " "), minus === "-");
      continue;
    }
    const excluded = word.length > 1 && word.startsWith("-");
    add((excluded ? word.slice(1) : word).replace(WRAPPING, ""), excluded);
  }
  // Only exclusions ("-1", "-dark") mean the words themselves.
  if (include.length === 0) return { include: exclude.slice(0, maxTerms), exclude: [] };
  return { include: include.slice(0, maxTerms), exclude: exclude.slice(0, Math.max(0, maxTerms - include.length)) };
}
