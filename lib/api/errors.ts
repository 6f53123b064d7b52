/**
 * The one error shape of the portal's API routes: `{ "error": { "code", "message" } }` (plus an
 * `id` on 500s), never cached. Handlers throw `ApiError`s (through `notFound()` / `badRequest()`)
 * from any depth, and `apiRoute` turns them into responses, so no handler builds an error body.
 */
export type ApiErrorCode = "bad_request" | "forbidden" | "not_found" | "internal_error";

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; id?: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toResponse(): Response {
    return errorResponse(this.status, { code: this.code, message: this.message });
  }
}

export function errorResponse(status: number, error: ApiErrorBody["error"]): Response {
  return Response.json({ error } satisfies ApiErrorBody, { status, headers: { "Cache-Control": "no-store" } });
}

/** Ends the handler with 404; typed `never` so `row ?? notFound("…")` narrows away the null. */
export function notFound(message: string): never {
  throw new ApiError(404, "not_found", message);
}

/** Ends the handler with 400, for input that is well-formed but does not fit (a pixel outside the image). */
export function badRequest(message: string): never {
  throw new ApiError(400, "bad_request", message);
}
