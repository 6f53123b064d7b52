/**
 * Errors of data requests, in the one error path of `lib/api`: a `UsageError` is a 4xx whose
 * message says what to change (400 by default; 401 for an API token that is not valid, 403 for
 * someone else's job, 404 for an unknown galaxy or ID, 413 for a request over a size limit), a
 * `RateLimitedError` a 429 with `Retry-After`. The JSON routes answer them as `{ "error": … }`
 * with a code naming the kind, the IVOA routes (SODA, DataLink) as DALI text (`./ivoa-route.ts`).
 */
import { ApiError } from "@/lib/api/errors";

const CODES = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "too_large",
} as const;

export class UsageError extends ApiError {
  constructor(message: string, status: keyof typeof CODES = 400) {
    super(status, status === 404 ? "not_found" : "bad_request", message);
    this.name = "UsageError";
  }

  override toResponse(): Response {
    const code = CODES[this.status as keyof typeof CODES];
    return Response.json(
      { error: { code, message: this.message } },
      { status: this.status, headers: { "Cache-Control": "no-store" } },
    );
  }
}

export class RateLimitedError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "bad_request", message);
    this.name = "RateLimitedError";
  }

  override toResponse(): Response {
    return Response.json(
      { error: { code: "rate_limited", message: this.message } },
      {
        status: 429,
        headers: { "Cache-Control": "no-store", "Retry-After": String(Math.max(1, Math.ceil(this.retryAfterSeconds))) },
      },
    );
  }
}
