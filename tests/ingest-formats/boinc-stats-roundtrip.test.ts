// BOINC statistics export: writer → streaming reader, and reading BOINC's own layout.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import {
  readTablesXml,
  readTeamExport,
  readUserExport,
  teamXml,
  userXml,
  writeTablesXml,
  writeTeamExport,
  writeUserExport,
  type BoincTables,
  type BoincTeamRecord,
  type BoincUserRecord,
} from "@/lib/ingest/boinc-stats";

const dir = mkdtempSync(path.join(tmpdir(), "boinc-stats-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

const users: BoincUserRecord[] = [
  {
    id: 12,
    name: "Ann & Bob <3 \"quoted\" 'single'",
    createTime: 1104210399,
    totalCredit: 42698.81,
    expavgCredit: 117.35,
    expavgTime: 1755820800.7,
    cpid: "e129f0aa1c3b2d4e5f60718293a42807",
    country: "Trinidad & Tobago",
    url: "https://example.org/?a=1&b=2",
    teamId: 5,
    hasProfile: true,
  },
  {
    id: 13,
    name: "Zoë 🚀 Ōsaka",
    createTime: 1300000000,
    totalCredit: 0.000001,
    expavgCredit: 0,
    expavgTime: 0,
    cpid: "00000000000000000000000000000000",
    country: null,
    url: null,
    teamId: null,
    hasProfile: false,
  },
  {
    id: 4_000_000_000,
    name: "  padded  ",
    createTime: 0,
    totalCredit: 1e12,
    expavgCredit: 123456.123456,
    expavgTime: 1755820800.123456,
    cpid: "ffffffffffffffffffffffffffffffff",
    country: "Australia",
    url: null,
    teamId: 1,
    hasProfile: false,
  },
];

const teams: BoincTeamRecord[] = [
  {
    id: 5,
    type: 6,
    name: "ICRAR & friends",
    founderId: 12,
    totalCredit: 1234.5,
    expavgCredit: 10.25,
    expavgTime: 1755820800,
    founderName: "Ann & Bob",
    createTime: 1104210400,
    url: "icrar.org",
    nameHtml: "<b>ICRAR</b>",
    description: "Line one\nline two with <html> & entities",
    country: "Australia",
  },
  {
    id: 6,
    type: 1,
    name: "Lonely",
    founderId: 99,
    totalCredit: 1,
    expavgCredit: 0,
    expavgTime: 0,
    founderName: null,
    createTime: 1104210500,
    url: null,
    nameHtml: null,
    description: null,
    country: null,
  },
];

const tables: BoincTables = {
  updateTime: 1755820800,
  creditByApp: false,
  nusersTotal: 3,
  nteamsTotal: 2,
  nhostsTotal: 0,
  nusersDeletedTotal: 4,
  nhostsDeletedTotal: 0,
  totalCredit: 1000000042698.81,
  applications: ["MAGPHYS & friends", "Radial"],
  badges: [{ id: 1, name: "user_pct_0", title: "Top 1% in average credit", imageUrl: "img/pct_1.png" }],
};

describe("statistics export writer → reader", () => {
  it("round-trips users, with entities, unicode and optional elements", async () => {
    const file = path.join(dir, "user.gz");
    expect(await writeUserExport(users, file)).toEqual({ records: 3 });
    const reader = readUserExport(file);
    expect(await collect(reader)).toEqual(users);
    expect([reader.records, reader.skipped.count]).toEqual([3, 0]);
  });

  it("round-trips teams, including the optional founder_name, url, name_html, description", async () => {
    const file = path.join(dir, "team.gz");
    await writeTeamExport(teams, file);
    expect(await collect(readTeamExport(file))).toEqual(teams);
  });

  it("round-trips tables.xml; zero counts are left out and read as 0", async () => {
    const file = path.join(dir, "tables.xml");
    await writeTablesXml(tables, file);
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/nhosts_total/);
    expect(await readTablesXml(file)).toEqual(tables);
  });

  it("writes BOINC's element order and layout", async () => {
    expect(userXml(users[0])).toBe(
      "<user>\n <id>12</id>\n <name>Ann &amp; Bob &lt;3 \"quoted\" 'single'</name>\n <create_time>1104210399</create_time>\n" +
        " <total_credit>42698.810000</total_credit>\n <expavg_credit>117.350000</expavg_credit>\n" +
        " <expavg_time>1755820800.700000</expavg_time>\n <cpid>e129f0aa1c3b2d4e5f60718293a42807</cpid>\n" +
        " <country>Trinidad &amp; Tobago</country>\n <url>https://example.org/?a=1&amp;b=2</url>\n <teamid>5</teamid>\n" +
        " <has_profile/>\n</user>\n",
    );
    expect(teamXml(teams[1])).toBe(
      "<team>\n <id>6</id>\n <type>1</type>\n <name>Lonely</name>\n <userid>99</userid>\n <total_credit>1.000000</total_credit>\n" +
        " <expavg_credit>0.000000</expavg_credit>\n <expavg_time>0.000000</expavg_time>\n <create_time>1104210500</create_time>\n" +
        " <country></country>\n</team>\n",
    );
    const file = path.join(dir, "layout.gz");
    await writeUserExport(users.slice(1, 2), file);
    expect(gunzipSync(readFileSync(file)).toString("utf8")).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<users>\n' + userXml(users[1]) + "</users>\n",
    );
  });

  it("streams a larger export through lazy generators both ways", async () => {
    const n = 50_000;
    function* many(): Generator<BoincUserRecord> {
      for (let i = 1; i <= n; i++)
        yield { ...users[1], id: i, name: `user ${i} &`, totalCredit: i / 4, teamId: i % 3 || null };
    }
    const file = path.join(dir, "many.gz");
    expect(await writeUserExport(many(), file, { gzipLevel: 1 })).toEqual({ records: n });
    let count = 0;
    let credit = 0;
    let lastId = 0;
    for await (const u of readUserExport(file)) {
      count++;
      credit += u.totalCredit;
      expect(u.id).toBe(lastId + 1);
      lastId = u.id;
    }
    expect([count, credit]).toEqual([n, (n * (n + 1)) / 2 / 4]);
  });
});

describe("reading BOINC's own files", () => {
  // As db_dump writes them: iso-8859-1 declaration (older servers), founder_name indented by two,
  // name_html and description not indented, numeric character references.
  const userGz = gzipSync(
    '<?xml version="1.0" encoding="iso-8859-1"?>\n<users>\n<user>\n <id>1</id>\n <name>Jos&#233; &amp; Co</name>\n' +
      " <create_time>1104210399</create_time>\n <total_credit>42698.812345</total_credit>\n <expavg_credit>117.350000</expavg_credit>\n" +
      " <expavg_time>1755820800.700000</expavg_time>\n <cpid>e129</cpid>\n <teamid>0</teamid>\n</user>\n</users>\n",
  );

  it("decodes entities and character references; teamid 0 means no team", async () => {
    const [user] = await collect(readUserExport(new Uint8Array(userGz)));
    expect(user.name).toBe("José & Co");
    expect(user.totalCredit).toBe(42698.812345);
    expect(user.teamId).toBeNull();
    expect(user.hasProfile).toBe(false);
  });

  it("reads from a byte stream as well as a path or bytes", async () => {
    expect(await collect(readUserExport(Readable.from([userGz.subarray(0, 20), userGz.subarray(20)])))).toHaveLength(1);
  });

  it("reads a team with BOINC's irregular indentation and CDATA", async () => {
    const xml =
      "<teams>\n<team>\n <id>7</id>\n <type>9</type>\n <name>Team &lt;7&gt;</name>\n <userid>3</userid>\n" +
      " <total_credit>5.000000</total_credit>\n <expavg_credit>1.000000</expavg_credit>\n <expavg_time>1.000000</expavg_time>\n" +
      "  <founder_name>F</founder_name>\n <create_time>2</create_time>\n<name_html><![CDATA[<i>7</i>]]></name_html>\n" +
      "<description>d</description>\n <country>Germany</country>\n</team>\n</teams>\n";
    const [team] = await collect(readTeamExport(gzipSync(xml)));
    expect(team).toMatchObject({
      id: 7,
      type: 9,
      name: "Team <7>",
      founderId: 3,
      founderName: "F",
      nameHtml: "<i>7</i>",
      country: "Germany",
    });
  });

  it("reads tables.xml with applications, badges and credit_by_app", async () => {
    const xml =
      '<?xml version="1.0" encoding="iso-8859-1"?>\n<tables>\n    <update_time>1755820800</update_time>\n    <credit_by_app/>\n' +
      "    <nusers_total>4663</nusers_total>\n    <total_credit>123.500000</total_credit>\n    <applications>\n" +
      "        <application>\n            <name>fit_sed</name>\n        </application>\n    </applications>\n    <badges>\n    </badges>\n</tables>\n";
    expect(await readTablesXml(Buffer.from(xml))).toEqual({
      updateTime: 1755820800,
      creditByApp: true,
      nusersTotal: 4663,
      nteamsTotal: 0,
      nhostsTotal: 0,
      nusersDeletedTotal: 0,
      nhostsDeletedTotal: 0,
      totalCredit: 123.5,
      applications: ["fit_sed"],
      badges: [],
    });
  });
});
