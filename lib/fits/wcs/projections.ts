import type { ProjectionCode } from "./types";

/**
 * Spherical projections of Paper II, between projection-plane coordinates (x, y) and native
 * spherical coordinates (φ, θ), everything in radians. Invalid points (off the projection's
 * domain: behind a TAN plane, outside the SIN disc) come back as NaN.
 */
export interface Projection {
  /** Native latitude θ0 of the reference point: 90° for zenithal projections, 0 for CAR. */
  theta0: number;
  toNative(x: number, y: number, out: number[]): void;
  fromNative(phi: number, theta: number, out: number[]): void;
}

const HALF_PI = Math.PI / 2;

/** Zenithal projections differ only in R(θ), the radial distance of a point at native latitude θ. */
function zenithal(r: (theta: number) => number, theta: (r: number) => number): Projection {
  return {
    theta0: HALF_PI,
    toNative(x, y, out) {
      out[0] = Math.atan2(x, -y);
      out[1] = theta(Math.hypot(x, y));
    },
    fromNative(phi, th, out) {
      const rr = r(th);
      out[0] = rr * Math.sin(phi);
      out[1] = -rr * Math.cos(phi);
    },
  };
}

/**
 * SIN with ξ = PV2_1, η = PV2_2 (Paper II §5.1.5, eqs. 38–45). With ξ = η = 0 it is the orthographic
 * projection; NCP is ξ = 0, η = cot δ0. Only the hemisphere facing the observer is valid.
 */
function slantOrthographic(xi: number, eta: number): Projection {
  if (xi === 0 && eta === 0) {
    return zenithal(
      (th) => (th >= 0 ? Math.cos(th) : NaN),
      (r) => (r <= 1 ? Math.acos(r) : NaN),
    );
  }
  return {
    theta0: HALF_PI,
    toNative(x, y, out) {
      // Solve for z = 1 − sin θ, the small root of a z² − 2B z + r² = 0, in the cancellation-free
      // form, then take θ from atan2: asin(sin θ) would lose half the digits near the reference point.
      const a = xi * xi + eta * eta + 1;
      const B = x * xi + y * eta + 1;
      const r2 = x * x + y * y;
      const d = B * B - a * r2;
      if (d < 0 || B <= 0) {
        out[0] = out[1] = NaN;
        return;
      }
      const z = r2 / (B + Math.sqrt(d));
      const px = x - xi * z;
      const py = y - eta * z;
      out[0] = Math.atan2(px, -py);
      out[1] = Math.atan2(1 - z, Math.hypot(px, py));
    },
    fromNative(phi, th, out) {
      const z = 1 - Math.sin(th);
      const c = Math.cos(th);
      out[0] = c * Math.sin(phi) + xi * z;
      out[1] = -c * Math.cos(phi) + eta * z;
      // Visible side only: the line of sight must not pass behind the sphere (eq. 43).
      if (th < -Math.atan(xi * Math.sin(phi) - eta * Math.cos(phi))) out[0] = out[1] = NaN;
    },
  };
}

const CAR: Projection = {
  theta0: 0,
  toNative(x, y, out) {
    out[0] = x;
    out[1] = Math.abs(y) <= HALF_PI ? y : NaN;
  },
  fromNative(phi, th, out) {
    out[0] = phi;
    out[1] = th;
  },
};

export function projection(code: ProjectionCode, pv: number[] = []): Projection {
  switch (code) {
    case "TAN": // gnomonic: R = cot θ
      return zenithal(
        (th) => (th > 0 ? Math.cos(th) / Math.sin(th) : NaN),
        (r) => Math.atan2(1, r),
      );
    case "SIN":
      return slantOrthographic(pv[1] ?? 0, pv[2] ?? 0);
    case "ARC": // zenithal equidistant: R = π/2 − θ
      return zenithal(
        (th) => HALF_PI - th,
        (r) => (r <= Math.PI ? HALF_PI - r : NaN),
      );
    case "STG": // stereographic: R = 2 tan((π/2 − θ)/2)
      return zenithal(
        (th) => 2 * Math.tan((HALF_PI - th) / 2),
        (r) => HALF_PI - 2 * Math.atan(r / 2),
      );
    case "ZEA": // zenithal equal-area: R = 2 sin((π/2 − θ)/2)
      return zenithal(
        (th) => 2 * Math.sin((HALF_PI - th) / 2),
        (r) => (r <= 2 ? HALF_PI - 2 * Math.asin(r / 2) : NaN),
      );
    case "CAR":
      return CAR;
  }
}
