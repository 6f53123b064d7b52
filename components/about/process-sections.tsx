// How the maps are made: the colour pictures the fits start from, SED fitting with MAGPHYS, and
// the work units volunteers' computers run.
import Link from "next/link";
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";
import { COMPOSITES_ANCHOR } from "./science-anchors";
import { CompositePicture } from "./science-pictures";
import { ScienceSection } from "./science-section";
import { WorkUnitDiagram } from "./work-unit-diagram";

export function ProcessSections({ maps }: { maps: GalaxyMaps | null }) {
  const pixel = maps ? `${Math.floor(maps.width / 2)},${Math.floor(maps.height / 2)}` : null;
  return (
    <>
      <ScienceSection id={COMPOSITES_ANCHOR} title="The colour pictures" picture={<CompositePicture maps={maps} />}>
        <p>
          Each galaxy was photographed through a dozen filters, from the ultraviolet (GALEX) through visible light
          (SDSS, Pan-STARRS1) to the infrared (WISE). A colour picture shows three of them as red, green and blue. Old
          stars are red and yellow, so the central bulge glows gold; young, hot stars are blue and trace the spiral arms
          and their bright knots; dust dims blue light more than red and draws dark, reddish lanes.
        </p>
        <p>
          The three filters are scaled together by their combined brightness (an asinh stretch, as in Lupton et al.
          2004), so faint outskirts and the bright centre both show and every pixel keeps its colour. Some pictures put
          ultraviolet or infrared light in one of the channels: these are false colours, chosen to show young stars or
          warm dust.
        </p>
      </ScienceSection>

      <ScienceSection id="sed-fitting" title="SED fitting and MAGPHYS, in plain words">
        <p>
          A pixel&apos;s <em>spectral energy distribution</em> (SED) is how bright it is at each wavelength: one number
          per filter. Stars of different ages and the dust between them leave different fingerprints on it: young stars
          make it rise in the ultraviolet, old stars in the red and near-infrared, warm dust in the mid-infrared.
        </p>
        <p>
          <strong>MAGPHYS</strong> (da Cunha, Charlot &amp; Elbaz 2008) compares a pixel&apos;s measured SED with tens
          of thousands of model galaxies, each with its own history of star formation and its own dust, and keeps the
          energy in balance: what the dust absorbs in the ultraviolet and visible it must give back in the infrared.
          Every model is scored by how well it matches; the scores give, for each of 16 quantities, a probability
          distribution rather than a single guess. The maps show each pixel&apos;s median; the pixel inspector shows all
          16 distributions with their 2.5–97.5 % ranges
          {maps && pixel && maps.resultsVersion > 0 ? (
            <>
              {" "}
              (
              <Link href={`/galaxies/${maps.galaxyId}/pixels/${pixel}`} className="text-accent-2 hover:underline">
                open the central pixel of {maps.name}
              </Link>
              )
            </>
          ) : null}
          .
        </p>
        <p>
          Fitting one pixel takes a computer minutes; a galaxy has tens of thousands of pixels, and the survey thousands
          of galaxies. That is why POGS asks volunteers for their computers&apos; spare time.
        </p>
      </ScienceSection>

      <ScienceSection id="work-units" title="What a work unit is" picture={<WorkUnitDiagram />}>
        <p>
          A galaxy&apos;s image is cut into strips seven pixels tall, and each strip into rectangles holding at least 16
          pixels with enough data to fit. One rectangle is one <em>work unit</em>: its pixels&apos; brightness in every
          filter, sent through BOINC to a volunteer&apos;s computer, which runs MAGPHYS on each pixel and sends the
          results back.
        </p>
        <p>
          Every work unit goes to two different computers. When their results agree, the work unit is valid: its pixels
          are stored, the maps fill in that rectangle, and both volunteers are credited. A galaxy is done when all its
          work units are; the galaxy page shows which rectangles are finished and who computed them.
        </p>
      </ScienceSection>
    </>
  );
}
