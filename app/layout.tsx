import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { AccountMenu } from "@/components/account/account-menu";
import { SiteHeader } from "@/components/layout/site-header";
import { ThemeScript } from "@/components/layout/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "POGS — Pixels of Galaxies", template: "%s · POGS" },
  description: "See where your CPU time went: every pixel of nearby galaxies fitted with MAGPHYS by BOINC volunteers.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f4f6fb" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1020" },
  ],
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, even the not-found page: a page built ahead of time would
  // carry no nonce, and the CSP of proxy.ts would block its scripts.
  await connection();
  return (
    // The theme script sets data-theme on <html> before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="font-sans antialiased">
        <SiteHeader account={<AccountMenu />} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pt-4 pb-10 text-xs text-muted">
          POGS Portal — per-pixel SED fitting of nearby galaxies with MAGPHYS, computed by BOINC volunteers.
        </footer>
      </body>
    </html>
  );
}
