"use client";
/**
 * One deep-zoom panel: an OpenSeadragon viewer of a galaxy's tiled images with a vector overlay
 * (SVG in image pixel coordinates) kept aligned with the pixels at every zoom. The viewer lives as
 * long as the panel (use-osd-viewer); its images follow `layers` (use-tiled-layers), the overlay
 * follows its frames (use-overlay-alignment), and pointer, click and Enter report the pixel under
 * them (use-pixel-picking).
 */
import { useRef, type ReactNode } from "react";
import { CHECKER } from "./checker";
import { useOsdViewer, type PanelElement } from "./use-osd-viewer";
import { useOverlayAlignment } from "./use-overlay-alignment";
import { usePixelPicking, type PixelEvent } from "./use-pixel-picking";
import { useTiledLayers, type DeepZoomLayer } from "./use-tiled-layers";
import type { ViewerGroup } from "./viewer-group";

export interface DeepZoomPanelProps {
  label: string;
  imageWidth: number;
  imageHeight: number;
  /** Bottom to top. */
  layers: DeepZoomLayer[];
  group: ViewerGroup;
  /** SVG content in image coordinates (x right, y down, one unit a pixel). */
  overlay?: ReactNode;
  onHover?: (pixel: PixelEvent) => void;
  /** A click or tap (or Enter on the focused viewer, at its centre) picks a pixel. */
  onPick?: (pixel: PixelEvent) => void;
  reducedMotion: boolean;
  /** Focus the map once it exists, so the keys work at once. */
  autoFocus?: boolean;
  testId?: string;
  children?: ReactNode;
}

export function DeepZoomPanel({
  label,
  imageWidth,
  imageHeight,
  layers,
  group,
  overlay,
  onHover,
  onPick,
  reducedMotion,
  autoFocus = false,
  testId,
  children,
}: DeepZoomPanelProps) {
  const panelRef = useRef<PanelElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<SVGGElement>(null);
  const current = useOsdViewer({ hostRef, panelRef, group, reducedMotion, label, autoFocus });
  useOverlayAlignment(current, overlayRef, imageWidth, imageHeight);
  usePixelPicking(current, imageWidth, imageHeight, onHover, onPick);
  useTiledLayers(current?.viewer ?? null, layers, group);

  return (
    <div
      ref={panelRef}
      className="relative h-full w-full overflow-hidden"
      style={CHECKER}
      data-testid={testId}
      aria-label={label}
      role="group"
    >
      <div
        ref={hostRef}
        className="absolute inset-0 [&_.openseadragon-canvas:focus-visible]:outline-2 [&_.openseadragon-canvas:focus-visible]:-outline-offset-2 [&_.openseadragon-canvas:focus-visible]:outline-accent"
      />
      <svg
        className="pointer-events-none absolute inset-0 h-full w-full overflow-hidden"
        aria-hidden
        data-testid={testId ? `${testId}-overlay` : undefined}
      >
        <g ref={overlayRef}>{overlay}</g>
      </svg>
      {children}
    </div>
  );
}
