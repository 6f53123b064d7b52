/**
 * Cache tags shared by every server process and every server through DATA_DIR (a shared
 * filesystem when several servers run, as the original ran on NFS). A tag's version is the
 * content of one small file; an event that changes what a tag covers writes a new version. A
 * cached page remembers the versions it was rendered under and is stale once any of them moves.
 * Versions, not times, so clocks of different machines never matter.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

// Bumps made in this process reach its caches at once, not after their read interval: a server
// action's event is seen by the page loaded right after it. globalThis, because the server's page
// cache and Next's bundle of lib/ are two module instances in one process.
const LOCAL_BUMPS = Symbol.for("pogs.page-cache.local-bumps");
type LocalBumps = Set<(dataDir: string, tags: readonly string[]) => void>;
const localBumps = (): LocalBumps => ((globalThis as { [LOCAL_BUMPS]?: LocalBumps })[LOCAL_BUMPS] ??= new Set());

const tagFile = (dataDir: string, tag: string) => path.join(dataDir, "page-cache", "tags", encodeURIComponent(tag));

/** Moves each tag to a new version (atomically: written beside its place and renamed in). */
export function bumpTags(dataDir: string, tags: readonly string[]): void {
  mkdirSync(path.join(dataDir, "page-cache", "tags"), { recursive: true });
  for (const tag of tags) {
    const file = tagFile(dataDir, tag);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(temporary, `${Date.now()}-${randomBytes(6).toString("hex")}`);
    renameSync(temporary, file);
  }
  for (const forget of localBumps()) forget(path.resolve(dataDir), tags);
}

function readTagVersion(dataDir: string, tag: string): string {
  try {
    return readFileSync(tagFile(dataDir, tag), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "0";
    throw error;
  }
}

/**
 * Tag versions as one server process sees them. Each is read again at most every `ttlMs`, so a
 * burst of cached answers costs no file reads; an event reaches every process within that time.
 */
export class TagVersions {
  private readonly seen = new Map<string, { version: string; readAt: number }>();

  constructor(
    private readonly dataDir: string,
    private readonly ttlMs = 250,
  ) {
    const own = path.resolve(dataDir);
    localBumps().add((bumped, tags) => {
      if (bumped === own) for (const tag of tags) this.seen.delete(tag);
    });
  }

  version(tag: string, now = Date.now()): string {
    const known = this.seen.get(tag);
    if (known && now - known.readAt < this.ttlMs) return known.version;
    const version = readTagVersion(this.dataDir, tag);
    this.seen.set(tag, { version, readAt: now });
    return version;
  }

  /** The versions of `tags`, in order, to store with a page rendered from now on. */
  snapshot(tags: readonly string[]): string[] {
    return tags.map((tag) => this.version(tag));
  }

  isCurrent(tags: readonly string[], snapshot: readonly string[]): boolean {
    return tags.every((tag, i) => this.version(tag) === snapshot[i]);
  }
}
