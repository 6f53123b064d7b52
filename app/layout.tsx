import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "POGS — Pixels of Galaxies", template: "%s · POGS" },
  description: "See where your CPU time went: every pixel of nearby galaxies fitted with MAGPHYS by BOINC volunteers.",
};

export const viewport: Viewport = { themeColor: "#0b1020", width: "device-width", initialScale: 1 };

const NAV = [{ href: "/galaxies", label: "Galaxies" }];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="font-sans antialiased">
        <header className="sticky top-0 z-20 border-b border-line/70 bg-ink/70 backdrop-blur">
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <span
                aria-hidden
                className="inline-block h-3 w-3 rounded-full bg-accent shadow-[0_0_12px_var(--color-accent)]"
              />
              POGS <span className="hidden text-muted sm:inline">· Pixels of Galaxies</span>
            </Link>
            <div className="flex gap-4 text-sm text-muted">
              {NAV.map((item) => (
                <Link key={item.href} href={item.href} className="hover:text-text">
                  {item.label}
                </Link>
              ))}
            </div>
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
        <footer className="mx-auto max-w-6xl px-4 pt-4 pb-10 text-xs text-muted">
          POGS Portal — per-pixel SED fitting of nearby galaxies with MAGPHYS, computed by BOINC volunteers.
        </footer>
      </body>
    </html>
  );
}
