"use client";
// Several galaxies in one request: the galaxies ticked in the catalogue table, cut to the cone (or
// whole), as one job whose result is a zip of their files.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sodaQuery, type RegionChoice } from "@/lib/access/subset/soda-query";
import { DEFAULT_OPTIONS, SubsetOptions } from "./subset-options";
import { submitJob } from "./submit-job";

export function CatalogueJobForm({
  cone,
}: {
  cone: { ra: number; dec: number; radiusArcmin: number } | null;
}) {
  const router = useRouter();
  const [options, setOptions] = useState(DEFAULT_OPTIONS);
  const [useCone, setUseCone] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ids = new FormData(event.currentTarget).getAll("ID").map(String);
    if (!ids.length) return setState({ busy: false, error: "Tick the galaxies to include in the table above." });
    if (!options.parameters.length || !options.statistics.length)
      return setState({ busy: false, error: "Choose at least one parameter and one statistic." });
    const region: RegionChoice =
      useCone && cone ? { kind: "circle", ra: cone.ra, dec: cone.dec, radiusDeg: cone.radiusArcmin / 60 } : { kind: "all" };
    setState({ busy: true, error: null });
    try {
      await submitJob(sodaQuery({ ids, region, ...options }));
      router.push("/jobs");
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  }

  return (
    <details className="group rounded-xl border border-line bg-panel/60">
      <summary className="cursor-pointer px-4 py-3 text-sm font-medium select-none hover:bg-panel-2/50">
        Request several galaxies as one job <span className="font-normal text-muted">(a zip of FITS or HDF5 files)</span>
      </summary>
    <form id="job-request" onSubmit={submit} className="border-t border-line/60 p-4">
      <p className="mb-3 text-sm text-muted">
        Tick galaxies with results in the table, choose what to include, and they come as one job: a zip with a file
        per galaxy and a manifest of sha256 checksums.
      </p>
      <SubsetOptions value={options} onChange={setOptions} />
      {cone ? (
        <label className="mt-3 flex items-center gap-2 text-sm">
          <input type="checkbox" className="accent-accent" checked={useCone} onChange={(e) => setUseCone(e.target.checked)} />
          Cut each galaxy to the search cone (galaxies it misses are left out)
        </label>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button disabled={state.busy} className="rounded bg-accent px-4 py-1.5 text-sm font-medium text-ink disabled:opacity-60">
          {state.busy ? "Submitting…" : "Request the ticked galaxies as a job"}
        </button>
        {state.error ? (
          <p role="alert" className="text-sm text-warn">
            {state.error}
          </p>
        ) : null}
      </div>
    </form>
    </details>
  );
}
