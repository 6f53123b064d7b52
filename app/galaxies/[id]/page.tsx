import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Section, Table } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime, formatDec, formatInt, formatRa } from "@/lib/format";
import { parseId } from "@/lib/route-params";
import { getGalaxy, getGalaxyAreaSummary, getGalaxyAreas, getTopContributors } from "@/lib/survey/queries";
import { progressOf } from "@/lib/survey/status";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const galaxy = id ? await getGalaxy(id) : null;
  return { title: galaxy ? galaxy.name : "Galaxy not found" };
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
  const id = parseId((await params).id);
  const galaxy = id ? await getGalaxy(id) : null;
  if (!galaxy) notFound();
  const [areas, recentAreas, contributors] = await Promise.all([
    getGalaxyAreaSummary(galaxy.id),
    getGalaxyAreas(galaxy.id, 20),
    getTopContributors(galaxy.id),
  ]);
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">{galaxy.name}</h1>
        <StatusBadge status={galaxy.status} />
        {galaxy.hubbleType ? <span className="rounded-full bg-panel-2 px-2 py-0.5 text-xs">{galaxy.hubbleType}</span> : null}
      </div>
      <div className="mt-6 grid gap-8 md:grid-cols-[1fr_20rem]">
        <div>
          <div className="rounded-xl border border-line bg-panel/60 p-4">
            <div className="mb-2 text-sm text-muted">
              {formatInt(galaxy.pixelsProcessed)} of {formatInt(galaxy.pixelCount)} pixels fitted · {formatInt(areas.processed)} of{" "}
              {formatInt(areas.total)} work units · {formatInt(areas.users)} volunteers
            </div>
            <ProgressBar fraction={progressOf(galaxy)} label="galaxy progress" />
          </div>

          <Section title="Filter layers">
            {galaxy.layers.length === 0 ? (
              <p className="text-sm text-muted">No layers registered.</p>
            ) : (
              <Table>
                <thead><tr><th>Filter</th><th className="text-right">λ<sub>eff</sub> (µm)</th><th>Band</th><th>Survey</th><th>Uncertainty</th><th className="text-right">Pixels with data</th></tr></thead>
                <tbody>
                  {galaxy.layers.map((l) => (
                    <tr key={l.id}>
                      <td>{l.filter.name}</td>
                      <td className="text-right">{l.filter.effLambda}</td>
                      <td>{l.filter.bandClass}</td>
                      <td>{l.filter.survey}</td>
                      <td className="text-muted">{l.sigmaKind === "sigma" ? "σ image" : l.sigmaKind === "snr" ? "from SNR image" : `${galaxy.sigma * 100} % of flux`}</td>
                      <td className="text-right">{formatInt(l.validPixels)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {galaxy.rgbTriples.length ? (
              <p className="mt-2 text-sm text-muted">
                Colour composites:{" "}
                {galaxy.rgbTriples.map((t) => `${t.red.label}, ${t.green.label}, ${t.blue.label}`).join(" · ")}
              </p>
            ) : null}
          </Section>

          <Section title="Work units">
            <Table>
              <thead><tr><th>Area</th><th>Rectangle [x0, x1) × [y0, y1)</th><th className="text-right">Pixels</th><th>Volunteers</th><th>Processed</th></tr></thead>
              <tbody>
                {recentAreas.map((a) => (
                  <tr key={a.id}>
                    <td className="text-muted">{a.id}</td>
                    <td className="font-mono text-xs">[{a.x0}, {a.x1}) × [{a.y0}, {a.y1})</td>
                    <td className="text-right">{a.pixelCount}</td>
                    <td>
                      {a.users.length
                        ? a.users.map((u, i) => (
                            <span key={u.userId}>{i ? ", " : ""}<Link className="text-accent-2 hover:underline" href={`/users/${u.userId}`}>{u.user.name}</Link></span>
                          ))
                        : <span className="text-muted">—</span>}
                    </td>
                    <td className="text-muted">{a.processedAt ? formatDateTime(a.processedAt) : "outstanding"}</td>
                  </tr>
                ))}
                {recentAreas.length === 0 ? <tr><td colSpan={5} className="py-6 text-center text-muted">No work units yet.</td></tr> : null}
              </tbody>
            </Table>
            {areas.total > recentAreas.length ? (
              <p className="mt-2 text-xs text-muted">Showing the {recentAreas.length} most recently processed of {formatInt(areas.total)} work units.</p>
            ) : null}
          </Section>
        </div>

        <aside>
          <dl className="rounded-xl border border-line bg-panel/60 p-4">
            <Fact label="RA (J2000)"><span className="font-mono text-xs">{formatRa(galaxy.ra)}</span></Fact>
            <Fact label="Dec (J2000)"><span className="font-mono text-xs">{formatDec(galaxy.dec)}</span></Fact>
            <Fact label="RA, Dec (deg)">{galaxy.ra.toFixed(5)}, {galaxy.dec.toFixed(5)}</Fact>
            <Fact label="Redshift">{galaxy.redshift.toFixed(4)}</Fact>
            <Fact label="Hubble type">{galaxy.hubbleType || "—"}</Fact>
            <Fact label="Size">{galaxy.width} × {galaxy.height} px</Fact>
            <Fact label="Pixel scale">{galaxy.pixelScale.toFixed(2)}″</Fact>
            <Fact label="Usable pixels">{formatInt(galaxy.pixelCount)}</Fact>
            <Fact label="Run">{galaxy.run.name}</Fact>
            <Fact label="Results version">{galaxy.resultsVersion}</Fact>
            <Fact label="Status since">{formatDateTime(galaxy.statusTime)}</Fact>
          </dl>
          <Section title="Top contributors">
            {contributors.length === 0 ? (
              <p className="text-sm text-muted">No results yet.</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {contributors.map((c) => (
                  <li key={c.userId} className="flex justify-between gap-2">
                    <Link className="text-accent-2 hover:underline" href={`/users/${c.userId}`}>{c.user.name}</Link>
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
