import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm tracking-widest text-muted uppercase">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Nothing here</h1>
      <p className="mt-3 text-muted">
        There is no galaxy, volunteer or team at this address. It may never have existed, or the link is mistyped.
      </p>
      <div className="mt-6 flex justify-center gap-3 text-sm">
        <Link className="rounded bg-accent px-3 py-1.5 font-medium text-ink" href="/galaxies">
          Browse galaxies
        </Link>
        <Link className="rounded border border-line px-3 py-1.5" href="/">
          Home
        </Link>
      </div>
    </div>
  );
}
