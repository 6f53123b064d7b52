// The structural model of a demo galaxy (structure.ts draws it, evaluate.ts renders it on a grid),
// shared by the images (lib/demo/images.ts) and the parameter maps (lib/demo/physical-maps.ts) so
// both describe the same galaxy.
//
// Components, each an r-band intrinsic (unattenuated) surface brightness in Jy/arcsec²:
//   bulge  old spheroid (Sérsic, n ≈ 4) plus the bar of barred types: red, bright in W1/W2
//   disk   exponential disk of older stars, mildly enhanced along the arms
//   young  logarithmic spiral arms and star-forming knots (clumps in irregulars): UV-bright
// and two dust optical depths in V: tauIsm (diffuse; exponential, enhanced in the arms, larger on
// the near side of inclined disks: the dust lane) and tauBc (birth clouds around young stars).
// All geometry is in the galaxy's tangent plane (ξ east, η north, arcsec), so any grid can be
// evaluated exactly.
import type { TanWcs } from "@/lib/demo/wcs";

export type Morphology = "elliptical" | "lenticular" | "spiral" | "irregular";

export interface Knot {
  /** Centre, arcsec east (ξ) and north (η) of the galaxy centre. */
  readonly xi: number;
  readonly eta: number;
  /** Gaussian σ, arcsec (intrinsic, before the PSF). */
  readonly sigma: number;
  /** Total r-band intrinsic flux, Jy. */
  readonly flux: number;
}

export interface GalaxyStructure {
  readonly morphology: Morphology;
  /** Type the model was built as: the catalogue type, or one drawn for 'Unk' and 'S?'. */
  readonly modelType: string;
  readonly barred: boolean;
  /** Position angle of the major axis, degrees east of north. */
  readonly positionAngle: number;
  readonly cosInclination: number;
  /** Radius (arcsec, major axis) of the detectable extent; the images' sky mask follows it. */
  readonly extentRadius: number;
  /** Low-order wobble of the extent: [a2, φ2, a3, φ3]. */
  readonly extentWobble: readonly [number, number, number, number];
  readonly disk: { readonly centralSb: number; readonly scaleLength: number };
  readonly bulge: {
    readonly effectiveSb: number;
    readonly effectiveRadius: number;
    readonly sersicN: number;
    readonly axisRatio: number;
  };
  readonly bar: {
    readonly centralSb: number;
    readonly length: number;
    readonly width: number;
    readonly angle: number;
  } | null;
  readonly arms: {
    readonly count: number;
    readonly pitch: number; // radians
    readonly phase: number;
    readonly startRadius: number;
    readonly endRadius: number;
    readonly sharpness: number;
    readonly oldModulation: number;
    readonly wobble: readonly [number, number, number]; // amplitude, frequency in ln r, phase
    readonly lopsidedness: readonly [number, number];
  } | null;
  readonly young: {
    readonly centralSb: number;
    readonly scaleLength: number;
    readonly clumpy: readonly [number, number, number, number] | null;
  };
  readonly knots: readonly Knot[];
  readonly dust: {
    readonly tauCentre: number;
    readonly scaleLength: number;
    readonly armBoost: number;
    /** Near/far asymmetry of inclined disks (the dust lane), 0…1. */
    readonly laneAsymmetry: number;
    /**
     * Typical share mu of the V optical depth seen by young stars that is due to the diffuse ISM
     * (MAGPHYS's mu); lower in the arms. Birth clouds add tau_V^ISM·(1/mu − 1), at least tauBcMin.
     */
    readonly mu: number;
    readonly tauBcMin: number;
  };
  /** Intrinsic r-band total magnitude (AB) of the model. */
  readonly totalMagR: number;
  /** Physical size of one arcsec, pc. */
  readonly pcPerArcsec: number;
}

export interface ComponentMaps {
  readonly width: number;
  readonly height: number;
  readonly bulge: Float32Array;
  readonly disk: Float32Array;
  readonly young: Float32Array;
  readonly tauIsm: Float32Array;
  readonly tauBc: Float32Array;
  /** 1 where the pixel centre lies inside the galaxy's extent. */
  readonly footprint: Uint8Array;
}

export interface Grid {
  readonly width: number;
  readonly height: number;
  readonly wcs: TanWcs;
}
