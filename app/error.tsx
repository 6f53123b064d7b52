"use client";
// Shown when a page fails on the server (the database is down, a file is missing).
import { ErrorState } from "@/components/ui/error-state";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState error={error} reset={reset} />;
}
