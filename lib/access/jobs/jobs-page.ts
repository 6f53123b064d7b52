// The visitor's jobs for /jobs: their account's when signed in, else their address's.
import { identifyVisitor } from "@/lib/access/limits/caller";
import { db } from "@/lib/db/client";
import { listJobs } from "./job-view";

export async function getVisitorJobs(headers: Headers) {
  const caller = await identifyVisitor(headers);
  return { jobs: await listJobs(db(), caller.owner), signedIn: caller.accountId !== null };
}
