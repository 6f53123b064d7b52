// The fixed orders of POGS parameters and statistics (docs/formats.md §3, §9).
import { describe, expect, it } from "vitest";
import { PARAMETER_MAP_KEYS, PARAMETER_MAPS } from "@/lib/maps/parameter-maps";
import {
  MAP_VALUES,
  PARAMETERS,
  STATISTICS,
  Statistic,
  mapValue,
  parameterByBestFitName,
  parameterByColumn,
  parameterByFitName,
} from "@/lib/survey/parameters";

describe("survey parameters", () => {
  it("lists the 16 parameters in POGS id order with their DB columns and HDF5 names", () => {
    expect(PARAMETERS.map((p) => p.id)).toEqual([...Array(16)].map((_, i) => i + 1));
    expect(PARAMETERS.map((p) => p.column)).toEqual([
      "fmu_sfh",
      "fmu_ir",
      "mu",
      "tauv",
      "s_sfr",
      "m",
      "ldust",
      "t_c_ism",
      "t_w_bc",
      "xi_c_tot",
      "xi_pah_tot",
      "xi_mir_tot",
      "xi_w_tot",
      "tvism",
      "mdust",
      "sfr",
    ]);
    expect(PARAMETERS.map((p) => p.hdf5Name).join(" ")).toBe(
      "F_MU_SFH F_MU_IR MU_PARAMETER TAU_V SSFR_0_1GYR M_STARS L_DUST T_C_ISM T_W_BC XI_C_TOT XI_PAH_TOT XI_MIR_TOT XI_W_TOT TAU_V_ISM M_DUST SFR_0_1GYR",
    );
    expect(PARAMETERS[15].layer).toBe("sfr_0_1gyr");
    expect(PARAMETERS.filter((p) => p.log10).map((p) => p.column)).toEqual(["s_sfr", "m", "ldust", "mdust", "sfr"]);
    expect(PARAMETERS[5].label).toBe("log10 M*/M☉");
  });

  it("keeps MAGPHYS's histogram grid of each parameter, in the units of its statistics", () => {
    expect(PARAMETERS.map((p) => p.grid.bins)).toEqual([
      20, 20, 20, 48, 70, 110, 110, 10, 30, 20, 20, 20, 20, 80, 110, 110,
    ]);
    expect(parameterByColumn("m")?.grid).toEqual({ lo: 2, hi: 13, bins: 110 });
    expect(parameterByColumn("s_sfr")?.grid).toEqual({ lo: -13, hi: -6, bins: 70 });
  });

  it("gives the maps their parameter's title, unit and scale", () => {
    // µ is the diffuse ISM's share of the V-band optical depth; f_µ is the share of the dust luminosity.
    expect(PARAMETER_MAPS.mu.title).toBe("Fraction of the V-band optical depth from the diffuse ISM");
    expect(parameterByColumn("fmu_sfh")?.title).toMatch(/^Fraction of the dust luminosity/);
    for (const key of PARAMETER_MAP_KEYS) {
      const p = parameterByColumn(key)!;
      expect(PARAMETER_MAPS[key]).toMatchObject({ title: p.title, unit: p.unit, log10: p.log10 });
    }
  });

  it("finds parameters by .fit histogram name, best-fit header name and column", () => {
    expect(parameterByFitName("T_C^ISM")?.id).toBe(8);
    expect(parameterByFitName("tau_V^ISM")?.column).toBe("tvism");
    expect(parameterByBestFitName("T_W^BC")?.id).toBe(9);
    expect(parameterByBestFitName("M*")?.column).toBe("m");
    expect(parameterByColumn("sfr")?.fitName).toBe("SFR_0.1Gyr");
    expect(parameterByFitName("nope")).toBeUndefined();
  });

  it("numbers the 7 statistics in DIM4 order", () => {
    expect(STATISTICS.map((s) => s.name)).toEqual([
      "BEST_FIT",
      "PERCENTILE_50",
      "HIGHEST_PROB_BIN",
      "PERCENTILE_2_5",
      "PERCENTILE_16",
      "PERCENTILE_84",
      "PERCENTILE_97_5",
    ]);
    STATISTICS.forEach((s, i) => expect([s.index, Statistic[s.name]]).toEqual([i, i]));
  });

  it("takes the four map values from the medians of µ, M*, Ldust and SFR", () => {
    expect(MAP_VALUES.map((m) => [m.key, PARAMETERS[m.parameterId - 1].column])).toEqual([
      ["mu", "mu"],
      ["m", "m"],
      ["ldust", "ldust"],
      ["sfr", "sfr"],
    ]);
    const stats = PARAMETERS.map((p) => STATISTICS.map((s) => p.id * 10 + s.index));
    expect(mapValue(stats, "mu")).toBe(31);
    expect(mapValue(stats, "sfr")).toBe(161);
  });
});
