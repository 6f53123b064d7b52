// The machine-readable ways in, each with an example URL on this portal.
const code = "font-mono text-xs break-all text-accent-2";

export function ServiceList({ origin, exampleId }: { origin: string; exampleId: string | null }) {
  const id = encodeURIComponent(exampleId ?? "ivo://pogs/galaxy?1");
  const items = [
    {
      name: "Catalogue",
      what: "the search above as JSON, CSV or VOTable (same parameters, plus format)",
      url: `${origin}/api/catalogue?status=archived&format=votable`,
    },
    {
      name: "DataLink {links}",
      what: "a galaxy's archive, maps, layers, previews and its cutout service (IVOA DataLink 1.1)",
      url: `${origin}/api/datalink?ID=${id}`,
    },
    {
      name: "SODA sync",
      what: "a subset at once: ID, PIXELS or CIRCLE/POS/POLYGON, PARAM, STAT, RESPONSEFORMAT (IVOA SODA)",
      url: `${origin}/api/soda/sync?ID=${id}&PIXELS=[1:64,1:64]&PARAM=m&STAT=percentile_50`,
    },
    {
      name: "Jobs (UWS)",
      what: "POST the same parameters (ID repeatable) to /api/jobs; follow the 303, poll with ?WAIT=30",
      url: `${origin}/api/jobs`,
    },
  ];
  return (
    <dl className="space-y-3 text-sm">
      {items.map((i) => (
        <div key={i.name} className="rounded-lg border border-line/60 bg-panel/40 p-3">
          <dt className="font-medium">
            {i.name} <span className="font-normal text-muted">— {i.what}</span>
          </dt>
          <dd className={`mt-1 ${code}`}>{i.url}</dd>
        </div>
      ))}
    </dl>
  );
}
