// A galaxy's files with what they hold, their size and sha256, each a download link. On narrow
// screens everything stacks in the first column; the other columns appear from `sm` up.
import { Table } from "@/components/ui/section";
import type { GalaxyFile } from "@/lib/access/files/galaxy-files";
import { formatSize } from "@/lib/access/subset/subset-request";

const KIND_LABEL: Record<GalaxyFile["kind"], string> = {
  archive: "HDF5 archive",
  map: "Parameter map",
  layer: "Observed layer",
};

const wide = "hidden align-top sm:table-cell";

export function FileTable({ galaxyId, files }: { galaxyId: number; files: GalaxyFile[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <th>File</th>
          <th className="hidden sm:table-cell">Holds</th>
          <th className="hidden text-right sm:table-cell">Size</th>
          <th className="hidden sm:table-cell">sha256</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.name} data-testid="file-row">
            <td className="align-top">
              <a
                className="font-mono text-xs break-all text-accent-2 hover:underline"
                href={`/api/galaxies/${galaxyId}/files/${f.name}`}
                download={f.downloadName}
              >
                {f.downloadName}
              </a>
              <div className="text-xs text-muted">
                {KIND_LABEL[f.kind]}
                <span className="sm:hidden"> · {formatSize(f.size)}</span>
              </div>
              <div className="mt-1 text-xs text-muted sm:hidden">{f.description}</div>
              <code className="mt-1 block font-mono text-[11px] break-all text-muted sm:hidden">sha256 {f.sha256}</code>
            </td>
            <td className={`${wide} text-muted`}>{f.description}</td>
            <td className={`${wide} text-right whitespace-nowrap`} data-testid="file-size" title={`${f.size} bytes`}>
              {formatSize(f.size)}
            </td>
            <td className={wide}>
              <code className="block max-w-[18rem] font-mono text-[11px] break-all text-muted" data-testid="file-sha256">
                {f.sha256}
              </code>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
