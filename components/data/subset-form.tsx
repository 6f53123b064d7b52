"use client";
// Asking for a subset of one galaxy: region, parameters, statistics, format. Within the size
// answered at once it downloads now (SODA sync); beyond it, or when the server says so, it becomes
// a job followed on /jobs. The request's URL is shown for scripts.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sodaQuery } from "@/lib/access/subset/soda-query";
import { formatSize } from "@/lib/access/subset/subset-request";
import { CodeBlock } from "./code-block";
import { RegionFields, type RegionFieldsValue } from "./region-fields";
import { estimatePixels, regionChoice, type GalaxyGrid } from "./subset-estimate";
import { DEFAULT_OPTIONS, SubsetOptions } from "./subset-options";
import { submitJob } from "./submit-job";
import { downloadResponse } from "./download-response";

export type SubsetFormGalaxy = GalaxyGrid & { did: string; ra: number; dec: number; box: { x1: number; x2: number; y1: number; y2: number } };

type Status = { kind: "idle" | "busy" } | { kind: "message"; text: string; offerJob?: boolean };

export function SubsetForm({
  galaxy,
  syncBytes,
  origin,
}: {
  galaxy: SubsetFormGalaxy;
  syncBytes: number;
  origin: string;
}) {
  const router = useRouter();
  const [options, setOptions] = useState(DEFAULT_OPTIONS);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [region, setRegion] = useState<RegionFieldsValue>({
    kind: "pixels",
    ...Object.fromEntries(Object.entries(galaxy.box).map(([k, v]) => [k, String(v)])),
    ra: galaxy.ra.toFixed(5),
    dec: galaxy.dec.toFixed(5),
    radius: "30",
  } as RegionFieldsValue);

  const choice = regionChoice(region);
  const problem =
    typeof choice === "string"
      ? choice
      : !options.parameters.length || !options.statistics.length
        ? "Choose at least one parameter and one statistic."
        : null;
  const query = typeof choice === "string" ? null : sodaQuery({ ids: [galaxy.did], region: choice, ...options });
  const bytes = typeof choice === "string" ? 0 : estimatePixels(choice, galaxy) * options.parameters.length * options.statistics.length * 4;
  const atOnce = bytes <= syncBytes;
  const url = query ? `/api/soda/sync?${query}` : "";

  async function download() {
    setStatus({ kind: "busy" });
    const response = await fetch(url);
    if (response.status === 200) return downloadResponse(response).then(() => setStatus({ kind: "idle" }));
    if (response.status === 204) return setStatus({ kind: "message", text: "The region does not overlap the galaxy's image." });
    const text = (await response.text()).replace(/^\w+: /, "");
    setStatus({ kind: "message", text, offerJob: response.status === 413 });
  }

  async function job() {
    setStatus({ kind: "busy" });
    try {
      await submitJob(query!);
      router.push("/jobs");
    } catch (error) {
      setStatus({ kind: "message", text: (error as Error).message });
    }
  }

  return (
    <div className="space-y-4 rounded-xl border border-line bg-panel/60 p-4">
      <RegionFields value={region} onChange={setRegion} width={galaxy.width} height={galaxy.height} />
      <SubsetOptions value={options} onChange={setOptions} />
      <div className="flex flex-wrap items-center gap-3 border-t border-line/60 pt-4">
        {problem ? (
          <p className="text-sm text-warn">{problem}</p>
        ) : (
          <>
            <span className="text-sm text-muted" data-testid="subset-estimate">
              ≈ {formatSize(bytes)} · {atOnce ? "answered at once" : `over ${formatSize(syncBytes)}: runs as a job`}
            </span>
            {atOnce ? (
              <button type="button" disabled={status.kind === "busy"} onClick={download} className="rounded bg-accent px-4 py-1.5 text-sm font-medium text-ink disabled:opacity-60">
                Download {options.format === "fits" ? "FITS" : "HDF5"}
              </button>
            ) : null}
            <button
              type="button"
              disabled={status.kind === "busy"}
              onClick={job}
              className={`rounded px-4 py-1.5 text-sm font-medium disabled:opacity-60 ${atOnce ? "border border-line hover:bg-panel-2" : "bg-accent text-ink"}`}
            >
              Submit as a job
            </button>
          </>
        )}
        {status.kind === "busy" ? <span className="text-sm text-muted">Working…</span> : null}
      </div>
      {status.kind === "message" ? (
        <p role="alert" className="text-sm text-warn">
          {status.text}
          {status.offerJob ? " Use “Submit as a job”." : null}
        </p>
      ) : null}
      {query ? <CodeBlock label="The same request with curl" code={`curl -OJ "${origin}${url}"`} /> : null}
    </div>
  );
}
