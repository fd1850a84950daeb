// Images for upload tests, made with sharp: real files of each kind, and hostile ones.
import sharp from "sharp";

export function pngImage(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 160, b: 90 } } }).png().toBuffer();
}

// A photo-like JPEG carrying EXIF with GPS coordinates, as a phone camera writes it.
export function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withExif({ IFD0: { Make: "SproutPhone", Model: "Test" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 0/1" } })
    .jpeg()
    .toBuffer();
}

// Random pixels compress badly: a JPEG of noise this size is close to 5 MB, like a big photo.
export async function noisePhoto(width: number, height: number, quality = 92): Promise<Buffer> {
  const noise = await sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: "gaussian", mean: 128, sigma: 60 } } }).raw().toBuffer();
  return sharp(noise, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

// A decompression bomb: a PNG that says it is 30,000 × 30,000 (900 megapixels, gigabytes
// once decoded) in a file of a few hundred bytes. Made from a small real PNG by rewriting
// the size in its header (and the header's checksum); the check must refuse it from the
// header alone, before decoding anything.
export async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(await pngImage(8, 8));
  png.writeUInt32BE(30_000, 16);
  png.writeUInt32BE(30_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const SVG_WITH_SCRIPT = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
export const HTML_PAGE = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");

export function fileOf(bytes: Buffer, name: string, type: string): File {
  return new File([new Uint8Array(bytes)], name, { type });
}
