// Runs once when the Node.js server starts: a database that cannot be opened stops start-up
// with one clear line instead of failing on every request with a stack.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkDatabaseOrExit } = await import("./lib/db/startup-check");
  await checkDatabaseOrExit();
  (await import("./lib/access/jobs/job-worker")).startJobWorker(); // data-request jobs (lib/access/README.md)
}
