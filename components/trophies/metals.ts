// The medal metals: a face colour, a lighter rim highlight and a darker edge, per tier.
import type { Metal } from "@/lib/credit/trophies/kinds";

export interface MetalColors {
  face: string;
  light: string;
  edge: string;
  /** ribbons and emblems drawn on the face */
  ink: string;
}

export const METAL_COLORS: Record<Metal, MetalColors> = {
  bronze: { face: "#c27c3e", light: "#e8ad74", edge: "#7c4a1e", ink: "#4a2a0f" },
  silver: { face: "#b9c2cf", light: "#eef2f7", edge: "#6f7a8a", ink: "#384150" },
  gold: { face: "#e8b923", light: "#ffe68a", edge: "#9c7300", ink: "#5a4200" },
  platinum: { face: "#d5e6ee", light: "#ffffff", edge: "#86a6b6", ink: "#38525e" },
  diamond: { face: "#8fd6ff", light: "#e4f6ff", edge: "#3f86b8", ink: "#174a6e" },
};

export const METAL_LABEL: Record<Metal, string> = {
  bronze: "Bronze",
  silver: "Silver",
  gold: "Gold",
  platinum: "Platinum",
  diamond: "Diamond",
};
