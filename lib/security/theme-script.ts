/**
 * The one inline script of every page: it sets `<html data-theme>` before the first paint, from
 * the reader's remembered choice (the header's switch, localStorage) or else the system's
 * `prefers-color-scheme`, so a light-theme reader never sees a dark flash. It must run before the
 * body renders, hence inline in <head>; the page CSP allows exactly this text by its sha256
 * (`pageCsp` in ./headers.ts), so pages stay the same for every visitor (no cookie or header decides
 * the theme on the server) and the script needs no nonce. Pure text: the browser bundle imports it.
 */

/** The localStorage key of the reader's choice: "light" or "dark"; absent means "follow the system". */
export const THEME_STORAGE_KEY = "pogs-theme";

// Storage can throw (privacy modes, blocked site data): the system's choice applies then.
export const THEME_SCRIPT = `(function(){var t;try{t=localStorage.getItem("${THEME_STORAGE_KEY}")}catch(e){}if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: light)").matches?"light":"dark";document.documentElement.dataset.theme=t})()`;
