// BOINC statistics export: bad records are skipped and counted; a bad file is fatal; reading and
// writing stream (nothing waits for the whole file).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { createGzip, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { ParseError } from "@/lib/ingest/magphys";
import {
  StatsExportError,
  readTablesXml,
  readTeamExport,
  readUserExport,
  userXml,
  writeUserExport,
  type BoincUserRecord,
  type ExportReader,
} from "@/lib/ingest/boinc-stats";

const dir = mkdtempSync(path.join(tmpdir(), "boinc-stats-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = (id: string, extra = "", credit = "10.000000") =>
  `<user><id>${id}</id><name>u${id}</name><create_time>1</create_time><total_credit>${credit}</total_credit>` +
  `<expavg_credit>1.000000</expavg_credit><expavg_time>2.000000</expavg_time><cpid>c</cpid>${extra}</user>\n`;
const usersGz = (body: string) => gzipSync(`<?xml version="1.0" encoding="utf-8"?>\n<users>\n${body}</users>\n`);

async function drain<T>(reader: ExportReader<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of reader) out.push(x);
  return out;
}

async function fatal(promise: Promise<unknown>): Promise<StatsExportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StatsExportError);
  expect(error).toBeInstanceOf(ParseError);
  return error as StatsExportError;
}

describe("malformed records are skipped and counted", () => {
  it("keeps the good users and says why the others were left out", async () => {
    const body = [
      user("1"),
      user("abc"),
      user("0"),
      user("2", "", "12abc"),
      user("3", "", ""),
      user("4", "<teamid>x</teamid>"),
      user("5", "<id>6</id>"),
      "<user><name>no id</name></user>\n",
      "<host><id>9</id></host>\n",
      user("7", "<teamid>3</teamid><has_profile/>"),
      user("8", "", "-1"),
    ].join("");
    const reader = readUserExport(usersGz(body), { fileName: "user.gz" });
    const good = await drain(reader);
    expect(good.map((u) => u.id)).toEqual([1, 7]);
    expect(good[1]).toMatchObject({ teamId: 3, hasProfile: true });
    expect(reader.records).toBe(2);
    expect(reader.skipped.count).toBe(9);
    expect(reader.skipped.examples.map((e) => e.reason)).toEqual([
      "<user> with invalid <id> 'abc'",
      "<user> with invalid <id> '0'",
      "<user> with non-numeric <total_credit> '12abc'",
      "<user> with non-numeric <total_credit> ''",
      "<user> with invalid <teamid> 'x'",
      "<user> with <id> given twice",
      "<user> without <id>",
      "unexpected element <host> in <users>",
      "<user> with non-numeric <total_credit> '-1'",
    ]);
    expect(reader.skipped.examples[0].line).toBe(4); // declaration, <users>, user 1, then this one
  });

  it("keeps only the first few reasons but counts all", async () => {
    const reader = readUserExport(usersGz(Array.from({ length: 30 }, () => user("x")).join("")), {
      maxSkipExamples: 3,
    });
    expect(await drain(reader)).toEqual([]);
    expect([reader.skipped.count, reader.skipped.examples.length]).toEqual([30, 3]);
  });

  it("skips a team without a numeric type", async () => {
    const team = (type: string) =>
      `<team><id>1</id><type>${type}</type><name>t</name><userid>2</userid><total_credit>1</total_credit>` +
      `<expavg_credit>0</expavg_credit><expavg_time>0</expavg_time><create_time>1</create_time><country></country></team>`;
    const reader = readTeamExport(gzipSync(`<teams>${team("6")}${team("six")}</teams>`));
    expect((await drain(reader)).map((t) => [t.type, t.country])).toEqual([[6, null]]);
    expect(reader.skipped.examples[0].reason).toBe("<team> with non-integer <type> 'six'");
  });
});

describe("a bad file is fatal", () => {
  const good = usersGz(user("1") + user("2"));

  it("rejects data that is not gzip", async () => {
    const error = await fatal(drain(readUserExport(Buffer.from("<users></users>"), { fileName: "user.gz" })));
    expect(error.failure).toBe("gzip");
    expect(error.message).toBe("user.gz: not a gzip file (incorrect header check)");
  });

  it("rejects a truncated gzip file", async () => {
    const error = await fatal(drain(readUserExport(good.subarray(0, good.length - 12))));
    expect(error.failure).toBe("gzip");
    expect(error.reason).toMatch(/ends early/);
  });

  it("rejects a gzip file whose checksum does not match", async () => {
    const corrupt = Buffer.from(good);
    corrupt[corrupt.length - 6] ^= 0xff; // inside the CRC32 trailer
    expect((await fatal(drain(readUserExport(corrupt)))).failure).toBe("gzip");
  });

  it("rejects XML syntax errors with their line", async () => {
    const error = await fatal(drain(readUserExport(usersGz(user("1") + user("2") + "<user><id>3</id></usr>\n"))));
    expect(error.failure).toBe("xml");
    expect(error.line).toBe(5);
    expect(error.reason).toMatch(/^XML syntax error: Unexpected close tag/);
    const ampersand = await fatal(drain(readUserExport(usersGz(user("1", "<url>a & b</url>")))));
    expect(ampersand.failure).toBe("xml");
  });

  it("rejects a file that ends inside the root element", async () => {
    const error = await fatal(drain(readUserExport(gzipSync("<users>\n" + user("1")))));
    expect([error.failure, error.reason]).toEqual(["xml", "the file ends inside <users> (truncated?)"]);
  });

  it("rejects the wrong root element and an empty file", async () => {
    const wrong = await fatal(drain(readUserExport(gzipSync("<teams></teams>"), { fileName: "user.gz" })));
    expect([wrong.failure, wrong.message]).toEqual([
      "root",
      "user.gz:1: expected the root element <users>, found <teams>",
    ]);
    expect((await fatal(drain(readTeamExport(gzipSync(""))))).reason).toMatch(/no <teams> root element/);
    expect((await fatal(readTablesXml(Buffer.from("<users/>")))).failure).toBe("root");
  });

  it("reports a missing file as an io failure", async () => {
    const error = await fatal(drain(readUserExport(path.join(dir, "missing.gz"))));
    expect([error.failure, error.fileName]).toEqual(["io", "missing.gz"]);
  });

  it("rejects a non-numeric count in tables.xml at its line", async () => {
    const error = await fatal(
      readTablesXml(
        Buffer.from("<tables>\n<update_time>1</update_time>\n<nusers_total>many</nusers_total>\n</tables>"),
      ),
    );
    expect([error.line, error.reason]).toEqual([3, "<tables/nusers_total> is not a non-negative integer: 'many'"]);
  });
});

const record = (id: number): BoincUserRecord => ({
  id,
  name: `user ${id}`,
  createTime: 1,
  totalCredit: id,
  expavgCredit: 1,
  expavgTime: 2,
  cpid: "c",
  country: null,
  url: null,
  teamId: null,
  hasProfile: false,
});

describe("streaming", () => {
  it(
    "yields records from an endless export without reading it all, and stops cleanly",
    { timeout: 20_000 },
    async () => {
      let produced = 0;
      async function* endless() {
        yield "<users>\n";
        for (;;) yield userXml(record(++produced));
      }
      const source = Readable.from(endless()).pipe(createGzip());
      let read = 0;
      for await (const u of readUserExport(source)) {
        expect(u.id).toBe(++read);
        if (read === 1000) break;
      }
      expect(read).toBe(1000);
      expect(produced).toBeLessThan(100_000);
    },
  );

  it("the writer pulls records only as fast as the output takes them", async () => {
    let produced = 0;
    let producedAtFirstWrite = -1;
    function* records() {
      for (let i = 1; i <= 200_000; i++) {
        produced = i;
        yield record(i);
      }
    }
    const slow = new Writable({
      write(_chunk, _encoding, callback) {
        if (producedAtFirstWrite < 0) producedAtFirstWrite = produced;
        setTimeout(callback, 1);
      },
    });
    await writeUserExport(records(), slow, { gzipLevel: 1 });
    expect(produced).toBe(200_000);
    expect(producedAtFirstWrite).toBeGreaterThan(0);
    expect(producedAtFirstWrite).toBeLessThan(50_000);
  });

  it("an ExportReader cannot be read twice", async () => {
    const reader = readUserExport(usersGz(user("1")));
    await drain(reader);
    await expect(drain(reader)).rejects.toThrow(/only once/);
  });
});
