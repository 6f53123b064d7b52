import Link from "next/link";

/** Previous/next links that keep the other query parameters. */
export function Pagination({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  return (
    <nav aria-label="pagination" className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link className="rounded border border-line px-3 py-1 hover:bg-panel-2" href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="tabular text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="rounded border border-line px-3 py-1 hover:bg-panel-2" href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
