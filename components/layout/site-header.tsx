import Link from "next/link";
import { HeaderNav } from "./header-nav";

export function SiteHeader({ account }: { account?: React.ReactNode }) {
  return (
    <header className="sticky top-0 z-20 border-b border-line/70 bg-ink/80 backdrop-blur">
      <a
        href="#main"
        className="sr-only rounded bg-accent px-3 py-1.5 text-sm font-medium text-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-30"
      >
        Skip to the content
      </a>
      <nav aria-label="main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="inline-block h-3 w-3 rounded-full bg-accent shadow-[0_0_12px_var(--color-accent)]"
          />
          POGS <span className="hidden text-muted sm:inline lg:hidden xl:inline">· Pixels of Galaxies</span>
        </Link>
        <HeaderNav account={account} />
      </nav>
    </header>
  );
}
