import type { CSSProperties } from "react";

/**
 * A dark checkerboard under the parameter maps: pixels without results are transparent, and the
 * checker tells "no value here" apart from any colour of the colour maps.
 */
export const CHECKER: CSSProperties = {
  backgroundColor: "#0d1222",
  backgroundImage: "conic-gradient(#161d33 25%, transparent 0 50%, #161d33 0 75%, transparent 0)",
  backgroundSize: "16px 16px",
};
