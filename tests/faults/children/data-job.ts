// `data-job.ts <databaseUrl> <dataDir>`: a job worker that claims the queued job and stops at its
// first progress report, for the fault test to kill.
import { claimNextJob } from "@/lib/access/jobs/job-claim";
import { runJob } from "@/lib/access/jobs/run-job";
import { createDb, type Db } from "@/lib/db/client";
import { freeze } from "./freeze";

const [databaseUrl, dataDir] = process.argv.slice(2);
const db = createDb(databaseUrl);
const job = await claimNextJob(db, "doomed-worker");
if (!job) throw new Error("no job queued");
console.log(`claimed ${job.id}`);
// The job's heartbeat is an update of its row with the progress: the moment to stop.
const dataRequest = new Proxy(db.dataRequest, {
  get(target, key, receiver) {
    if (key !== "updateMany") return Reflect.get(target, key, receiver) as unknown;
    return (args: { data: { progress?: number; status?: string } }) => {
      if (args.data.progress !== undefined && args.data.status === undefined) {
        console.log(`progress ${args.data.progress}`);
        freeze();
      }
      return target.updateMany(args as Parameters<typeof target.updateMany>[0]);
    };
  },
});
const frozenDb = new Proxy(db, {
  get: (target, key, receiver) =>
    key === "dataRequest" ? dataRequest : (Reflect.get(target, key, receiver) as unknown),
}) as Db;
await runJob(frozenDb, dataDir, job, "doomed-worker");
console.log("finished without stopping");
