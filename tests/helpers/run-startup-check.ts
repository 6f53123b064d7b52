// Runs the server's start-up database check in its own process (it exits the process on failure).
import { checkDatabaseOrExit } from "@/lib/db/startup-check";

await checkDatabaseOrExit();
console.log("database ok");
