// The small "?" beside a map: opens the /about section that explains what the map shows.
import Link from "next/link";

export function HelpLink({ anchor, topic }: { anchor: string; topic: string }) {
  return (
    <Link
      href={`/about#${anchor}`}
      aria-label={`What is ${topic}? Explanation on the About page`}
      title={`What is ${topic}?`}
      className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full border border-line text-[11px] leading-none text-muted hover:border-accent-2 hover:text-accent-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      data-testid={`help-${anchor}`}
    >
      ?
    </Link>
  );
}
