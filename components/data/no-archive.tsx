// Why a galaxy has no HDF5 archive yet, and how it gets one.
export function NoArchive({ status }: { status: string }) {
  const text =
    status === "processed"
      ? "Every work unit has results; the HDF5 archive is built when the operators run `npm run archive` (the maps and layers below are ready now)."
      : status === "archived"
        ? "The archive is being rebuilt after new results."
        : "The HDF5 archive is built once every work unit has results (the galaxy is then processed, and archived by the operators' `npm run archive`). Until then the maps below hold the results so far.";
  return (
    <p className="mb-3 rounded-lg border border-line/60 bg-panel/40 p-3 text-sm text-muted" data-testid="no-archive">
      No HDF5 archive yet. {text}
    </p>
  );
}
