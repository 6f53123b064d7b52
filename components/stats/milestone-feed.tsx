// The home page's newest milestones.
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { getMilestoneFeed } from "@/lib/credit/milestones/queries";
import { MilestoneList } from "./milestone-list";

export async function MilestoneFeed() {
  const items = await getMilestoneFeed(6);
  return (
    <Section
      title="Milestones"
      aside={
        <Link className="text-sm text-accent-2" href="/milestones">
          All milestones →
        </Link>
      }
    >
      <MilestoneList items={items} empty="No milestone reached yet: the first comes with the 100th work unit." />
    </Section>
  );
}
