/**
 * `ivoaRoute`: `apiRoute` for the IVOA endpoints (SODA, DataLink, the UWS jobs). The same
 * validation and error ids for 500s; the differences are the ones the standards ask for (DALI 1.1
 * §3, §4):
 * - parameter names are case-insensitive, so keys reach the schema upper-cased, every key as an
 *   array of its values (the schema decides which may repeat);
 * - a POSTed form counts as query parameters;
 * - errors are `text/plain` starting with a DALI word (`UsageError: …`) with the 4xx/5xx status
 *   (or the portal's JSON errors with `{ errors: "json" }`, for routes the portal's pages call).
 */
import type { z } from "zod";
import { apiRoute, type RouteHandler, type RouteInput, type RouteResult } from "@/lib/api/handler";
import { crossSiteRefusal } from "@/lib/security/same-origin";

type Schemas = { query: z.ZodType; params?: z.ZodType };
type Params = Record<string, string[]>;

const DALI_WORDS =
  /^(Error|AuthenticationError|AuthorizationError|ServiceUnavailable|UsageError|MultiValuedParamNotSupported):/;

/** Upper-cased keys with all their values merged, for a schema to parse (DALI names ignore case). */
export function upperCaseParams(raw: unknown): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, string | string[]>))
    (out[key.toUpperCase()] ??= []).push(...(Array.isArray(value) ? value : [value]));
  return out;
}

/** A POST's form fields moved into the URL, so one query schema reads GET and POST alike. */
async function withFormInQuery(request: Request): Promise<Request> {
  const type = request.headers.get("content-type") ?? "";
  if (request.method !== "POST" || !/application\/x-www-form-urlencoded|multipart\/form-data/.test(type))
    return request;
  const url = new URL(request.url);
  try {
    for (const [key, value] of (await request.formData()).entries())
      if (typeof value === "string") url.searchParams.append(key, value);
  } catch {
    // an unreadable body adds nothing; the schema then says what is missing
  }
  return new Request(url, { method: "GET", headers: request.headers });
}

function daliWord(status: number): string {
  if (status === 401) return "AuthenticationError";
  if (status === 403) return "AuthorizationError";
  if (status === 429 || status === 503) return "ServiceUnavailable";
  return status >= 500 ? "Error" : "UsageError";
}

/** An `{ "error": … }` response as DALI text, headers (Retry-After) kept. */
async function asDaliText(response: Response): Promise<Response> {
  if (response.status < 400 || !response.headers.get("content-type")?.includes("json")) return response;
  const body = (await response.json()) as { error?: { message?: string } };
  const message = body.error?.message ?? "request failed";
  const text = DALI_WORDS.test(message) ? message : `${daliWord(response.status)}: ${message}`;
  const headers = new Headers(response.headers);
  headers.set("Content-Type", "text/plain; charset=utf-8");
  headers.delete("Content-Length");
  return new Response(`${text}\n`, { status: response.status, headers });
}

export function ivoaRoute<S extends Schemas, P = unknown>(
  schemas: S,
  handler: (input: RouteInput<S>) => RouteResult | Promise<RouteResult>,
  options: { errors?: "dali" | "json" } = {},
): RouteHandler<P> {
  const inner = apiRoute({ ...schemas, repeated: "all" as const }, handler) as RouteHandler<P>;
  return async (request, context) => {
    // Before the form is moved into the query: that request is a GET, which apiRoute lets pass.
    const refused = crossSiteRefusal(request);
    const response = refused ? refused.toResponse() : await inner(await withFormInQuery(request), context);
    return options.errors === "json" ? response : asDaliText(response);
  };
}
