// The portal's one surface: a rounded panel on the sky. Pages, sections and lists sit in cards so
// every page has the same rhythm; `as` keeps the right element (a section with its heading, a list).
import type { ElementType, HTMLAttributes } from "react";

const PADDING = { none: "", sm: "p-3", md: "p-4", lg: "p-6 sm:p-8" } as const;

export function Card({
  as: Tag = "div",
  padding = "md",
  className = "",
  ...rest
}: { as?: ElementType; padding?: keyof typeof PADDING } & HTMLAttributes<HTMLElement>) {
  return (
    <Tag className={`min-w-0 rounded-xl border border-line bg-panel/60 ${PADDING[padding]} ${className}`} {...rest} />
  );
}
