// The four maps of the galaxy page, what each quantity is and why a map of it matters.
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";
import { PARAMETER_ANCHORS } from "./science-anchors";
import { ParameterPicture } from "./science-pictures";
import { ScienceSection } from "./science-section";

export function ParameterSections({ maps }: { maps: GalaxyMaps | null }) {
  return (
    <>
      <ScienceSection
        id={PARAMETER_ANCHORS.m}
        title={<>Stellar mass, M★</>}
        picture={<ParameterPicture maps={maps} parameter="m" />}
      >
        <p>
          How much matter is locked up in stars in each pixel, in solar masses (M☉), shown as log₁₀: a value of 7 means
          ten million Suns. Most of a galaxy&apos;s stellar mass is in old, cool stars that shine in red and
          near-infrared light, so the fit weighs those bands most and converts light into mass with the mass-to-light
          ratio its stellar populations imply.
        </p>
        <p>
          <strong>Why map it:</strong> the stellar-mass map is the galaxy&apos;s skeleton, undisturbed by dust and by
          the glare of young stars: a dense central bulge, a smooth disk fading outwards, a bar. Comparing it with the
          star-formation map shows where a galaxy is still growing and where it has stopped.
        </p>
      </ScienceSection>

      <ScienceSection
        id={PARAMETER_ANCHORS.sfr}
        title={<>Star-formation rate, SFR</>}
        picture={<ParameterPicture maps={maps} parameter="sfr" />}
      >
        <p>
          The mass of new stars born per year in the pixel, averaged over the last 100 million years, in solar masses
          per year (log₁₀). Young massive stars are blue and shine brightly in the ultraviolet; part of that light is
          absorbed by dust and comes out again in the infrared. The fit counts both, so star formation hidden behind
          dust is not missed.
        </p>
        <p>
          <strong>Why map it:</strong> it shows where the galaxy is making stars now: along the spiral arms and in
          bright knots, rarely in the bulge. Divided by the stellar mass it gives the specific star-formation rate,
          which tells whether a region is growing fast or has gone quiet, and so how galaxies shut down star formation,
          often from the centre outwards.
        </p>
      </ScienceSection>

      <ScienceSection
        id={PARAMETER_ANCHORS.ldust}
        title={<>Dust luminosity, L_dust</>}
        picture={<ParameterPicture maps={maps} parameter="ldust" />}
      >
        <p>
          The power the dust in the pixel radiates, in solar luminosities (L☉, log₁₀). Interstellar dust absorbs
          ultraviolet and visible starlight, warms up and glows in the infrared; in the fit the light the dust absorbs
          and the light it emits must balance, so L_dust is the starlight the dust has taken.
        </p>
        <p>
          <strong>Why map it:</strong> it shows where starlight is being reprocessed: in the lanes that look dark in the
          colour pictures and around star-forming regions that heat their dust. Across the Universe about half of all
          starlight has been absorbed and re-emitted by dust, so without this map the picture of a galaxy is half-told.
        </p>
      </ScienceSection>

      <ScienceSection
        id={PARAMETER_ANCHORS.mu}
        title={<>µ: where the dust sits</>}
        picture={<ParameterPicture maps={maps} parameter="mu" />}
      >
        <p>
          Stars are born inside dense clouds of gas and dust and leave them after about ten million years. MAGPHYS
          therefore dims young stars twice, by their birth clouds and by the diffuse dust spread through the galaxy, and
          older stars only by the diffuse dust. µ is the share of the dimming (the V-band optical depth) that comes from
          the diffuse dust: a fraction from 0 to 1, without units.
        </p>
        <p>
          <strong>Why map it:</strong> a low µ means the young stars are still wrapped in their birth clouds, as in the
          most active star-forming regions; a high µ means the dust is spread smoothly. The map shows how dust and star
          formation are arranged, something a single number for the whole galaxy cannot.
        </p>
      </ScienceSection>
    </>
  );
}
