"use client";

// Shown when a page fails on the server (the database is down, a file is missing). The digest
// matches the server log line, so an operator can find the cause.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm tracking-widest text-muted uppercase">Error</p>
      <h1 className="mt-2 text-2xl font-semibold">This page could not be shown</h1>
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
