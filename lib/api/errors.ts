/**
 * The one error shape of the portal's API routes: `{ "error": { "code", "message" } }` (plus an
 * `id` on 500s), never cached. Handlers throw `ApiError`s (through `notFound()` / `badRequest()`)
 * from any depth, and `apiRoute` turns them into responses, so no handler builds an error body.
 */
export type ApiErrorCode = "bad_request" | "forbidden" | "not_found" | "internal_error" | "unavailable";

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

// A full disk (or a spent quota) is the server's trouble and passes: 503, not a 500 with an error id.
const DISK_FULL_CODES = new Set(["ENOSPC", "EDQUOT"]);

export const DISK_FULL_MESSAGE = "the server's disk is full, so the file could not be written; try again later";

/** True when `error`, or what caused it, is a write refused for lack of disk space. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if ((code && DISK_FULL_CODES.has(code)) || /\bENOSPC\b|no space left on device/i.test(e.message)) return true;
  }
  return false;
}

/** The 503 answer to a full disk, in the one error shape. */
export function diskFullResponse(): Response {
  const response = errorResponse(503, { code: "unavailable", message: DISK_FULL_MESSAGE });
  response.headers.set("Retry-After", "300");
  return response;
}
