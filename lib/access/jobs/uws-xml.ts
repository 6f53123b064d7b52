/**
 * Jobs as IVOA UWS 1.1 documents (namespace http://www.ivoa.net/xml/UWS/v1.0, version="1.1"), for
 * clients that speak UWS (pyvo's async jobs, TOPCAT). The portal's own pages read the JSON.
 */
import { element, escapeXml } from "@/lib/access/votable/xml";
import type { JobView } from "./job-view";

const NS = {
  "xmlns:uws": "http://www.ivoa.net/xml/UWS/v1.0",
  "xmlns:xlink": "http://www.w3.org/1999/xlink",
  "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
};

const text = (name: string, value: string | null) =>
  value === null ? element(name, { "xsi:nil": "true" }) : element(name, {}, escapeXml(value));

function parameters(job: JobView): string {
  // The request as asked, "KEY=value" words split back into UWS parameters.
  const words = job.asked.match(/[A-Z]+=(?:[^ ]+(?: (?![A-Z]+=)[^ ]+)*)/g) ?? [];
  return element(
    "uws:parameters",
    {},
    ...words.map((w) => {
      const at = w.indexOf("=");
      return element("uws:parameter", { id: w.slice(0, at) }, escapeXml(w.slice(at + 1)));
    }),
  );
}

export function uwsJob(job: JobView, origin: string): string {
  const results = job.result
    ? element("uws:result", {
        id: "result",
        "xlink:href": `${origin}${job.result.url}`,
        size: job.result.size,
        "mime-type": job.result.type,
      })
    : "";
  const error =
    job.status === "failed"
      ? element(
          "uws:errorSummary",
          { type: "fatal", hasDetail: "true" },
          element("uws:message", {}, escapeXml(job.message)),
        )
      : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(
    "uws:job",
    { ...NS, version: "1.1" },
    text("uws:jobId", job.id),
    element("uws:ownerId", { "xsi:nil": "true" }),
    text("uws:phase", job.phase),
    element("uws:quote", { "xsi:nil": "true" }),
    text("uws:creationTime", job.createdAt),
    text("uws:startTime", job.startedAt),
    text("uws:endTime", job.finishedAt),
    text("uws:executionDuration", "0"),
    text("uws:destruction", job.expiresAt),
    parameters(job),
    element("uws:results", {}, results),
    error,
    element("uws:jobInfo", {}, element("progress", {}, String(Math.round(job.progress * 100) / 100))),
  )}\n`;
}

export function uwsJobList(jobs: JobView[], origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(
    "uws:jobs",
    { ...NS, version: "1.1" },
    ...jobs.map((j) =>
      element(
        "uws:jobref",
        { id: j.id, "xlink:href": `${origin}/api/jobs/${j.id}` },
        text("uws:phase", j.phase),
        text("uws:creationTime", j.createdAt),
      ),
    ),
  )}\n`;
}
