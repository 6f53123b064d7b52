// Reading a BOINC project's own MariaDB database: 100,000 users (90 % with credit), 5,000 teams and
// 160,000 hosts in BOINC's schema (Latin-1 columns, names in several scripts), imported by
// `npm run import-stats -- mysql://…` in a child process into a fresh SQLite database; then the
// same an hour later (nothing changed but the time). Needs POGS_TEST_MYSQL_URL and ../shared.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBoincDatabase, hasBoincSchema, testMysqlUrl, type BoincDbContent } from "@/lib/testing/boinc-mariadb";
import { seededRandom } from "@/lib/testing/seeded-random";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { figures, importStats } from "./import-stats-run";
import type { BenchCase, BenchFigure } from "./types";

const USERS = 100_000;
const TEAMS = 5_000;
const NOW = Math.floor(Date.now() / 1000);
const SCRIPTS = ["Ivan", "Иван", "李伟", "Łukasz", "Zoë", "🚀"];

function project(): BoincDbContent {
  const random = seededRandom(42);
  const teams = Array.from({ length: TEAMS }, (_, i) => ({
    id: i + 1,
    name: `${SCRIPTS[i % SCRIPTS.length]} team ${i + 1}`,
    founderId: i + 1,
    type: 1 + (i % 12),
    createTime: NOW - 900 * 86_400,
    totalCredit: 1e4 * random(),
    expavgCredit: 100 * random(),
    expavgTime: NOW - 86_400 * random(),
    country: "Germany",
    url: "",
    description: "crunching galaxies",
  }));
  const users = Array.from({ length: USERS }, (_, i) => ({
    id: i + 1,
    name: `${SCRIPTS[i % SCRIPTS.length]} ${i + 1}`,
    createTime: NOW - 800 * 86_400 + i * 60,
    totalCredit: i % 10 === 9 ? 0 : 1e5 * random() ** 3,
    expavgCredit: 500 * random() ** 3,
    expavgTime: NOW - 7 * 86_400 * random(),
    teamId: random() < 0.6 ? 1 + Math.floor(random() * TEAMS) : 0,
    country: ["United States", "Germany", "Россия", "中国", ""][i % 5],
    url: "",
    showHosts: random() < 0.6,
    hasProfile: false,
    emailAddr: `u${i + 1}@example.org`,
    crossProjectId: (i + 1).toString(16).padStart(32, "0"),
  }));
  const hosts = Array.from({ length: USERS * 1.6 }, (_, i) => ({
    id: i + 1,
    userId: 1 + (i % USERS),
    createTime: NOW - 300 * 86_400,
    rpcTime: NOW - 3600,
    totalCredit: 1e4 * random(),
    expavgCredit: 50 * random(),
    expavgTime: NOW - 3600,
    cpuCount: [4, 8, 16][i % 3],
    cpuVendor: "GenuineIntel",
    cpuModel: "Intel(R) Core(TM) i7-12700K",
    pFpops: 5e9,
    osName: "Microsoft Windows 11",
    osVersion: "Professional x64 Edition",
  }));
  return { users, teams, hosts, teamDeltas: [] };
}

export const bench: BenchCase = {
  name: "BOINC database as a credit source (100k users, MariaDB)",
  async run(): Promise<BenchFigure[]> {
    if (!testMysqlUrl || !hasBoincSchema)
      return [{ name: "skipped: set POGS_TEST_MYSQL_URL and keep ../shared beside the clone", value: 0, unit: "" }];
    const boinc = await createBoincDatabase("latin1");
    const work = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-boincdb-"));
    try {
      const started = performance.now();
      await boinc.fill(project());
      console.log(`  (setup) BOINC database filled in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const databaseUrl = `file:${path.join(work, "pogs.db")}`;
      const { db } = await setUpDatabase(databaseUrl);
      await db.$disconnect();
      const first = await importStats(databaseUrl, boinc.url);
      console.log(`  ${first.summary}`);
      await new Promise((r) => setTimeout(r, 1100)); // a later second: a new "export time"
      const again = await importStats(databaseUrl, boinc.url);
      console.log(`  ${again.summary}`);
      return [
        ...figures("100k users, 5k teams, 160k hosts into an empty SQLite DB", first, null),
        ...figures("the same database a moment later (no credit changed)", again, null),
      ];
    } finally {
      await boinc.drop();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
