// Where a finished galaxy's results are: the long-term store's copy and whether the per-pixel
// results still sit in the database. A stored copy found missing or corrupt (by the last
// `npm run archive -- --verify`, or missing now) is said plainly: a deleted galaxy's maps, pixels
// and cutouts cannot be served until it is put back.
import { storedCopyProblem } from "@/lib/archive-store/stored-results";
import { formatDateTime } from "@/lib/format";

type Galaxy = {
  id: number;
  status: string;
  statusTime: Date;
  storedPath: string | null;
  storedAt: Date | null;
  archiveSha256: string | null;
  archiveSize: number | null;
  archiveProblem: string | null;
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line/50 py-1.5 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="tabular text-right">{children}</dd>
    </div>
  );
}

export function ArchiveLifecycle({ galaxy }: { galaxy: Galaxy }) {
  if (galaxy.status !== "stored" && galaxy.status !== "deleted") return null;
  const problem = storedCopyProblem(galaxy);
  return (
    <>
      <Row label="Stored">{galaxy.storedAt ? formatDateTime(galaxy.storedAt) : "—"}</Row>
      <Row label="Per-pixel results">
        {galaxy.status === "deleted"
          ? `from the stored archive (database copy deleted ${formatDateTime(galaxy.statusTime)})`
          : "in the database and the stored archive"}
      </Row>
      {problem ? (
        <div role="alert" className="my-2 rounded-lg border border-warn/60 bg-warn/10 px-3 py-2 text-sm text-warn">
          Stored archive problem: {problem}
          {galaxy.status === "deleted" ? ". Maps, pixel values and cutouts of this galaxy are unavailable." : "."}
        </div>
      ) : null}
    </>
  );
}
