import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { STORED_NAME } from "~/features/uploads/image-rules";
import { readStoredFile } from "~/features/uploads/images.server";
import { uploadAccess } from "~/features/uploads/serving.server";

// Stored images. Every file was re-encoded as WebP by the server, so it is served as exactly
// that, never sniffed, never as a document that could run script. A name never changes its
// bytes, so public files are cached for a year; an early-access suggestion's images only
// by the browser of someone allowed to see them, and a 404 for everyone else.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const name = params.name ?? "";
  // (X-Content-Type-Options: nosniff is on every response of the server already.)
  const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!STORED_NAME.test(name)) return notFound();
  const access = uploadAccess(name, getOptionalUser(request));
  if (access === "hidden") return notFound();
  const bytes = await readStoredFile(name);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Content-Disposition": "inline",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": access === "public" ? "public, max-age=31536000, immutable" : "private, max-age=3600",
    },
  });
}
