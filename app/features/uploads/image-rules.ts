// Pure rules for uploaded images: what is accepted, and how a file says what it is. The
// bytes decide, never the name or the type the browser claims.

export const IMAGE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  perPost: 4,
  // Decoded size above which a file is refused as a decompression bomb: a 20,000 × 20,000
  // PNG of one colour is a few kilobytes on disk and 1.6 GB in memory. 40 megapixels is
  // more than any phone camera's photo.
  maxPixels: 40_000_000,
  maxSide: 2048,
  thumbnailSide: 480,
  avatarSide: 256,
  maxAltLength: 200,
};

export type ImageFormat = "png" | "jpeg" | "webp" | "gif";

export type ImageRefusal = "not_image" | "too_large" | "too_many_pixels" | "too_many_files";

// The format named by a file's first bytes (its "magic number"), or null: SVG, HTML and
// everything else is not an image Sprout takes.
export function sniffImageFormat(head: Uint8Array): ImageFormat | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 8 && head[0] === 0x89 && ascii(1, 4) === "PNG" && head[4] === 0x0d && head[5] === 0x0a) return "png";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.length >= 6 && (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a")) return "gif";
  if (head.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

// Stored names: random, lower-case base32, and what kind of file it is; nothing a member
// typed ever becomes part of a path.
export const STORED_NAME = /^[a-z2-7]{32}(-thumb)?\.webp$/;

export function thumbnailName(name: string): string {
  return name.replace(/\.webp$/, "-thumb.webp");
}
