import type { Metadata } from "next";
import { CreditSection } from "@/components/about/credit-section";
import { Faq } from "@/components/about/faq";
import { ParameterSections } from "@/components/about/parameter-sections";
import { ProcessSections } from "@/components/about/process-sections";
import { COMPOSITES_ANCHOR, PARAMETER_ANCHORS } from "@/components/about/science-anchors";
import { resolveContext } from "@/lib/maps/service/context";
import { getGalaxyMaps } from "@/lib/maps/service/maps-info";
import { getShowcaseGalaxyId } from "@/lib/survey/showcase";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "About the science",
  description:
    "What POGS measures in every pixel of a galaxy (stellar mass, star-formation rate, dust luminosity, µ), how MAGPHYS fits it, what a work unit is, and how BOINC credit and RAC work.",
};

// The same for every visitor (no cookies, headers or query): served from the page cache, made
// stale by survey events, since its pictures come from the survey's own maps.
const CONTENTS = [
  { href: COMPOSITES_ANCHOR, label: "The colour pictures" },
  { href: "sed-fitting", label: "SED fitting and MAGPHYS" },
  { href: PARAMETER_ANCHORS.m, label: "Stellar mass" },
  { href: PARAMETER_ANCHORS.sfr, label: "Star-formation rate" },
  { href: PARAMETER_ANCHORS.ldust, label: "Dust luminosity" },
  { href: PARAMETER_ANCHORS.mu, label: "µ" },
  { href: "work-units", label: "Work units" },
  { href: "credit", label: "Credit and RAC" },
  { href: "faq", label: "Questions" },
];

export default async function AboutPage() {
  const galaxyId = await getShowcaseGalaxyId();
  const maps = galaxyId === null ? null : await getGalaxyMaps(resolveContext(), galaxyId);
  return (
    <>
      <header className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">The science of POGS</h1>
        <p className="mt-3 leading-relaxed text-muted">
          POGS, the Pixels of Galaxies survey, measures how nearby galaxies are built and how they grow: not one number
          per galaxy, but the stars, the star formation and the dust of every pixel. Volunteers&apos; computers, through
          BOINC, fit each pixel&apos;s light with the MAGPHYS model; this page explains what the maps show and how they
          are made
          {maps ? <>, with pictures of {maps.name} from this survey</> : null}.
        </p>
      </header>
      <nav aria-label="On this page" className="mt-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          {CONTENTS.map((c) => (
            <li key={c.href}>
              <a
                href={`#${c.href}`}
                className="inline-block rounded-full border border-line px-3 py-1 hover:border-accent-2 hover:text-accent-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
              >
                {c.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-8 space-y-6">
        <ProcessSections maps={maps} />
        <ParameterSections maps={maps} />
        <CreditSection />
        <Faq />
      </div>
    </>
  );
}
