// A search result's excerpt: a window of text around where the searched words occur, split
// into parts so the page can wrap the matches in <mark> without ever building HTML strings.

export type SnippetPart = { text: string; highlight: boolean };

const ELLIPSIS = "…";

/**
 * The text around the first occurrence of any term (case-insensitive), `radius` characters
 * either side, with every occurrence of every term in that window highlighted. Without any
 * occurrence, the text's beginning.
 */
export function buildSnippet(text: string, terms: string[], radius = 60): SnippetPart[] {
  const matches = findOccurrences(text, terms);
  const first = matches[0];
  let start = first ? Math.max(0, first.start - radius) : 0;
  let end = first ? Math.min(text.length, first.end + radius) : Math.min(text.length, 2 * radius);
  start = characterBoundary(text, start);
  end = characterBoundary(text, end);
  // Whitespace next to an ellipsis reads as a gap, so cut ends start and stop at a word.
  while (start > 0 && start < (first?.start ?? end) && /\s/.test(text[start])) start++;
  while (end < text.length && end > (first?.end ?? start) && /\s/.test(text[end - 1])) end--;

  const parts: SnippetPart[] = [];
  if (start > 0) pushPart(parts, ELLIPSIS, false);
  let cursor = start;
  for (const match of matches) {
    if (match.end <= start || match.start >= end) continue;
    const from = Math.max(match.start, start);
    const to = Math.min(match.end, end);
    pushPart(parts, text.slice(cursor, from), false);
    pushPart(parts, text.slice(from, to), true);
    cursor = to;
  }
  pushPart(parts, text.slice(cursor, end), false);
  if (end < text.length) pushPart(parts, ELLIPSIS, false);
  return parts;
}

type Occurrence = { start: number; end: number };

// Every occurrence of every term, sorted, with overlapping ones ("abc" and "bcd" in
// "abcd") merged into one.
function findOccurrences(text: string, terms: string[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (const term of new Set(terms.map((t) => t.trim()).filter(Boolean))) {
    const pattern = new RegExp(escapeRegExp(term), "giu");
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      found.push({ start: match.index, end: match.index + match[0].length });
      // Occurrences may overlap ("aa" twice in "aaa"): go on from the next character.
      pattern.lastIndex = match.index + (text.codePointAt(match.index)! > 0xffff ? 2 : 1);
    }
  }
  found.sort((a, b) => a.start - b.start);
  const merged: Occurrence[] = [];
  for (const occurrence of found) {
    const last = merged.at(-1);
    if (last && occurrence.start <= last.end) last.end = Math.max(last.end, occurrence.end);
    else merged.push({ ...occurrence });
  }
  return merged;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Moves a cut that would fall between the two halves of a surrogate pair (an emoji, a rare
// Han character) to just before the pair.
function characterBoundary(text: string, index: number): number {
  const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
  return index > 0 && index < text.length && isLowSurrogate(text.charCodeAt(index)) ? index - 1 : index;
}

// Adjacent parts of the same kind join, and empty ones are dropped, so the page renders
// the fewest elements.
function pushPart(parts: SnippetPart[], text: string, highlight: boolean) {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.highlight === highlight) last.text += text;
  else parts.push({ text, highlight });
}
