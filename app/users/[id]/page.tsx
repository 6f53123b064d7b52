import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { CreditHistoryChart } from "@/components/credit/credit-history-chart";
import { RacExplainer } from "@/components/credit/rac-explainer";
import { VolunteerComputerTable } from "@/components/credit/volunteer-computers";
import { VolunteerGalaxyTable } from "@/components/credit/volunteer-galaxies";
import { TrophyShelf } from "@/components/trophies/trophy-shelf";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Stat } from "@/components/ui/stat";
import { parseId } from "@/lib/api/params";
import { getVolunteerPage, type Volunteer } from "@/lib/credit/volunteer-page";
import { formatCredit, formatDate, formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page read the volunteer once per request.
const pageOf = cache(async (raw: string, gallery: number) => {
  const id = parseId(raw);
  return id ? getVolunteerPage(id, gallery) : null;
});

async function galleryPage(searchParams: Props["searchParams"]): Promise<number> {
  const raw = (await searchParams).page;
  const page = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await pageOf((await params).id, await galleryPage(searchParams));
  return { title: data ? data.volunteer.name : "Volunteer not found" };
}

const link = "text-accent-2 hover:underline";

function Heading({ v }: { v: Volunteer }) {
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">{v.name}</h1>
      <p className="mt-1 text-sm text-muted">
        BOINC user {v.id}
        {v.country ? ` · ${v.country}` : ""} · joined BOINC {formatDate(v.createTime)}
        {v.team ? (
          <>
            {" "}
            · team{" "}
            <Link className={link} href={`/teams/${v.team.id}`}>
              {v.team.name}
            </Link>
          </>
        ) : null}
      </p>
    </>
  );
}

export default async function UserPage({ params, searchParams }: Props) {
  const gallery = await galleryPage(searchParams);
  const data = await pageOf((await params).id, gallery);
  if (!data) notFound();
  const { volunteer: v, details } = data;
  const credit = <Stat label="Total credit" value={formatCredit(v.totalCredit)} hint="Cobblestones, all time" />;
  const rac = <Stat label="RAC" value={formatInt(v.rac)} hint="credits a day, now" />;
  if (!details)
    return (
      <>
        <Heading v={v} />
        <div className="mt-6 grid grid-cols-2 gap-3 md:max-w-md">
          {credit}
          {rac}
        </div>
        <RacExplainer className="mt-3 max-w-3xl" />
        <p
          className="mt-6 max-w-3xl rounded-xl border border-line bg-panel/60 p-4 text-sm"
          data-testid="hidden-volunteer"
        >
          This volunteer asked to be left out of public lists. Like BOINC&apos;s own user page, this page shows only
          their name, country, team, join date, credit and RAC: no rank, trophies, credit history or galaxies.
        </p>
      </>
    );
  const { standing, galaxies } = details;
  return (
    <>
      <Heading v={v} />
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-5 [&>:last-child:nth-child(odd)]:col-span-2 md:[&>:last-child:nth-child(odd)]:col-span-1">
        {credit}
        {rac}
        <Stat
          label="World rank"
          value={`#${formatInt(standing.creditRank)}`}
          hint={`of ${formatInt(standing.listed)} by credit · #${formatInt(standing.racRank)} by RAC`}
        />
        {standing.team ? (
          <Stat
            label="Rank in team"
            value={`#${formatInt(standing.team.rank)}`}
            hint={`of ${formatInt(standing.team.members)} members by credit`}
          />
        ) : (
          <Stat label="Rank in team" value="—" hint="not in a team" />
        )}
        <Stat
          label="Galaxies"
          value={formatInt(galaxies.totals.galaxies)}
          hint={`${formatInt(galaxies.totals.pixels)} pixels in ${formatInt(galaxies.totals.areas)} work units`}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <RacExplainer className="max-w-3xl" />
        <Link className={`text-sm ${link}`} href={`/leaderboards?around=${v.id}#rank-${v.id}`}>
          See them on the leaderboard →
        </Link>
      </div>
      <Section title="Trophies">
        <TrophyShelf trophies={details.trophies} />
      </Section>
      <Section title="Credit history">
        <CreditHistoryChart
          title={`${v.name}: total credit and RAC at each statistics export`}
          history={details.history}
          who={v.name}
        />
      </Section>
      <Section title="Galaxies contributed to">
        <VolunteerGalaxyTable userId={v.id} galaxies={galaxies.rows} />
        {galaxies.pageCount > 1 ? (
          <Pagination
            page={galaxies.page}
            pageCount={galaxies.pageCount}
            href={(page) => `/users/${v.id}?page=${page}`}
          />
        ) : null}
      </Section>
      {details.computers.length ? (
        <Section title="Computers">
          <VolunteerComputerTable computers={details.computers} />
        </Section>
      ) : null}
    </>
  );
}
