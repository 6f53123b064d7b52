/**
 * What the SQLite → PostgreSQL copy needs to know of the target: its tables (those the
 * migrations made, not Prisma's own `_prisma_migrations`), each table's columns with their
 * PostgreSQL types (to convert SQLite's values), the order that satisfies the foreign keys, and
 * the sequences behind autoincrement ids (to reset after rows arrive with their ids).
 */
import type pg from "pg";

export interface CopyColumn {
  name: string;
  /** PostgreSQL's udt_name: int4, float8, text, bool, bytea, timestamp, jsonb, … */
  type: string;
}

export interface CopyTable {
  name: string;
  columns: CopyColumn[];
  /** Columns filled by a sequence (`SERIAL`), to be set past the copied ids. */
  sequenced: string[];
}

/** Tables in an order where every table comes after those its foreign keys point to. */
export async function targetTables(client: pg.Client): Promise<CopyTable[]> {
  const columns = await client.query<{ table_name: string; column_name: string; udt_name: string; col: string }>(
    `SELECT table_name, column_name, udt_name, column_default AS col FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
     ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, CopyTable>();
  for (const c of columns.rows) {
    let t = tables.get(c.table_name);
    if (!t) tables.set(c.table_name, (t = { name: c.table_name, columns: [], sequenced: [] }));
    t.columns.push({ name: c.column_name, type: c.udt_name });
    if (c.col?.startsWith("nextval(")) t.sequenced.push(c.column_name);
  }
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
     WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const e of edges.rows) {
    const child = unquote(e.child);
    const parent = unquote(e.parent);
    if (child !== parent) parents.get(child)?.add(parent);
  }
  return dependencyOrder(tables, parents);
}

function dependencyOrder(tables: Map<string, CopyTable>, parents: Map<string, Set<string>>): CopyTable[] {
  const ordered: CopyTable[] = [];
  const placed = new Set<string>();
  while (placed.size < tables.size) {
    const ready = [...tables.keys()]
      .filter((name) => !placed.has(name) && [...parents.get(name)!].every((p) => placed.has(p)))
      .sort();
    if (ready.length === 0) {
      const left = [...tables.keys()].filter((name) => !placed.has(name));
      throw new Error(`the foreign keys of ${left.join(", ")} form a cycle: no order to copy them in`);
    }
    for (const name of ready) {
      placed.add(name);
      ordered.push(tables.get(name)!);
    }
  }
  return ordered;
}
