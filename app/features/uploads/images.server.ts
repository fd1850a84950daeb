// Uploaded images: checked by their bytes, decoded and re-encoded by sharp (libvips), so what
// is stored is a fresh WebP with no EXIF or GPS data (sharp writes no metadata unless asked),
// at most 2048 px on a side, with a thumbnail. Files live under UPLOADS_DIR with random names.
import fs from "node:fs/promises";
import path from "node:path";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import sharp from "sharp";
import { env } from "~/platform/env.server";
import { IMAGE_LIMITS, sniffImageFormat, STORED_NAME, thumbnailName, type ImageRefusal } from "~/features/uploads/image-rules";

export type StoredImage = { name: string; width: number; height: number; bytes: number };
export type ImageResult = { ok: true; image: StoredImage } | { ok: false; reason: ImageRefusal };

export function uploadsDir(): string {
  return path.resolve(env().UPLOADS_DIR);
}

function randomName(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return `${encodeBase32LowerCaseNoPadding(bytes)}.webp`;
}

// Decodes only after the header says the file is a small enough image of an accepted kind.
async function checkedInput(bytes: Uint8Array): Promise<{ ok: true; animated: boolean } | { ok: false; reason: ImageRefusal }> {
  if (bytes.byteLength > IMAGE_LIMITS.maxBytes) return { ok: false, reason: "too_large" };
  const format = sniffImageFormat(bytes.subarray(0, 16));
  if (!format) return { ok: false, reason: "not_image" };
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(bytes, { animated: true, limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: "not_image" };
  }
  if (meta.format !== format) return { ok: false, reason: "not_image" };
  const pages = meta.pages ?? 1;
  if (!meta.width || !meta.height) return { ok: false, reason: "not_image" };
  if (meta.width * (meta.pageHeight ?? meta.height) * pages > IMAGE_LIMITS.maxPixels) return { ok: false, reason: "too_many_pixels" };
  return { ok: true, animated: pages > 1 };
}

async function writeFiles(files: { name: string; data: Buffer }[]) {
  const dir = uploadsDir();
  await fs.mkdir(dir, { recursive: true });
  try {
    // "wx": a name is never reused, even in the astronomically unlikely collision.
    for (const file of files) await fs.writeFile(path.join(dir, file.name), file.data, { flag: "wx" });
  } catch (error) {
    await removeStoredFiles(files.map((f) => f.name));
    throw error;
  }
}

// A screenshot or photo for a suggestion or comment: the image and its thumbnail.
export async function storeAttachmentImage(bytes: Uint8Array): Promise<ImageResult> {
  const checked = await checkedInput(bytes);
  if (!checked.ok) return checked;
  const options = { animated: checked.animated, limitInputPixels: IMAGE_LIMITS.maxPixels };
  try {
    const side = IMAGE_LIMITS.maxSide;
    const full = await sharp(bytes, options)
      .rotate() // applies the EXIF orientation before the EXIF is dropped
      .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
      // effort 2 of 6: a 4.6 MB photo took 2.5–3.3 s at the default 4 (the encoder), 0.5 s at 2.
      .webp({ quality: 82, effort: 2 })
      .toBuffer({ resolveWithObject: true });
    const thumbSide = IMAGE_LIMITS.thumbnailSide;
    // From the re-encoded image, not the upload: the big original is decoded only once.
    const thumb = await sharp(full.data)
      .resize({ width: thumbSide, height: thumbSide, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    const name = randomName();
    await writeFiles([
      { name, data: full.data },
      { name: thumbnailName(name), data: thumb },
    ]);
    return { ok: true, image: { name, width: full.info.width, height: full.info.pageHeight ?? full.info.height, bytes: full.data.length } };
  } catch {
    // libvips refuses truncated or corrupt data part-way through decoding.
    return { ok: false, reason: "not_image" };
  }
}

// A member's picture: a centred square.
export async function storeAvatarImage(bytes: Uint8Array): Promise<ImageResult> {
  const checked = await checkedInput(bytes);
  if (!checked.ok) return checked;
  try {
    const side = IMAGE_LIMITS.avatarSide;
    const data = await sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels })
      .rotate()
      .resize({ width: side, height: side, fit: "cover" })
      .webp({ quality: 82 })
      .toBuffer();
    const name = randomName();
    await writeFiles([{ name, data }]);
    return { ok: true, image: { name, width: side, height: side, bytes: data.length } };
  } catch {
    return { ok: false, reason: "not_image" };
  }
}

// Removes stored files (and an attachment's thumbnail); a file already gone is fine.
export async function removeStoredFiles(names: readonly string[]) {
  const dir = uploadsDir();
  for (const name of names) {
    if (!STORED_NAME.test(name)) continue;
    for (const file of name.includes("-thumb") ? [name] : [name, thumbnailName(name)]) {
      await fs.rm(path.join(dir, file), { force: true });
    }
  }
}

// The bytes of a stored file, or null when there is none by that name.
export async function readStoredFile(name: string): Promise<Buffer | null> {
  if (!STORED_NAME.test(name)) return null;
  try {
    return await fs.readFile(path.join(uploadsDir(), name));
  } catch {
    return null;
  }
}
