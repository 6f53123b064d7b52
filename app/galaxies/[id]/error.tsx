"use client";
// A galaxy whose maps or results could not be read: the header and navigation stay usable.
import { ErrorState } from "@/components/ui/error-state";

export default function GalaxyError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="This galaxy could not be shown" error={error} reset={reset} />;
}
