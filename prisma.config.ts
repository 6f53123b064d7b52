// Prisma CLI configuration. The portal applies migrations itself (scripts/db-migrate.ts, through
// the WebAssembly schema engine); the CLI is used here only for `prisma generate`.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
