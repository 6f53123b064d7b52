// npm run db:migrate: applies pending migrations to DATABASE_URL and inserts the reference rows.
import { settings } from "@/lib/config";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { runCli } from "./cli";

await runCli(async () => {
  const { databaseUrl } = settings();
  const { applied, db } = await setUpDatabase(databaseUrl);
  await db.$disconnect();
  const where = databaseUrl.replace(/\/\/[^@/]*@/, "//…@");
  console.log(applied.length ? `${where}: applied ${applied.join(", ")}` : `${where}: up to date`);
});
