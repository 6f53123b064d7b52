import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { TrophyMedal } from "@/components/trophies/trophy-medal";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/section";
import { parseId } from "@/lib/api/params";
import { getTrophyPage } from "@/lib/credit/trophies/pages";
import { formatCredit, formatDate, formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const trophyOf = cache(async (raw: string, page: number) => {
  const id = parseId(raw);
  return id ? getTrophyPage(id, page) : null;
});

async function pageParam(searchParams: Props["searchParams"]): Promise<number> {
  const raw = (await searchParams).page;
  const page = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await trophyOf((await params).id, await pageParam(searchParams));
  return { title: data ? `${data.trophy.name} · Trophies` : "Trophy not found" };
}

const link = "text-accent-2 hover:underline";

export default async function TrophyPage({ params, searchParams }: Props) {
  const data = await trophyOf((await params).id, await pageParam(searchParams));
  if (!data) notFound();
  const { trophy: t } = data;
  return (
    <>
      <p className="text-sm">
        <Link className={link} href="/trophies">
          ← All trophies
        </Link>
      </p>
      <div className="mt-3 flex items-center gap-4">
        <TrophyMedal kind={t.kind} threshold={t.threshold} metal={t.metal} title={`${t.name}: ${t.rule}`} size={72} />
        <div>
          <h1 className="text-2xl font-semibold">{t.name}</h1>
          <p className="text-sm text-muted">{t.rule}</p>
          <p className="tabular mt-1 text-sm">
            {data.total === 1 ? "1 volunteer holds it" : `${formatInt(data.total)} volunteers hold it`}
          </p>
        </div>
      </div>
      <div className="mt-6">
        <Table>
          <thead>
            <tr>
              <th>Volunteer</th>
              <th className="hidden sm:table-cell">Team</th>
              <th className="text-right">Total credit</th>
              <th className="text-right">Since</th>
            </tr>
          </thead>
          <tbody>
            {data.holders.map((h) => (
              <tr key={h.id}>
                <td>
                  <Link className={link} href={`/users/${h.id}`}>
                    {h.name}
                  </Link>
                </td>
                <td className="hidden sm:table-cell">
                  {h.team ? (
                    <Link className={link} href={`/teams/${h.team.id}`}>
                      {h.team.name}
                    </Link>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
                <td className="text-right">{formatCredit(h.totalCredit)}</td>
                <td className="text-right">{formatDate(h.awardedAt)}</td>
              </tr>
            ))}
            {data.holders.length === 0 ? (
              <tr>
                <td colSpan={4} className="py-6 text-center text-muted">
                  Nobody holds it yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </div>
      <p className="mt-2 text-xs text-muted">
        Most credit first. Volunteers who asked to be left out of public lists are not shown.
      </p>
      <Pagination page={data.page} pageCount={data.pageCount} href={(page) => `/trophies/${t.id}?page=${page}`} />
    </>
  );
}
