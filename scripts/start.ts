// npm start: everything a new user needs, in order: the database (migrated, and filled with the
// demo survey when empty), a production build when the sources changed, then the server.
import { spawn } from "node:child_process";
import path from "node:path";
import { authSecretPath, ensureAuthSecret } from "@/lib/auth/secret";
import { settings } from "@/lib/config";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { PROJECT_ROOT } from "@/lib/project-root";
import { DEMO_DEFAULTS, lastMonday } from "@/lib/demo/build/defaults";
import { demoSignIns } from "@/lib/demo/build/demo-accounts";
import { ensureBuild } from "./build-state";
import { runCli } from "./cli";
import { buildDemoWithProgress } from "./demo-command";

await runCli(async () => {
  const config = settings();
  const { db, applied } = await setUpDatabase(config.databaseUrl);
  if (applied.length) console.log(`Database migrated: ${applied.join(", ")}`);
  if ((await db.galaxy.count()) === 0) {
    console.log("The database is empty: building the demo survey (npm run demo)…");
    await buildDemoWithProgress(db, config.dataDir, { ...DEMO_DEFAULTS, end: lastMonday(new Date()) });
  }
  const signIns = await demoSignIns(db);
  await db.$disconnect();
  // Sessions are signed with NEXTAUTH_SECRET, or with a random secret kept in DATA_DIR.
  if (!config.nextAuthSecret && ensureAuthSecret(config.dataDir).created)
    console.log(`Generated a session secret in ${authSecretPath(config.dataDir)} (NEXTAUTH_SECRET overrides it)`);
  ensureBuild();
  console.log(`POGS Portal on http://localhost:${config.port} (data in ${config.dataDir})`);
  if (signIns.length) {
    console.log("Demo sign-ins (public; `npm run account -- delete <email>` removes one):");
    for (const s of signIns)
      console.log(
        `  ${s.email} / ${s.password}  (${s.role}${s.boincUser ? `, BOINC user ${s.boincUser.id} ${s.boincUser.name}` : ""})`,
      );
  }
  // The portal server (scripts/serve.ts): map tiles on a fast path, the rest through Next.
  // Extra arguments go to it, e.g. `npm start -- --workers 2`.
  const server = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(PROJECT_ROOT, "scripts/serve.ts"),
      "--port",
      String(config.port),
      "--hostname",
      config.hostname,
      ...process.argv.slice(2),
    ],
    { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
});
