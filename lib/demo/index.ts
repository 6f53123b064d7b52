// Public API of the demo-survey synthesis core (pure, deterministic; no DB, no files).
export { Rng, toRng, type DemoSeed } from "./random";
export {
  drawCatalogue,
  designation,
  DEMO_CATALOGUE_OPTIONS,
  CATALOGUE_TYPES,
  type CatalogueOptions,
  type DemoGalaxy,
} from "./catalogue";
export { FILTERS, BAND_SETS, filterInfo, type FilterInfo, type FilterName, type BandSetName } from "./filters";
export {
  galaxyStructure,
  evaluateComponents,
  type GalaxyStructure,
  type ComponentMaps,
  type Grid,
} from "./galaxy-model";
export {
  renderGalaxyImages,
  observationPlan,
  referenceGrid,
  integratedFluxJy,
  integratedMagnitudeAB,
  type BandImage,
  type GalaxyImages,
  type ImageOptions,
  type CoverageCut,
} from "./images";
export {
  MAGPHYS_PARAMETERS,
  STATISTICS,
  PARAM_INDEX,
  expandToMagphysGrid,
  type MagphysParameter,
  type Statistic,
} from "./magphys-parameters";
export {
  buildPhysicalModel,
  summarisePixels,
  summariseFootprint,
  statOffset,
  bestFitModelFluxes,
  HIST_BINS,
  type PhysicalModel,
  type PixelSummaries,
} from "./physical-maps";
export {
  drawVolunteers,
  scheduleWork,
  teamAt,
  membershipIndex,
  creditTotals,
  DAY,
  WEEK,
  type DemoUser,
  type DemoTeam,
  type DemoChallenge,
  type TeamChange,
  type VolunteerPopulation,
  type VolunteerOptions,
  type WorkUnitInput,
  type CreditEvent,
  type Schedule,
  type ScheduleOptions,
} from "./volunteers";
export { pixelToSky, skyToPixel, type TanWcs } from "./wcs";
