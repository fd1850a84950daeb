// Calling a route's loader or action the way Remix does: a real Request carrying a real
// session cookie, so rights are checked exactly as in the running app.
import { createSession } from "~/features/accounts/sessions.server";

export function requestAs(
  user: { id: number } | null,
  path: string,
  { form }: { form?: Record<string, string> } = {},
): Request {
  const headers = new Headers();
  if (user) headers.set("Cookie", `sprout_session=${createSession(user.id).token}`);
  if (!form) return new Request(new URL(path, "http://localhost"), { headers });
  return new Request(new URL(path, "http://localhost"), { method: "POST", headers, body: new URLSearchParams(form) });
}

export function routeArgs(request: Request, params: Record<string, string> = {}) {
  return { request, params, context: {} };
}

// Loaders and actions throw Responses (redirects, 403, 404) as often as they return data.
export async function outcome(run: () => unknown): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const value = await run();
    if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), body: value };
    // Remix's data(): { type: "DataWithResponseInit", data, init }.
    if (value && typeof value === "object" && "init" in value && "data" in value) {
      const { data, init } = value as { data: unknown; init: { status?: number } | null };
      return { status: init?.status ?? 200, location: null, body: data };
    }
    return { status: 200, location: null, body: value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: thrown };
    throw thrown;
  }
}
