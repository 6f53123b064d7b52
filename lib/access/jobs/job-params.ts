// The path parameter of the job routes: a job id (a UUID); anything else names no job.
import { z } from "zod";
import { isJobId } from "./job-paths";

export const JobPathParams = z.object({
  id: z.string().refine(isJobId, { error: (issue) => `no job with id ${String(issue.input)}` }),
});
