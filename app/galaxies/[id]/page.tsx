import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Section, Table } from "@/components/ui/section";
import { ArchiveLifecycle } from "@/components/galaxy/archive-lifecycle";
import { StatusBadge } from "@/components/ui/status-badge";
import { settings } from "@/lib/config";
import { formatDateTime, formatDec, formatInt, formatPercent, formatRa } from "@/lib/format";
import { resolveContext } from "@/lib/maps/service/context";
import { getGalaxyMaps } from "@/lib/maps/service/maps-info";
import { parseId } from "@/lib/api/params";
import { getGalaxy, getGalaxyAreaSummary, getGalaxyAreas, getTopContributors } from "@/lib/survey/queries";
import { progressOf, STATUS_LABEL, isGalaxyStatus } from "@/lib/survey/status";
import { GalaxyMapsClient } from "./page-client";

export const dynamic = "force-dynamic";

// The page is the same for every visitor and served from the page cache (lib/cache): the volunteer
// of `?user=` and the map of `?view=` are read from the address by its client.
type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page read the galaxy once per request.
const galaxyOf = cache(async (raw: string) => {
  const id = parseId(raw);
  return id ? getGalaxy(id) : null;
});

/** Absolute URLs for the Open Graph image: the configured public URL, else the request's host. */
async function siteUrl(): Promise<URL | undefined> {
  const configured = settings().nextAuthUrl;
  if (configured) return new URL(configured);
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return undefined;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return new URL(`${proto}://${host}`);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const galaxy = await galaxyOf((await params).id);
  if (!galaxy) return { title: "Galaxy not found" };
  const status = isGalaxyStatus(galaxy.status) ? STATUS_LABEL[galaxy.status] : galaxy.status;
  const description = `${galaxy.name}${galaxy.hubbleType ? ` (${galaxy.hubbleType})` : ""}, z = ${galaxy.redshift.toFixed(4)}: ${formatPercent(progressOf(galaxy))} of ${formatInt(galaxy.pixelCount)} pixels fitted by POGS volunteers. ${status}.`;
  // The version in the URL makes share previews refresh when results arrive.
  const image = {
    url: `/galaxies/${galaxy.id}/images/og.png?v=${galaxy.resultsVersion}`,
    width: 1200,
    height: 630,
    alt: `${galaxy.name} and its progress`,
  };
  return {
    metadataBase: await siteUrl(),
    title: galaxy.name,
    description,
    openGraph: {
      title: `${galaxy.name} · POGS`,
      description,
      type: "website",
      url: `/galaxies/${galaxy.id}`,
      images: [image],
    },
    twitter: { card: "summary_large_image", title: `${galaxy.name} · POGS`, description, images: [image.url] },
  };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line/50 py-1.5 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="tabular text-right">{children}</dd>
    </div>
  );
}

export default async function GalaxyPage({ params }: Props) {
  const galaxy = await galaxyOf((await params).id);
  if (!galaxy) notFound();
  const [maps, areas, recentAreas, contributors] = await Promise.all([
    getGalaxyMaps(resolveContext(), galaxy.id),
    getGalaxyAreaSummary(galaxy.id),
    getGalaxyAreas(galaxy.id, 20),
    getTopContributors(galaxy.id),
  ]);
  if (!maps) notFound();
  const lastResultAt = recentAreas[0]?.processedAt?.toISOString() ?? null;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">{galaxy.name}</h1>
        <StatusBadge status={galaxy.status} />
        {galaxy.hubbleType ? (
          <span className="rounded-full bg-panel-2 px-2 py-0.5 text-xs">{galaxy.hubbleType}</span>
        ) : null}
      </div>
      <div className="mt-6 grid gap-x-8 md:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <GalaxyMapsClient
            initialMaps={maps}
            contributors={contributors.map((c) => ({ id: c.userId, name: c.user.name }))}
            areas={areas}
            lastResultAt={lastResultAt}
          />

          <Section title="Filter layers">
            {galaxy.layers.length === 0 ? (
              <p className="text-sm text-muted">No layers registered.</p>
            ) : (
              <Table>
                <thead>
                  <tr>
                    <th>Filter</th>
                    <th className="text-right">
                      λ<sub>eff</sub> (µm)
                    </th>
                    <th>Band</th>
                    <th>Survey</th>
                    <th>Uncertainty</th>
                    <th className="text-right">Pixels with data</th>
                  </tr>
                </thead>
                <tbody>
                  {galaxy.layers.map((l) => (
                    <tr key={l.id}>
                      <td>{l.filter.name}</td>
                      <td className="text-right">{l.filter.effLambda}</td>
                      <td>{l.filter.bandClass}</td>
                      <td>{l.filter.survey}</td>
                      <td className="text-muted">
                        {l.sigmaKind === "sigma"
                          ? "σ image"
                          : l.sigmaKind === "snr"
                            ? "from SNR image"
                            : `${galaxy.sigma * 100} % of flux`}
                      </td>
                      <td className="text-right">{formatInt(l.validPixels)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Section>

          <Section title="Work units">
            <Table>
              <thead>
                <tr>
                  <th>Area</th>
                  <th>Rectangle [x0, x1) × [y0, y1)</th>
                  <th className="text-right">Pixels</th>
                  <th>Volunteers</th>
                  <th>Processed</th>
                </tr>
              </thead>
              <tbody>
                {recentAreas.map((a) => (
                  <tr key={a.id}>
                    <td className="text-muted">{a.id}</td>
                    <td className="font-mono text-xs whitespace-nowrap">
                      [{a.x0}, {a.x1}) × [{a.y0}, {a.y1})
                    </td>
                    <td className="text-right">{a.pixelCount}</td>
                    <td>
                      {a.users.length ? (
                        a.users.map((u, i) => (
                          <span key={u.userId}>
                            {i ? ", " : ""}
                            <Link className="text-accent-2 hover:underline" href={`/users/${u.userId}`}>
                              {u.user.name}
                            </Link>
                          </span>
                        ))
                      ) : (
                        <span className="text-muted">—</span>
                      )}
                    </td>
                    <td className="whitespace-nowrap text-muted">
                      {a.processedAt ? formatDateTime(a.processedAt) : "outstanding"}
                    </td>
                  </tr>
                ))}
                {recentAreas.length === 0 ? (
                  <tr>
                    <td colSpan={5} className="py-6 text-center text-muted">
                      No work units yet.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </Table>
            {areas.total > recentAreas.length ? (
              <p className="mt-2 text-xs text-muted">
                Showing the {recentAreas.length} most recently processed of {formatInt(areas.total)} work units.
              </p>
            ) : null}
          </Section>
        </div>

        <aside className="mt-8 md:sticky md:top-20 md:mt-0 md:self-start">
          <dl className="rounded-xl border border-line bg-panel/60 p-4">
            <Fact label="RA (J2000)">
              <span className="font-mono text-xs">{formatRa(galaxy.ra)}</span>
            </Fact>
            <Fact label="Dec (J2000)">
              <span className="font-mono text-xs">{formatDec(galaxy.dec)}</span>
            </Fact>
            <Fact label="RA, Dec (deg)">
              {galaxy.ra.toFixed(5)}, {galaxy.dec.toFixed(5)}
            </Fact>
            <Fact label="Redshift">{galaxy.redshift.toFixed(4)}</Fact>
            <Fact label="Hubble type">{galaxy.hubbleType || "—"}</Fact>
            <Fact label="Size">
              {galaxy.width} × {galaxy.height} px
            </Fact>
            <Fact label="Pixel scale">{galaxy.pixelScale.toFixed(2)}″</Fact>
            <Fact label="Usable pixels">{formatInt(galaxy.pixelCount)}</Fact>
            <Fact label="Run">{galaxy.run.name}</Fact>
            <Fact label="Status since">{formatDateTime(galaxy.statusTime)}</Fact>
            {galaxy.archiveSize !== null && galaxy.archiveSha256 ? (
              <Fact label="HDF5 archive">
                <span title={`sha256 ${galaxy.archiveSha256}`}>
                  {(galaxy.archiveSize / 1e6).toFixed(1)} MB · sha256{" "}
                  <span className="font-mono text-xs">{galaxy.archiveSha256.slice(0, 12)}…</span>
                </span>
              </Fact>
            ) : null}
            <ArchiveLifecycle galaxy={galaxy} />
          </dl>
          <Link
            href={`/galaxies/${galaxy.id}/data`}
            className="mt-3 block rounded-xl border border-line bg-panel/60 px-4 py-2 text-sm text-accent-2 hover:bg-panel-2"
          >
            Data: archive, maps and layers, cutouts, Python →
          </Link>
          <Section title="Top contributors">
            {contributors.length === 0 ? (
              <p className="text-sm text-muted">No results yet.</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {contributors.map((c) => (
                  <li key={c.userId} className="flex justify-between gap-2">
                    <Link className="text-accent-2 hover:underline" href={`/users/${c.userId}`}>
                      {c.user.name}
                    </Link>
                    <span className="tabular text-muted">{formatInt(c.pixelCount)} px</span>
                  </li>
                ))}
              </ol>
            )}
          </Section>
        </aside>
      </div>
    </>
  );
}
