// A job worker in its own process, as each portal server runs one (lib/access/jobs/job-worker.ts):
// claims queued data jobs through the database and runs them, printing `ran <job id> <outcome>`
// for each, until no job is queued or running.
// `tsx tests/servers/job-worker-child.ts <databaseUrl> <dataDir> <name>`
import { claimNextJob } from "@/lib/access/jobs/job-claim";
import { runJob } from "@/lib/access/jobs/run-job";
import { createDb } from "@/lib/db/client";

const [databaseUrl, dataDir, name] = process.argv.slice(2);
const db = createDb(databaseUrl);
const workerId = `${name}:${process.pid}`;
for (;;) {
  const job = await claimNextJob(db, workerId);
  if (job) {
    console.log(`ran ${job.id} ${await runJob(db, dataDir, job, workerId)}`);
    continue;
  }
  if ((await db.dataRequest.count({ where: { status: { in: ["queued", "running"] } } })) === 0) break;
  await new Promise((r) => setTimeout(r, 50));
}
await db.$disconnect();
