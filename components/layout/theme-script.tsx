import { THEME_SCRIPT } from "@/lib/security/theme-script";

/**
 * Sets <html data-theme> before the first paint (see lib/security/theme-script.ts). Rendered as is
 * into <head>: the page CSP allows exactly this text by its hash, so it carries no nonce.
 */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
