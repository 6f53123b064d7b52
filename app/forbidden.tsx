import Link from "next/link";

// Shown with status 403 when a signed-in account asks for a page its role does not allow
// (requireAdmin in lib/auth/session.ts).
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm tracking-widest text-muted uppercase">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Not for your account</h1>
      <p className="mt-3 text-muted">
        This page is for the survey&apos;s operators (admin accounts). You are signed in, but your account is a
        volunteer&apos;s.
      </p>
      <div className="mt-6 flex justify-center gap-3 text-sm">
        <Link className="rounded bg-accent px-3 py-1.5 font-medium text-ink" href="/account">
          Your account
        </Link>
        <Link className="rounded border border-line px-3 py-1.5" href="/">
          Home
        </Link>
      </div>
    </div>
  );
}
