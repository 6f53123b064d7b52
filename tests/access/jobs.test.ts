// Data-request jobs through the API and the worker: queued → running (with progress) → done,
// the result as the files it promised; cancel; expiry deleting the files; two workers sharing
// one queue never running the same job; a worker that stopped reporting is taken over.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as jobGET, DELETE as jobDELETE } from "@/app/api/jobs/[id]/route";
import { POST as phasePOST } from "@/app/api/jobs/[id]/phase/route";
import { GET as resultGET } from "@/app/api/jobs/[id]/results/result/route";
import { GET as listGET, POST as listPOST } from "@/app/api/jobs/route";
import { claimNextJob, heartbeat, STALE_AFTER_MS } from "@/lib/access/jobs/job-claim";
import { expireJobs } from "@/lib/access/jobs/expire-jobs";
import { jobDir } from "@/lib/access/jobs/job-paths";
import { createJobWorker } from "@/lib/access/jobs/job-worker";
import { runJob } from "@/lib/access/jobs/run-job";
import { createDb } from "@/lib/db/client";
import { python } from "@/tests/fits/helpers";
import { call, createAccessSurvey, type AccessSurvey } from "./fixtures";

let survey: AccessSurvey;
beforeAll(async () => {
  survey = await createAccessSurvey({ wide: true });
});
afterAll(() => survey?.temp.cleanup());

const ADDRESS = { "x-forwarded-for": "192.0.2.10" };

async function submit(query: string, headers: Record<string, string> = ADDRESS): Promise<string> {
  const r = await call(listPOST, `/api/jobs?${query}`, {}, { method: "POST", headers });
  expect(r.status, await r.clone().text()).toBe(303);
  const location = r.headers.get("location")!;
  return location.split("/").at(-1)!;
}

const json = { accept: "application/json", ...ADDRESS };
const job = async (id: string) => (await call(jobGET, `/api/jobs/${id}`, { id }, { headers: json })).json();

describe("a job's life", () => {
  it("goes queued → running with progress → done, and serves its FITS result", async () => {
    const id = await submit(`ID=${survey.galaxyId}&PARAM=m&PARAM=sfr&STAT=percentile_50&STAT=percentile_16`);
    expect(await job(id)).toMatchObject({ status: "queued", phase: "QUEUED", progress: 0 });

    const worker = createJobWorker({ db: survey.temp.db, dataDir: survey.temp.dataDir });
    const claimed = (await claimNextJob(survey.temp.db, worker.id))!;
    expect(claimed.id).toBe(id);
    expect(await job(id)).toMatchObject({ status: "running", phase: "EXECUTING" });
    expect(await heartbeat(survey.temp.db, id, worker.id, 0.4)).toBe(true);
    expect((await job(id)).progress).toBeCloseTo(0.4);

    expect(await runJob(survey.temp.db, survey.temp.dataDir, claimed, worker.id)).toBe("done");
    const done = await job(id);
    expect(done).toMatchObject({ status: "done", phase: "COMPLETED", progress: 1 });
    expect(done.result.fileName).toMatch(/\.fits$/);
    const r = await call(resultGET, done.result.url, { id });
    expect(r.status).toBe(200);
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.length).toBe(done.result.size);
    const read = python<{ names: string[]; shape: number[] }>(
      `
import io
from astropy.io import fits
h = fits.open(io.BytesIO(bytes.fromhex(data)), checksum=True)
print(json.dumps({"names": [x.header.get("EXTNAME", "PRIMARY") for x in h], "shape": list(h[1].data.shape)}))`,
      bytes.toString("hex"),
    );
    expect(read.names).toEqual(["PRIMARY", "m", "sfr"]);
    expect(read.shape[0]).toBe(2);
  });

  it("blocks a ?WAIT= poll until the phase changes, and describes itself as a UWS job", async () => {
    await survey.temp.db.dataRequest.updateMany({ where: { status: "queued" }, data: { status: "cancelled" } });
    const id = await submit(`ID=${survey.galaxyId}&PIXELS=[1:6,1:6]&PARAM=mu`);
    const started = Date.now();
    const waiting = call(jobGET, `/api/jobs/${id}?WAIT=20`, { id }, { headers: json });
    await new Promise((r) => setTimeout(r, 600));
    await claimNextJob(survey.temp.db, "w-wait");
    expect((await (await waiting).json()).phase).toBe("EXECUTING");
    expect(Date.now() - started).toBeLessThan(5000);
    const xml = await (await call(jobGET, `/api/jobs/${id}`, { id })).text();
    const uws = python<{ phase: string; params: Record<string, string> }>(
      `
import xml.etree.ElementTree as ET
ns = {"uws": "http://www.ivoa.net/xml/UWS/v1.0"}
root = ET.fromstring(data)
print(json.dumps({"phase": root.find("uws:phase", ns).text, "params": {p.get("id"): p.text for p in root.find("uws:parameters", ns)}}))`,
      xml,
    );
    expect(uws).toEqual({
      phase: "EXECUTING",
      params: { ID: String(survey.galaxyId), PIXELS: "[1:6,1:6]", PARAM: "mu", RESPONSEFORMAT: "application/fits" },
    });
    await survey.temp.db.dataRequest.update({ where: { id }, data: { status: "cancelled" } });
  });

  it("lists the caller's jobs as UWS XML and JSON, and only theirs", async () => {
    const id = await submit(`ID=${survey.galaxyId}&PIXELS=[1:4,1:4]`);
    const xml = await (await call(listGET, "/api/jobs", {}, { headers: ADDRESS })).text();
    expect(xml).toContain('xmlns:uws="http://www.ivoa.net/xml/UWS/v1.0"');
    expect(xml).toContain(`<uws:jobref id="${id}"`);
    const other = await (
      await call(listGET, "/api/jobs?format=json", {}, { headers: { "x-forwarded-for": "198.51.100.7" } })
    ).json();
    expect(other.jobs).toEqual([]);
  });

  it("is cancelled by its owner (PHASE=ABORT), not by anyone else", async () => {
    const id = await submit(`ID=${survey.galaxyId}&PIXELS=[1:8,1:8]`);
    await survey.temp.db.dataRequest.updateMany({
      where: { status: "queued", NOT: { id } },
      data: { status: "cancelled" },
    });
    const stranger = await call(
      phasePOST,
      `/api/jobs/${id}/phase`,
      { id },
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "198.51.100.7" },
        body: "PHASE=ABORT",
      },
    );
    expect(stranger.status).toBe(403);
    const r = await call(
      phasePOST,
      `/api/jobs/${id}/phase`,
      { id },
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...ADDRESS },
        body: "PHASE=ABORT",
      },
    );
    expect(r.status).toBe(303);
    expect(await job(id)).toMatchObject({ status: "cancelled", phase: "ABORTED" });
    // A cancelled job is never claimed.
    expect(await claimNextJob(survey.temp.db, "w")).toBeNull();
  });

  it("stops a running job cancelled meanwhile and removes its files", async () => {
    const id = await submit(`ID=${survey.galaxyId}`);
    const claimed = (await claimNextJob(survey.temp.db, "w1"))!;
    await call(
      phasePOST,
      `/api/jobs/${id}/phase`,
      { id },
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...ADDRESS },
        body: "PHASE=ABORT",
      },
    );
    // The first heartbeat finds the job no longer ours.
    expect(await runJob(survey.temp.db, survey.temp.dataDir, claimed, "w1")).toBe("lost");
    expect(existsSync(jobDir(survey.temp.dataDir, id))).toBe(false);
    expect((await job(id)).status).toBe("cancelled");
  });

  it("expires: the result files are deleted and the job says so", async () => {
    const id = await submit(`ID=${survey.galaxyId}&PIXELS=[1:8,1:8]`);
    const worker = createJobWorker({ db: survey.temp.db, dataDir: survey.temp.dataDir });
    await worker.drain();
    const done = await job(id);
    expect(done.status).toBe("done");
    const dir = jobDir(survey.temp.dataDir, id);
    expect(readdirSync(dir)).toEqual([done.result.fileName]);
    expect(
      await expireJobs(survey.temp.db, survey.temp.dataDir, new Date(Date.parse(done.expiresAt) - 1000)),
    ).not.toContain(id);
    expect(existsSync(dir)).toBe(true);
    expect(
      await expireJobs(survey.temp.db, survey.temp.dataDir, new Date(Date.parse(done.expiresAt) + 1000)),
    ).toContain(id);
    expect(existsSync(dir)).toBe(false);
    expect(await job(id)).toMatchObject({ status: "expired", phase: "ARCHIVED", result: null });
    const r = await call(resultGET, `/api/jobs/${id}/results/result`, { id });
    expect(r.status).toBe(404);
    expect((await r.json()).error.message).toMatch(/expired on \d{4}-\d\d-\d\d and was deleted/);
    // Thirty days after it ended, an expired job is forgotten.
    await expireJobs(survey.temp.db, survey.temp.dataDir, new Date(Date.parse(done.finishedAt) + 31 * 86_400_000));
    expect(await survey.temp.db.dataRequest.count({ where: { id } })).toBe(0);
  });

  it("is deleted with DELETE → 303 to the list", async () => {
    const id = await submit(`ID=${survey.galaxyId}&PIXELS=[1:8,1:8]`);
    const r = await call(jobDELETE, `/api/jobs/${id}`, { id }, { method: "DELETE", headers: ADDRESS });
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toMatch(/\/api\/jobs$/);
    expect((await call(jobGET, `/api/jobs/${id}`, { id })).status).toBe(404);
  });
});

describe("several galaxies in one job", () => {
  it("make a zip of their files with a manifest of sha256s, leaving out a galaxy the region misses", async () => {
    const g = await survey.temp.db.galaxy.findUniqueOrThrow({ where: { id: survey.galaxyId } });
    const id = await submit(
      `ID=${survey.galaxyId}&ID=${survey.wideId}&CIRCLE=${g.ra} ${g.dec} 0.004&PARAM=sfr&STAT=percentile_50`,
      { "x-forwarded-for": "203.0.113.77" },
    );
    const view = await job(id);
    expect(view.galaxies).toEqual([
      { id: survey.galaxyId, name: g.name },
      { id: survey.wideId, name: "UGC 5479", skipped: "the region does not overlap its image" },
    ]);
    await createJobWorker({ db: survey.temp.db, dataDir: survey.temp.dataDir }).drain();
    const done = await job(id);
    expect(done.result).toMatchObject({ type: "application/zip" });
    const r = await call(resultGET, done.result.url, { id });
    const zip = Buffer.from(await r.arrayBuffer());
    const listing = python<{ names: string[]; manifest: string; sha: string }>(
      `
import io, zipfile, hashlib
z = zipfile.ZipFile(io.BytesIO(bytes.fromhex(data)))
fits_name = [n for n in z.namelist() if n.endswith(".fits")][0]
print(json.dumps({"names": z.namelist(), "manifest": z.read("MANIFEST.txt").decode(), "sha": hashlib.sha256(z.read(fits_name)).hexdigest()}))`,
      zip.toString("hex"),
    );
    expect(listing.names).toHaveLength(2);
    expect(listing.names).toContain("MANIFEST.txt");
    expect(listing.manifest).toContain(listing.sha);
    expect(listing.manifest).toContain(`galaxy ${survey.wideId} (UGC 5479): the region does not overlap its image`);
  });

  it("refuse a region that misses every galaxy, saying so", async () => {
    const r = await call(
      listPOST,
      `/api/jobs?ID=${survey.galaxyId}&ID=${survey.wideId}&CIRCLE=300 -60 0.01`,
      {},
      { method: "POST", headers: ADDRESS },
    );
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toBe("the region lies outside the images of all 2 galaxies");
  });
});

describe("two workers on one queue", () => {
  it("never run the same job, in two processes' worth of database clients", async () => {
    await survey.temp.db.dataRequest.updateMany({ where: { status: "queued" }, data: { status: "cancelled" } });
    const ids = [];
    for (let i = 0; i < 6; i++)
      ids.push(await submit(`ID=${survey.galaxyId}&PIXELS=[1:${4 + i},1:6]`, { "x-forwarded-for": `203.0.113.${i}` }));
    const a = createJobWorker({ db: createDb(survey.temp.databaseUrl), dataDir: survey.temp.dataDir });
    const b = createJobWorker({ db: createDb(survey.temp.databaseUrl), dataDir: survey.temp.dataDir });
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);
    expect(ranA + ranB).toBe(6);
    const rows = await survey.temp.db.dataRequest.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "done")).toBe(true);
    for (const r of rows) expect(existsSync(path.join(survey.temp.dataDir, r.resultPath!))).toBe(true);
  });

  it("let exactly one of many simultaneous claims win a job", async () => {
    const id = await submit(`ID=${survey.galaxyId}&PIXELS=[1:3,1:3]`, { "x-forwarded-for": "203.0.113.50" });
    const clients = Array.from({ length: 8 }, () => createDb(survey.temp.databaseUrl));
    const claims = await Promise.all(clients.map((db, i) => claimNextJob(db, `worker-${i}`)));
    expect(claims.filter((c) => c?.id === id)).toHaveLength(1);
    await Promise.all(clients.map((db) => db.$disconnect()));
    const winner = claims.findIndex((c) => c?.id === id);
    expect(await runJob(survey.temp.db, survey.temp.dataDir, claims[winner]!, `worker-${winner}`)).toBe("done");
  });

  it("take over a running job whose worker stopped reporting, but not a live one", async () => {
    const id = await submit(`ID=${survey.galaxyId}&PIXELS=[1:5,1:5]`, { "x-forwarded-for": "203.0.113.99" });
    const first = (await claimNextJob(survey.temp.db, "dead-worker"))!;
    expect(first.id).toBe(id);
    expect(await claimNextJob(survey.temp.db, "other", new Date(Date.now() + STALE_AFTER_MS / 2))).toBeNull();
    const taken = (await claimNextJob(survey.temp.db, "other", new Date(Date.now() + STALE_AFTER_MS + 5000)))!;
    expect(taken).toMatchObject({ id, takenOver: true });
    expect(await heartbeat(survey.temp.db, id, "dead-worker", 0.5)).toBe(false);
    expect(await runJob(survey.temp.db, survey.temp.dataDir, taken, "other")).toBe("done");
  });
});
