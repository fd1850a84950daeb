// The OpenAPI 3.1 document, public: it describes the API, it gives no access.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/features/api/openapi";

export function loader({ request }: LoaderFunctionArgs) {
  return new Response(JSON.stringify(openApiDocument(new URL(request.url).origin), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
