// A member's picture: the uploaded image when there is one, else their initials on a colour
// that is always the same for the same username, so people are recognisable across lists.

// Up to two letters: the first letter of the first and last word ("Ada Lovelace" → "AL"),
// or the first character alone for a single word or a Chinese name ("李雷" → "李").
export function avatarInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = Array.from(words[0])[0];
  // Han, kana and hangul names read as one unit: one character is the recognisable part.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(first) || words.length === 1) {
    return first.toLocaleUpperCase();
  }
  return (first + Array.from(words[words.length - 1])[0]).toLocaleUpperCase();
}

// A hue from the username (FNV-1a), at a lightness where white initials stay above WCAG AA
// contrast (4.5:1) for every hue.
export function avatarColor(username: string): string {
  let hash = 0x811c9dc5;
  for (const char of username.toLowerCase()) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `hsl(${hash % 360} 60% 28%)`;
}

export function Avatar({
  name,
  username,
  src,
  size = 28,
}: {
  name: string;
  username: string;
  src?: string | null;
  size?: number;
}) {
  const style = { width: size, height: size, fontSize: Math.round(size * 0.42) };
  if (src) return <img className="avatar" src={src} alt="" width={size} height={size} style={style} />;
  // Decorative: the name is always written next to it.
  return (
    <span className="avatar" aria-hidden="true" style={{ ...style, background: avatarColor(username) }}>
      {avatarInitials(name)}
    </span>
  );
}
