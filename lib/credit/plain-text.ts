/**
 * BOINC team descriptions (and profile texts) are HTML written by volunteers. The portal shows
 * them as plain text, never as markup: tags are dropped (line and paragraph breaks kept as line
 * breaks), the contents of <script> and <style> dropped whole, character references decoded once.
 * What comes out is rendered as a text node, so nothing in it can become markup again.
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    // Only characters that may appear in text: no NUL, no surrogates, nothing past Unicode.
    const ok = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return ok ? String.fromCodePoint(code) : "\ufffd";
  });
}

export function htmlToPlainText(html: string, maxLength = 4000): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote)\s*>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "• ")
    .replace(/<[^>]*>/g, "")
    // a lone "<" without its ">" (cut-off markup) is text, and stays
    .replace(/[ \t\f\r]+/g, " ");
  const lines = decodeEntities(text)
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return lines.length > maxLength ? `${lines.slice(0, maxLength - 1)}…` : lines;
}

/** A volunteer-given URL worth linking: http(s) only, so `javascript:` and the like stay text. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}
