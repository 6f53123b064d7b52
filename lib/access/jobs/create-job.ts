/**
 * Making a job from a subset request: every galaxy is checked now (it exists, has results, the
 * region overlaps it), so a queued job can only fail for reasons outside the request; sizes and
 * counts are held to the caller's allowance.
 */
import { randomUUID } from "node:crypto";
import { RateLimitedError, UsageError } from "@/lib/access/http/usage-error";
import type { Caller } from "@/lib/access/limits/caller";
import { resolveSubset } from "@/lib/access/subset/resolve-subset";
import type { AskedSubset } from "@/lib/access/subset/soda-params";
import { formatSize } from "@/lib/access/subset/subset-request";
import type { Db } from "@/lib/db/client";
import { ACTIVE_STATUSES, type JobItem, type JobParams } from "./job-types";

export async function createJob(db: Db, caller: Caller, asked: AskedSubset): Promise<string> {
  const { allowance } = caller;
  if (asked.galaxyIds.length > allowance.jobGalaxies)
    throw new UsageError(`a job takes at most ${allowance.jobGalaxies} galaxies, got ${asked.galaxyIds.length}`, 413);
  const active = await db.dataRequest.count({ where: { owner: caller.owner, status: { in: ACTIVE_STATUSES } } });
  if (active >= allowance.activeJobs)
    throw new RateLimitedError(
      `you have ${active} jobs queued or running (at most ${allowance.activeJobs}); wait for one to finish or cancel one`,
      60,
    );

  const items: JobItem[] = [];
  for (const galaxyId of asked.galaxyIds) {
    const resolved = await resolveSubset(db, asked, galaxyId);
    const name = resolved.galaxy.name;
    items.push(
      resolved.kind === "ok"
        ? { galaxyId, name, box: resolved.request.box, bytes: resolved.bytes }
        : { galaxyId, name, skipped: "the region does not overlap its image" },
    );
  }
  const included = items.filter((i) => "box" in i);
  if (!included.length)
    throw new UsageError(
      asked.galaxyIds.length === 1
        ? `the region lies outside the image of galaxy ${asked.galaxyIds[0]}; check the position or use PIXELS`
        : `the region lies outside the images of all ${asked.galaxyIds.length} galaxies`,
    );
  const bytes = included.reduce((s, i) => s + i.bytes, 0);
  if (bytes > allowance.jobBytes)
    throw new UsageError(
      `the job would hold ${formatSize(bytes)}, over the ${formatSize(allowance.jobBytes)} of one job${allowance.kind === "anonymous" ? " without an API token" : ""}: narrow the region, PARAM or STAT, or split it`,
      413,
    );
  const params: JobParams = {
    asked: asked.asked,
    region: asked.region,
    parameters: asked.parameters,
    statistics: asked.statistics,
    format: asked.format,
    items,
    bytes,
  };
  const id = randomUUID();
  await db.dataRequest.create({
    data: {
      id,
      owner: caller.owner,
      accountId: caller.accountId,
      galaxyId: asked.galaxyIds[0],
      format: asked.format,
      params: JSON.stringify(params),
      status: "queued",
    },
  });
  return id;
}
