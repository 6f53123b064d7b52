// The data-request limits, as lib/access/limits/allowances.ts defines them, for the data pages.
import { Table } from "@/components/ui/section";
import { ANONYMOUS, JOB_RESULT_DAYS, WITH_TOKEN } from "@/lib/access/limits/allowances";
import { formatSize } from "@/lib/access/subset/subset-request";
import { formatInt } from "@/lib/format";

const ROWS = [
  { label: "Answered at once (larger: a job)", of: (a: typeof ANONYMOUS) => formatSize(a.syncBytes) },
  { label: "Largest job", of: (a: typeof ANONYMOUS) => formatSize(a.jobBytes) },
  { label: "Galaxies in one job", of: (a: typeof ANONYMOUS) => formatInt(a.jobGalaxies) },
  { label: "Jobs queued or running at once", of: (a: typeof ANONYMOUS) => formatInt(a.activeJobs) },
  { label: "Subset requests and jobs an hour", of: (a: typeof ANONYMOUS) => formatInt(a.requestsPerHour) },
];

export function LimitsTable() {
  return (
    <>
      <Table>
        <thead>
          <tr>
            <th>Limit</th>
            <th className="text-right">Anonymous (per address)</th>
            <th className="text-right">Signed in or API token (per account)</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.label}>
              <td>{r.label}</td>
              <td className="text-right">{r.of(ANONYMOUS)}</td>
              <td className="text-right">{r.of(WITH_TOKEN)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-muted">
        Sizes count the values a subset holds: pixels × parameters × statistics × 4 bytes. Job results are kept{" "}
        {JOB_RESULT_DAYS} days. Scripts send a token from the account page as{" "}
        <code className="font-mono">Authorization: Bearer pogs_…</code>.
      </p>
    </>
  );
}
