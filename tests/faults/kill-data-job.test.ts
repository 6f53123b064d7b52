// kill -9 in the middle of a data job: the job is still running (not done, no result file under
// its final name, no result served); once its worker has been silent long enough another takes it
// over, starts from an empty folder and completes it.
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as jobGET } from "@/app/api/jobs/[id]/route";
import { GET as resultGET } from "@/app/api/jobs/[id]/results/result/route";
import { POST as listPOST } from "@/app/api/jobs/route";
import { claimNextJob, STALE_AFTER_MS } from "@/lib/access/jobs/job-claim";
import { jobDir } from "@/lib/access/jobs/job-paths";
import { runJob } from "@/lib/access/jobs/run-job";
import { call, createAccessSurvey, type AccessSurvey } from "@/tests/access/fixtures";
import { killWhen } from "./child-process";

const headers = { accept: "application/json", "x-forwarded-for": "192.0.2.77" };

describe("a data job killed mid-way", () => {
  let survey: AccessSurvey;
  beforeAll(async () => {
    survey = await createAccessSurvey();
  }, 120_000);
  afterAll(() => survey?.temp.cleanup());

  it("shows nothing of the result, and is taken over and completed", async () => {
    const { db, dataDir, databaseUrl } = survey.temp;
    const query = `ID=${survey.galaxyId}&PARAM=m&PARAM=sfr&STAT=percentile_50&FORMAT=application/fits`;
    const posted = await call(listPOST, `/api/jobs?${query}`, {}, { method: "POST", headers });
    expect(posted.status, await posted.clone().text()).toBe(303);
    const id = posted.headers.get("location")!.split("/").at(-1)!;
    const job = async () => (await call(jobGET, `/api/jobs/${id}`, { id }, { headers })).json();

    const args = ["tests/faults/children/data-job.ts", databaseUrl, dataDir];
    expect(await killWhen(args[0], args.slice(1), {}, /^progress /)).toMatch(/^progress /);
    expect(await job()).toMatchObject({ status: "running", phase: "EXECUTING" });
    const row = await db.dataRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ claimedBy: "doomed-worker", resultPath: null, sha256: null });
    // whatever the killed worker had begun is hidden (a temporary), never under a result's name
    for (const f of readdirSync(jobDir(dataDir, id))) expect(f).toMatch(/^\..*\.tmp$|\.tmp$/);
    expect((await call(resultGET, `/api/jobs/${id}/results/result`, { id })).status).toBeGreaterThanOrEqual(400);

    // Not before the worker has been silent for STALE_AFTER_MS:
    expect(await claimNextJob(db, "rescuer")).toBeNull();
    const taken = (await claimNextJob(db, "rescuer", new Date(Date.now() + STALE_AFTER_MS + 1_000)))!;
    expect(taken).toMatchObject({ id, takenOver: true });
    expect(await runJob(db, dataDir, taken, "rescuer")).toBe("done");
    const done = await job();
    expect(done).toMatchObject({ status: "done", phase: "COMPLETED" });
    expect(readdirSync(jobDir(dataDir, id))).toEqual([done.result.fileName]);
    const result = await call(resultGET, done.result.url, { id });
    expect(result.status).toBe(200);
    expect(Buffer.from(await result.arrayBuffer()).length).toBe(done.result.size);
  }, 240_000);
});
