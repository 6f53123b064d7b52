import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CodeBlock } from "@/components/data/code-block";
import { FileTable } from "@/components/data/file-table";
import { NoArchive } from "@/components/data/no-archive";
import { SubsetForm } from "@/components/data/subset-form";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { allFiles } from "@/lib/access/files/galaxy-files";
import { getGalaxyDataPage } from "@/lib/access/files/data-page";
import { publicOrigin } from "@/lib/access/http/public-origin";
import { identifyVisitor } from "@/lib/access/limits/caller";
import { pythonSnippet, snippetBox } from "@/lib/access/subset/python-snippet";
import { parseId } from "@/lib/api/params";
import { formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const dataOf = cache(async (raw: string) => {
  const id = parseId(raw);
  return id ? getGalaxyDataPage(id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await dataOf((await params).id);
  return data ? { title: `${data.files.galaxy.name} · data` } : { title: "Galaxy not found" };
}

export default async function GalaxyDataPage({ params }: Props) {
  const data = await dataOf((await params).id);
  if (!data) notFound();
  const { files, did } = data;
  const g = files.galaxy;
  const h = await headers();
  const origin = publicOrigin(h);
  const caller = await identifyVisitor(h);
  const snippet = pythonSnippet(origin, { id: g.id, name: g.name, did, width: g.width, height: g.height });
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">{g.name}: data</h1>
        <StatusBadge status={g.status} />
      </div>
      <p className="mt-2 max-w-3xl text-sm text-muted">
        The MAGPHYS results of{" "}
        <Link href={`/galaxies/${g.id}`} className="text-accent-2 hover:underline">
          {g.name}
        </Link>{" "}
        ({g.width} × {g.height} pixels of {g.pixelScale.toFixed(2)}″, {formatInt(g.pixelsProcessed)} fitted, results
        version {g.resultsVersion}) and the images they were fitted to. Check downloads with{" "}
        <a className="text-accent-2 hover:underline" href={`/api/galaxies/${g.id}/files/SHA256SUMS`}>
          SHA256SUMS
        </a>{" "}
        (<code className="font-mono text-xs">sha256sum -c SHA256SUMS</code>).
      </p>

      <Section title="Files">
        {files.archive ? null : <NoArchive status={g.status} />}
        <FileTable galaxyId={g.id} files={allFiles(files)} />
      </Section>

      <Section title="Request a subset">
        {g.pixelsProcessed > 0 ? (
          <SubsetForm
            galaxy={{ did, ra: g.ra, dec: g.dec, width: g.width, height: g.height, pixelScale: g.pixelScale, box: snippetBox(g) }}
            syncBytes={caller.allowance.syncBytes}
            origin={origin}
          />
        ) : (
          <p className="text-sm text-muted">Subsets exist once volunteers have fitted some of the galaxy&apos;s pixels.</p>
        )}
      </Section>

      {g.pixelsProcessed > 0 ? (
        <Section title="In Python">
          <p className="mb-3 text-sm text-muted">
            Astropy and the standard library: download a cutout from this portal and open it. Each parameter is an
            extension named as in <code className="font-mono">PARAM</code>; its planes are the statistics named{" "}
            <code className="font-mono">STAT1…STATn</code>.
          </p>
          <CodeBlock label="Python 3 · astropy" code={snippet} testId="python-snippet" />
        </Section>
      ) : null}

      <Section title="For astronomy tools">
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="text-muted">Dataset ID (SODA and DataLink)</dt>
            <dd className="font-mono text-xs">{did}</dd>
          </div>
          <div>
            <dt className="text-muted">DataLink {"{links}"}</dt>
            <dd>
              <a className="font-mono text-xs break-all text-accent-2 hover:underline" href={`/api/datalink?ID=${encodeURIComponent(did)}`}>
                {origin}/api/datalink?ID={encodeURIComponent(did)}
              </a>
            </dd>
          </div>
        </dl>
      </Section>
    </>
  );
}
