import type { Metadata } from "next";
import Link from "next/link";
import { GalaxyThumbnail } from "@/components/galaxy/galaxy-thumbnail";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDec, formatInt, formatRa } from "@/lib/format";
import { galaxyListQueryFrom } from "@/lib/survey/galaxy-list-params";
import { listGalaxies, type GalaxyListQuery, type GalaxySort } from "@/lib/survey/queries";
import { GALAXY_STATUSES, STATUS_LABEL, progressOf } from "@/lib/survey/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Galaxies" };

function hrefFor(query: GalaxyListQuery, change: Partial<GalaxyListQuery>) {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.page > 1) params.set("page", String(next.page));
  if (next.pageSize !== 50) params.set("pageSize", String(next.pageSize));
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.status) params.set("status", next.status);
  if (next.q) params.set("q", next.q);
  const s = params.toString();
  return s ? `/galaxies?${s}` : "/galaxies";
}

const COLUMNS: { sort?: GalaxySort; label: string; className?: string }[] = [
  { sort: "name", label: "Name" },
  { label: "Type" },
  { sort: "ra", label: "RA" },
  { sort: "dec", label: "Dec" },
  { sort: "redshift", label: "z", className: "text-right" },
  { sort: "size", label: "Pixels", className: "text-right" },
  { sort: "status", label: "Status" },
  { sort: "progress", label: "Progress", className: "w-36" },
];

export default async function GalaxiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = galaxyListQueryFrom(await searchParams);
  const { total, rows, pageCount } = await listGalaxies(query);
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Galaxies</h1>
          <p className="text-sm text-muted">
            {formatInt(total)} galaxies{query.status ? ` · ${STATUS_LABEL[query.status].toLowerCase()}` : ""}
          </p>
        </div>
        <form className="flex flex-wrap gap-2 text-sm" action="/galaxies">
          <input
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="Name contains…"
            aria-label="Search by name"
            className="rounded border border-line bg-panel px-3 py-1.5 placeholder:text-muted"
          />
          <select
            name="status"
            defaultValue={query.status ?? ""}
            aria-label="Status"
            className="rounded border border-line bg-panel px-2 py-1.5"
          >
            <option value="">Any status</option>
            {GALAXY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
          <button className="rounded bg-accent px-3 py-1.5 font-medium text-ink">Filter</button>
        </form>
      </div>
      <div className="mt-4">
        <Table>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = c.sort === query.sort;
                const dir = active && query.dir === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={c.label}
                    className={c.className}
                    aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                  >
                    {c.sort ? (
                      <Link
                        href={hrefFor(query, { sort: c.sort, dir, page: 1 })}
                        className={active ? "text-text" : "hover:text-text"}
                      >
                        {c.label} {active ? (query.dir === "asc" ? "▲" : "▼") : ""}
                      </Link>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id}>
                <td>
                  <Link className="flex items-center gap-3 text-accent-2 hover:underline" href={`/galaxies/${g.id}`}>
                    <GalaxyThumbnail galaxyId={g.id} />
                    {g.name}
                  </Link>
                </td>
                <td>{g.hubbleType || "—"}</td>
                <td className="font-mono text-xs">{formatRa(g.ra)}</td>
                <td className="font-mono text-xs">{formatDec(g.dec)}</td>
                <td className="text-right">{g.redshift.toFixed(4)}</td>
                <td className="text-right">{formatInt(g.pixelCount)}</td>
                <td>
                  <StatusBadge status={g.status} />
                </td>
                <td>
                  <ProgressBar fraction={progressOf(g)} />
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length} className="py-8 text-center text-muted">
                  No galaxy matches.
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </div>
      <Pagination page={query.page} pageCount={pageCount} href={(page) => hrefFor(query, { page })} />
    </>
  );
}
