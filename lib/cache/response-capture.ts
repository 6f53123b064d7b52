/**
 * Keeps a copy of what Next writes to a response while it streams to the visitor as usual, so
 * the page cache can store it. Gives up on a response larger than `limitBytes` (null) or one
 * whose connection closed before it finished ("closed").
 */
import type http from "node:http";

export interface CapturedResponse {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

type Write = (...args: unknown[]) => boolean;
type End = (...args: unknown[]) => http.ServerResponse;

export function captureResponse(
  res: http.ServerResponse,
  limitBytes: number,
  onDone: (captured: CapturedResponse | null | "closed") => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function" || size > limitBytes) return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    chunks.push(buffer);
  };
  const write = res.write.bind(res) as Write;
  const end = res.end.bind(res) as End;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as typeof res.end;

  let done = false;
  const finish = (captured: CapturedResponse | null | "closed") => {
    if (done) return;
    done = true;
    onDone(captured);
  };
  res.once("finish", () =>
    finish(
      size > limitBytes ? null : { status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) },
    ),
  );
  res.once("close", () => finish("closed"));
}
