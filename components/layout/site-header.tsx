import Link from "next/link";
import { NAV_ITEMS } from "./nav-items";

export function SiteHeader({ account }: { account?: React.ReactNode }) {
  return (
    <header className="sticky top-0 z-20 border-b border-line/70 bg-ink/70 backdrop-blur">
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="inline-block h-3 w-3 rounded-full bg-accent shadow-[0_0_12px_var(--color-accent)]"
          />
          POGS <span className="hidden text-muted sm:inline">· Pixels of Galaxies</span>
        </Link>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          {NAV_ITEMS.map((item) => (
            <Link key={item.href} href={item.href} className="hover:text-text">
              {item.label}
            </Link>
          ))}
        </div>
        {account ? <div className="ml-auto text-sm">{account}</div> : null}
      </nav>
    </header>
  );
}
