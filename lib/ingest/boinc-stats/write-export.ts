/**
 * Streaming writers of a statistics export (for the demo generator and the import benchmark):
 * records are pulled from a (possibly lazy, possibly async) iterable, batched into ~64 kB text
 * chunks and piped through gzip with backpressure, so a million users never sit in memory.
 */
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import {
  XML_DECLARATION,
  escapeBoincXml,
  escapeXml,
  hostXml,
  tablesXml,
  teamXml,
  userXml,
  type TextEscape,
} from "./export-xml";
import type { BoincHostRecord, BoincTables, BoincTeamRecord, BoincUserRecord } from "./types";

export type ExportDestination = string | Writable;

export interface WriteExportOptions {
  /** zlib level 1–9; 6 (zlib's default) unless speed matters more than size. */
  gzipLevel?: number;
  /**
   * Records whose text is written as BOINC's db_dump does, every UTF-8 byte above 127 as its own
   * character reference (by record id); the others in plain UTF-8. None by default.
   */
  byteWiseText?: (id: number) => boolean;
}

const CHUNK_CHARS = 64 * 1024;

type ToXml<T> = (record: T, escape: TextEscape) => string;

async function* exportChunks<T extends { id: number }>(
  root: string,
  records: Iterable<T> | AsyncIterable<T>,
  toXml: ToXml<T>,
  counter: { n: number },
  byteWiseText: (id: number) => boolean,
) {
  let chunk = XML_DECLARATION + `<${root}>\n`;
  for await (const record of records) {
    chunk += toXml(record, byteWiseText(record.id) ? escapeBoincXml : escapeXml);
    counter.n++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk + `</${root}>\n`;
}

async function writeGzipExport<T extends { id: number }>(
  root: string,
  records: Iterable<T> | AsyncIterable<T>,
  toXml: ToXml<T>,
  destination: ExportDestination,
  options: WriteExportOptions,
): Promise<{ records: number }> {
  const counter = { n: 0 };
  const output = typeof destination === "string" ? createWriteStream(destination) : destination;
  await pipeline(
    Readable.from(exportChunks(root, records, toXml, counter, options.byteWiseText ?? (() => false))),
    createGzip({ level: options.gzipLevel ?? 6 }),
    output,
  );
  return { records: counter.n };
}

/** Writes `user.gz`: `<users>` with one `<user>` per record, in the order given. */
export function writeUserExport(
  users: Iterable<BoincUserRecord> | AsyncIterable<BoincUserRecord>,
  destination: ExportDestination,
  options: WriteExportOptions = {},
): Promise<{ records: number }> {
  return writeGzipExport("users", users, userXml, destination, options);
}

/** Writes `team.gz`: `<teams>` with one `<team>` per record, in the order given. */
export function writeTeamExport(
  teams: Iterable<BoincTeamRecord> | AsyncIterable<BoincTeamRecord>,
  destination: ExportDestination,
  options: WriteExportOptions = {},
): Promise<{ records: number }> {
  return writeGzipExport("teams", teams, teamXml, destination, options);
}

/** Writes `host.gz`: `<hosts>` with one `<host>` per record, in the order given. */
export function writeHostExport(
  hosts: Iterable<BoincHostRecord> | AsyncIterable<BoincHostRecord>,
  destination: ExportDestination,
  options: WriteExportOptions = {},
): Promise<{ records: number }> {
  return writeGzipExport("hosts", hosts, hostXml, destination, options);
}

/** Writes the uncompressed `tables.xml`. */
export async function writeTablesXml(tables: BoincTables, destination: ExportDestination): Promise<void> {
  if (typeof destination === "string") return writeFile(destination, tablesXml(tables));
  await pipeline(Readable.from([tablesXml(tables)]), destination);
}
