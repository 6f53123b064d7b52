// A row of links of which one is the current choice (kind of list, order): plain links, so every
// choice has its own URL.
import Link from "next/link";

export function SegmentedLinks({
  label,
  options,
}: {
  label: string;
  options: { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label} className="inline-flex overflow-hidden rounded-lg border border-line text-sm">
      {options.map((o) => (
        <Link
          key={o.href}
          href={o.href}
          aria-current={o.current ? "page" : undefined}
          className={`px-3 py-1.5 ${o.current ? "bg-panel-2 font-medium text-text" : "text-muted hover:bg-panel-2/60 hover:text-text"}`}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
