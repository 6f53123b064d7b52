// Loading placeholders for the loading.tsx files: grey blocks in the shape of what is coming, so
// the page does not jump when it arrives. They pulse unless the reader asked for less motion.
const block = "rounded-md bg-panel-2/80 motion-safe:animate-pulse";

export function SkeletonBlock({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`${block} ${className}`} />;
}

/** A page title, its lead paragraph, a row of figures and a table. */
export function PageSkeleton({ label = "Loading" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="page-skeleton">
      <span className="sr-only">{label}…</span>
      <SkeletonBlock className="h-8 w-64 max-w-full" />
      <SkeletonBlock className="mt-3 h-4 w-full max-w-2xl" />
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <SkeletonBlock key={i} className="h-20" />
        ))}
      </div>
      <div className="mt-8 space-y-2 rounded-xl border border-line bg-panel/60 p-4">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <SkeletonBlock key={i} className="h-5" />
        ))}
      </div>
    </div>
  );
}
