// Calls of a BOINC project's Web RPCs (HTTP GET, XML out). Every way a call can fail becomes a
// BoincRpcError with a kind the link form turns into a sentence (./link-messages.ts).
import { parseRpcReply, RpcReplyError, type RpcReply } from "./rpc-reply";

export type BoincRpcFailure =
  | { kind: "rpc-error"; code: number; message: string }
  | { kind: "unreachable"; detail: string }
  | { kind: "http"; status: number }
  | { kind: "bad-reply"; detail: string };

export class BoincRpcError extends Error {
  constructor(readonly failure: BoincRpcFailure) {
    super(
      failure.kind === "rpc-error"
        ? `BOINC error ${failure.code}: ${failure.message}`
        : failure.kind === "http"
          ? `HTTP ${failure.status}`
          : failure.detail,
    );
    this.name = "BoincRpcError";
  }
}

// lookup_account.php sleeps a few seconds before refusing a password; allow for it.
const TIMEOUT_MS = 15_000;

export async function callBoincRpc(
  projectUrl: string,
  script: string,
  params: Record<string, string>,
): Promise<RpcReply> {
  const url = new URL(script, projectUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { Accept: "application/xml, text/xml" },
    });
  } catch (error) {
    throw new BoincRpcError({ kind: "unreachable", detail: networkReason(error) });
  }
  if (!response.ok) throw new BoincRpcError({ kind: "http", status: response.status });
  let reply: RpcReply;
  try {
    reply = parseRpcReply(await response.text());
  } catch (error) {
    if (error instanceof RpcReplyError) throw new BoincRpcError({ kind: "bad-reply", detail: error.message });
    throw error;
  }
  if (reply.root === "error") {
    const code = Number(reply.fields.get("error_num"));
    throw new BoincRpcError({
      kind: "rpc-error",
      code: Number.isFinite(code) ? code : 0,
      message: reply.fields.get("error_msg") ?? "",
    });
  }
  return reply;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return "its host name does not resolve";
  if ((error as Error)?.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}
