/**
 * `apiRoute`: the one error path of the portal's route handlers. It parses the path params, the
 * query and (if a schema is given) the JSON body with zod, then runs the handler:
 *
 * - a POST, DELETE, … sent by another site's page → 403 (CSRF, `@/lib/security/same-origin`);
 * - path params that do not parse → 404 (a malformed id names no row, as on the pages);
 * - a query or body that does not parse → 400, the first issue's message naming the parameter;
 * - an `ApiError` thrown anywhere (`notFound()`, `badRequest()`) → its status;
 * - a write refused by a full disk → 503 saying so (the trouble is the server's, and passes);
 * - anything else → 500 with a short error id, logged with the stack under that id. The response
 *   carries neither the stack nor the message: they can hold paths, SQL or user data.
 *
 * All of them answer `{ "error": { "code", "message" } }` (see `./errors`), never Next's HTML
 * error page.
 */
import { randomBytes } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { crossSiteRefusal } from "@/lib/security/same-origin";
import { ApiError, badRequest, diskFullResponse, errorResponse, isDiskFull, notFound } from "./errors";

export interface RouteSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * Query keys that may be given more than once (`?PARAM=mu&PARAM=m`): they reach the query schema
   * as arrays of every value, in order, even when given once. `"all"`: every key. Other keys keep
   * their first value.
   */
  repeated?: "all" | readonly string[];
}

type Parsed<S extends RouteSchemas, K extends keyof RouteSchemas> =
  S extends Record<K, infer T extends z.ZodType> ? z.output<T> : undefined;

export interface RouteInput<S extends RouteSchemas> {
  request: Request;
  params: Parsed<S, "params">;
  query: Parsed<S, "query">;
  body: Parsed<S, "body">;
}

/** The path params as Next passes them: the params schema's input, so that Next's route type
 * check fails when the schema and the folder's `[segments]` disagree. */
type RawParams<S extends RouteSchemas> = S extends Record<"params", infer T extends z.ZodType> ? z.input<T> : unknown;

export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** A Response as it is, or any other object as JSON. */
export type RouteResult = Response | object;

export function apiRoute<S extends RouteSchemas>(
  schemas: S,
  handler: (input: RouteInput<S>) => RouteResult | Promise<RouteResult>,
): RouteHandler<RawParams<S>> {
  return async (request, context) => {
    try {
      const refused = crossSiteRefusal(request);
      if (refused) throw refused;
      const input = {
        request,
        params: schemas.params && parse(schemas.params, await context.params, notFound),
        query: schemas.query && parse(schemas.query, queryOf(request, schemas.repeated), badRequest),
        body: schemas.body && parse(schemas.body, await jsonBodyOf(request), badRequest),
      } as RouteInput<S>;
      const result = await handler(input);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      unstable_rethrow(error); // Next's own control flow (redirect(), dynamic-rendering bail-outs)
      if (error instanceof ApiError) return error.toResponse();
      if (isDiskFull(error)) {
        console.error(`disk full in ${request.method} ${new URL(request.url).pathname}:`, error);
        return diskFullResponse();
      }
      return internalError(request, error);
    }
  };
}

function parse<T extends z.ZodType>(schema: T, value: unknown, fail: (message: string) => never): z.output<T> {
  const result = schema.safeParse(value, { error: namingTheParameter });
  return result.success ? result.data : fail(result.error.issues[0]?.message ?? "invalid input");
}

/**
 * Runs only where a schema set no message of its own (zod's precedence), so "x is required"
 * stays as written and zod's "Invalid input: expected string…" becomes "x: Invalid input: …".
 */
function namingTheParameter(issue: z.core.$ZodRawIssue): string | undefined {
  const base = z.config().localeError?.(issue);
  const message = typeof base === "string" ? base : base?.message;
  const name = issue.path?.map(String).join(".");
  return message && name ? `${name}: ${message}` : message;
}

/** The query as an object: the `repeated` keys as arrays of all their values, the others with their first value. */
function queryOf(request: Request, repeated: RouteSchemas["repeated"] = []): Record<string, string | string[]> {
  const params = new URL(request.url).searchParams;
  const many = (name: string) => repeated === "all" || repeated.includes(name);
  return Object.fromEntries(
    [...new Set(params.keys())].map((name) => [name, many(name) ? params.getAll(name) : params.get(name)!]),
  );
}

async function jsonBodyOf(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return badRequest("the request body must be JSON");
  }
}

function internalError(request: Request, error: unknown): Response {
  const id = randomBytes(4).toString("hex");
  console.error(`API error ${id} in ${request.method} ${new URL(request.url).pathname}:`, error);
  return errorResponse(500, { code: "internal_error", message: `unexpected error, id ${id}`, id });
}
