// A BOINC Web RPC reply: one root element whose children hold text (BOINC_FACTS.md §5), e.g.
// `<account_out><authenticator>…</authenticator></account_out>`, or the error form
// `<error><error_num>-206</error_num><error_msg>…</error_msg></error>`. Nested blocks
// (`<global_prefs>` in am_get_info) are skipped: nothing here needs them.
import sax from "sax";

export type RpcReply = { root: string; fields: Map<string, string> };

export class RpcReplyError extends Error {}

export function parseRpcReply(xml: string): RpcReply {
  const parser = sax.parser(true, { trim: false, normalize: false });
  let root = "";
  let depth = 0;
  let field: string | null = null;
  let text = "";
  const fields = new Map<string, string>();
  parser.onerror = (error) => {
    throw new RpcReplyError(`not XML (${error.message.split("\n")[0]})`);
  };
  parser.onopentag = (tag) => {
    depth++;
    if (depth === 1) root = tag.name;
    if (depth === 2) {
      field = tag.name;
      text = "";
    }
  };
  parser.ontext = (t) => {
    if (depth === 2) text += t;
  };
  parser.oncdata = (t) => {
    if (depth === 2) text += t;
  };
  parser.onclosetag = () => {
    if (depth === 2 && field !== null && !fields.has(field)) fields.set(field, text.trim());
    depth--;
  };
  parser.write(xml).close();
  if (!root) throw new RpcReplyError("an empty reply");
  return { root, fields };
}

/**
 * A text field of a reply as the volunteer wrote it. am_get_info sends PHP `urlencode`d text
 * (`J%C3%BCrgen+M%C3%BCller`); other replies may carry UTF-8 written byte by byte as character
 * references. Both arrive as one character per byte, which repairBoincText turns back into UTF-8.
 */
export function phpUrlDecodeToBytes(text: string): string {
  return text
    .replace(/\+/g, " ")
    .replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
