import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CatalogueForm } from "@/components/data/catalogue-form";
import { CatalogueJobForm } from "@/components/data/catalogue-job-form";
import { CatalogueTable } from "@/components/data/catalogue-table";
import { LimitsTable } from "@/components/data/limits-table";
import { ServiceList } from "@/components/data/service-list";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { catalogueSearchParams, parseCatalogueSearch } from "@/lib/access/catalogue/catalogue-params";
import { searchCatalogue } from "@/lib/access/catalogue/catalogue-search";
import { listHubbleTypes } from "@/lib/access/catalogue/hubble-types";
import { galaxyDid } from "@/lib/access/datalink/galaxy-did";
import { publicOrigin } from "@/lib/access/http/public-origin";
import { formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Data",
  description: "Search the POGS galaxy catalogue and download archives, maps and subsets of the MAGPHYS results.",
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DataPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const format = first(params.format);
  if (format === "csv" || format === "votable" || format === "json") {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) if (one !== undefined) query.append(k, one);
    redirect(`/api/catalogue?${query}`);
  }
  const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)]));
  const parsed = parseCatalogueSearch(params);
  const [result, hubbleTypes, origin] = await Promise.all([
    parsed.ok ? searchCatalogue(parsed.query) : null,
    listHubbleTypes(),
    headers().then((h) => publicOrigin(h)),
  ]);
  const href = (extra: Record<string, string>) =>
    parsed.ok ? `/api/catalogue?${catalogueSearchParams(parsed.query, extra)}` : "/api/catalogue";
  const pageHref = (page: number) =>
    parsed.ok ? `/data?${catalogueSearchParams(parsed.query, { page: String(page), pageSize: String(parsed.query.pageSize) })}` : "/data";
  return (
    <>
      <h1 className="text-2xl font-semibold">Data</h1>
      <p className="mt-2 max-w-3xl text-sm text-muted">
        The survey&apos;s galaxies and their science products: HDF5 archives of every fitted pixel, the parameter maps
        and the observed layers as FITS, and subsets of any region, parameters and statistics, at once or as a job (
        <Link href="/jobs" className="text-accent-2 hover:underline">
          your jobs
        </Link>
        ). Everything here is also a URL for scripts and for astronomy tools (DataLink, SODA).
      </p>

      <div className="mt-6">
        <CatalogueForm values={values} hubbleTypes={hubbleTypes} />
      </div>

      {!parsed.ok ? (
        <p role="alert" className="mt-4 rounded-lg border border-warn/50 bg-warn/10 p-3 text-sm">
          {parsed.message}
        </p>
      ) : null}

      {parsed.ok && result ? (
        <Section
          title="Galaxies"
          aside={
            <div className="flex items-center gap-3 text-sm">
              <span className="text-muted" data-testid="catalogue-count">
                {formatInt(result.total)} {result.total === 1 ? "galaxy" : "galaxies"}
              </span>
              <a className="text-accent-2 hover:underline" href={href({ format: "csv" })}>
                CSV
              </a>
              <a className="text-accent-2 hover:underline" href={href({ format: "votable" })}>
                VOTable
              </a>
            </div>
          }
        >
          <CatalogueTable rows={result.rows} withDistance={!!parsed.query.cone} />
          <Pagination page={parsed.query.page} pageCount={result.pageCount} href={pageHref} />
          {result.rows.some((r) => r.pixelsProcessed > 0) ? (
            <div className="mt-4">
              <CatalogueJobForm cone={parsed.query.cone ?? null} />
            </div>
          ) : null}
        </Section>
      ) : null}

      <Section title="For scripts and astronomy tools">
        <ServiceList origin={origin} exampleId={result?.rows[0] ? galaxyDid(result.rows[0].id) : null} />
      </Section>

      <Section title="Limits">
        <LimitsTable />
      </Section>
    </>
  );
}
