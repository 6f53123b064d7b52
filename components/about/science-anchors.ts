// Where on /about each map of the galaxy page is explained, so a map's "?" link and the section
// it opens cannot drift apart.
import type { ParameterMapKey } from "@/lib/maps/parameter-maps";

export const PARAMETER_ANCHORS: Readonly<Record<ParameterMapKey, string>> = {
  mu: "mu",
  m: "stellar-mass",
  ldust: "dust-luminosity",
  sfr: "star-formation-rate",
};

export const COMPOSITES_ANCHOR = "composites";
