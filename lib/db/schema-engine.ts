// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm), so migrations apply and
// drift is checked without the native engine binary that the Prisma CLI downloads (offline
// machines cannot). Node 20 cannot `import` a .wasm module without a flag, so the wasm-bindgen
// glue is wired by hand: instantiate the module with the glue as its import object.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let gluePromise: Promise<Glue> | undefined;

async function loadGlue(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * When diffing from a migrations folder the engine replays each migration.sql on the shadow
 * database with one executeRaw call, but better-sqlite3 prepares a single statement only
 * ("contains more than one statement"). A parameterless multi-statement call runs as a script.
 */
function scriptTolerant(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !/more than one statement/.test(String(error))) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

/**
 * The engine describes a PostgreSQL schema by reading catalog columns of the internal type "char"
 * (OID 18), which @prisma/adapter-pg 7.10 does not map ("Column type 'char' could not be
 * deserialized"). pg returns those values as one-character strings, so report them as text (25).
 */
type PgQueryable = { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> };
function pgCharAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryable = adapter as unknown as PgQueryable;
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return adapter;
}

/** The factory handed to the engine: fixes applied, and every connection remembered to close it. */
function forSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory, opened: SqlDriverAdapter[]) {
  const fix = factory.provider === "sqlite" ? scriptTolerant : pgCharAsText;
  const track = (adapter: SqlDriverAdapter) => (opened.push(adapter), fix(adapter));
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  } satisfies SqlMigrationAwareDriverAdapterFactory;
}

export type OpenSchemaEngine = { engine: SchemaEngine; close(): Promise<void> };

/** Opens the schema engine on a database reached through a Prisma driver adapter factory. */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string },
  log: (message: string) => void = () => {},
): Promise<OpenSchemaEngine> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const opened: SqlDriverAdapter[] = [];
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(forSchemaEngine(adapterFactory, opened)),
  );
  return {
    engine,
    // The engine never disposes its connections; an open SQLite handle would keep the file busy.
    async close() {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}
