"use client";
// What an error.tsx boundary shows: the page's part could not be read. The digest matches the
// server's log line, so an operator can find the cause; "Try again" re-renders the segment.
export function ErrorState({
  title = "This page could not be shown",
  error,
  reset,
}: {
  title?: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm tracking-widest text-muted uppercase">Error</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-muted">
        Something went wrong on our side while reading the survey. Try again in a moment; if it keeps happening, tell
        the operators
        {error.digest ? (
          <>
            {" "}
            and quote <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <button onClick={reset} className="mt-6 rounded bg-accent px-3 py-1.5 text-sm font-medium text-ink">
        Try again
      </button>
    </div>
  );
}
