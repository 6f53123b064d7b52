// Credit and RAC as BOINC defines them, and what POGS grants a work unit.
import Link from "next/link";
import { ScienceSection } from "./science-section";

export function CreditSection() {
  return (
    <ScienceSection id="credit" title="Credit and RAC">
      <p>
        <strong>Credit</strong> is BOINC&apos;s measure of the computing a volunteer has given, in
        &ldquo;cobblestones&rdquo;: a computer sustaining one billion floating-point operations per second (1 GFLOPS)
        for a day earns 200. POGS grants a fixed credit for each validated work unit, in proportion to the pixels it
        holds, to both volunteers whose results agreed. Credit never goes down.
      </p>
      <p>
        <strong>RAC</strong>, the <em>recent average credit</em>, is credit per day, averaged so that recent work counts
        most: it has a half-life of one week, so a computer that stops halves its RAC every week. Total credit says how
        much someone has given; RAC says how much they are giving now.
      </p>
      <p>
        A team is credited with what its members earn while they are members; joining a team brings no past credit. See
        the{" "}
        <Link href="/leaderboards" className="text-accent-2 hover:underline">
          leaderboards
        </Link>{" "}
        by total credit or RAC, the{" "}
        <Link href="/teams" className="text-accent-2 hover:underline">
          teams
        </Link>{" "}
        and the{" "}
        <Link href="/challenges" className="text-accent-2 hover:underline">
          challenges
        </Link>
        .
      </p>
    </ScienceSection>
  );
}
