// Just enough XML writing for VOTable and UWS documents: escaped text and attributes.

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

export type Attributes = Record<string, string | number | boolean | undefined | null>;

export function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
}

/** `<name attrs>children</name>`, or `<name attrs/>` without children. */
export function element(name: string, attrs: Attributes = {}, ...children: string[]): string {
  const body = children.join("");
  return body ? `<${name}${attributes(attrs)}>${body}</${name}>` : `<${name}${attributes(attrs)}/>`;
}
