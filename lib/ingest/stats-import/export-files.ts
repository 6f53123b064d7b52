/**
 * The files of a BOINC statistics export (tables.xml, team.gz, user.gz, and host.gz when the
 * project publishes it) in a directory or under an http(s) base URL (a project's
 * `<master URL>/stats/`), opened as byte streams that count what they deliver, for the progress
 * display. All are opened before anything is imported, so a missing file or an HTTP error stops
 * the import before it starts; host.gz may be absent (HTTP 404, no file).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

const REQUIRED_FILES = ["tables.xml", "team.gz", "user.gz"] as const;
const OPTIONAL_FILES = ["host.gz"] as const;
export type ExportFileName = (typeof REQUIRED_FILES)[number] | (typeof OPTIONAL_FILES)[number];

/** A problem reaching the export (missing file, HTTP error): reported in one line, nothing imported. */
export class ExportLocationError extends Error {}

export interface OpenedExportFile {
  name: ExportFileName;
  /** Path or URL, for messages. */
  location: string;
  stream: Readable;
  /** Bytes the file has, when known (file size, Content-Length). */
  size: number | undefined;
  /** Bytes delivered so far. */
  bytesRead(): number;
  /**
   * False when the transport already decoded the gzip (a server sending user.gz with
   * `Content-Encoding: gzip`), so the reader must not gunzip it again.
   */
  gzipped: boolean;
}

export interface OpenedExport {
  /** The directory (absolute) or base URL, as recorded with the import. */
  location: string;
  files: Record<(typeof REQUIRED_FILES)[number], OpenedExportFile> & { "host.gz"?: OpenedExportFile };
  /** Releases whatever was not read (open files, pending HTTP bodies). */
  close(): void;
}

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

export async function openExport(location: string): Promise<OpenedExport> {
  const base = isUrl(location) ? location.replace(/\/*$/, "/") : path.resolve(location);
  const opened: OpenedExportFile[] = [];
  const close = () => opened.forEach((f) => f.stream.destroy());
  try {
    if (!isUrl(location)) await assertDirectory(base);
    for (const name of REQUIRED_FILES)
      opened.push(isUrl(location) ? await openUrl(base, name) : await openFile(base, name));
    for (const name of OPTIONAL_FILES) {
      const file = isUrl(location) ? await openUrl(base, name, true) : await openFile(base, name, true);
      if (file) opened.push(file);
    }
  } catch (error) {
    close();
    throw error;
  }
  const files = Object.fromEntries(opened.map((f) => [f.name, f])) as OpenedExport["files"];
  return { location: base, files, close };
}

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new ExportLocationError(`${dir} does not exist`);
  if (!info.isDirectory())
    throw new ExportLocationError(
      `${dir} is not a directory (give the folder holding tables.xml, team.gz and user.gz)`,
    );
}

async function openFile(dir: string, name: ExportFileName, optional: true): Promise<OpenedExportFile | null>;
async function openFile(dir: string, name: ExportFileName): Promise<OpenedExportFile>;
async function openFile(dir: string, name: ExportFileName, optional = false): Promise<OpenedExportFile | null> {
  const file = path.join(dir, name);
  const info = await stat(file).catch(() => undefined);
  if (!info && optional) return null;
  if (!info?.isFile())
    throw new ExportLocationError(`${file} not found (a statistics export has tables.xml, team.gz and user.gz)`);
  return counted(
    name,
    file,
    () => createReadStream(file),
    () => undefined,
    info.size,
    true,
  );
}

async function openUrl(base: string, name: ExportFileName, optional: true): Promise<OpenedExportFile | null>;
async function openUrl(base: string, name: ExportFileName): Promise<OpenedExportFile>;
async function openUrl(base: string, name: ExportFileName, optional = false): Promise<OpenedExportFile | null> {
  const url = new URL(name, base).href;
  let response: Response;
  try {
    // identity: the .gz files are gzip already; a server compressing them again gains nothing.
    response = await fetch(url, { headers: { "accept-encoding": "identity" }, redirect: "follow" });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new ExportLocationError(`cannot fetch ${url}: ${cause}`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    if (optional && response.status === 404) return null;
    throw new ExportLocationError(`cannot fetch ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const encoding = response.headers.get("content-encoding") ?? "";
  const length = Number(response.headers.get("content-length"));
  const decoded = /gzip/i.test(encoding);
  const body = response.body;
  const size = decoded || !Number.isFinite(length) || length <= 0 ? undefined : length;
  const open = () => downloadStream(Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>));
  return counted(name, url, open, () => void body.cancel().catch(() => undefined), size, !decoded);
}

/** undici says only "terminated" when a download breaks off; say what happened. */
function downloadStream(body: Readable): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of body) yield chunk as Buffer;
    } catch (error) {
      throw new Error(`the download broke off (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      body.destroy();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/**
 * The file as a stream that opens its source only when first read, counting bytes. Lazy because
 * an error (a download breaking off) must reach the reader, which attaches its listeners only
 * when it starts: a source read ahead of it could fail, unheard, before that.
 */
function counted(
  name: ExportFileName,
  location: string,
  open: () => Readable,
  discardUnread: () => void,
  size: number | undefined,
  gzipped: boolean,
): OpenedExportFile {
  let bytes = 0;
  let started = false;
  async function* chunks(): AsyncGenerator<Buffer> {
    started = true;
    const input = open();
    try {
      for await (const chunk of input) {
        bytes += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    } finally {
      input.destroy();
    }
  }
  const stream = Readable.from(chunks(), { objectMode: false });
  stream.once("close", () => {
    if (!started) discardUnread();
  });
  return { name, location, stream, size, bytesRead: () => bytes, gzipped };
}
