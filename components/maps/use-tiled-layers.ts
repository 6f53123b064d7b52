"use client";
/**
 * A viewer's tiled images follow its `layers`, each in a named slot. An unchanged slot keeps its
 * image (opacity updated). A changed one (a new results version, the other colour stretch) gets
 * the new image drawn above the old one, which is removed once the new one is fully loaded, so the
 * picture never blanks.
 */
import type OpenSeadragon from "openseadragon";
import { useEffect, useMemo, useRef } from "react";
import type { ViewerGroup } from "./viewer-group";

type Viewer = OpenSeadragon.Viewer;
type TiledImage = OpenSeadragon.TiledImage;

export interface DeepZoomLayer {
  /** Stable name of the layer's slot ("beneath", "main"); a new url in a slot swaps its image. */
  slot: string;
  url: string;
  opacity?: number;
}

interface Slot {
  url: string;
  item: TiledImage | null;
  /** Bumped whenever the slot is given another image or dropped: an image arriving late is discarded. */
  generation: number;
}

export function useTiledLayers(viewer: Viewer | null, layers: DeepZoomLayer[], group: ViewerGroup): void {
  const slots = useRef(new Map<string, Slot>());
  // The page hands over a new array on every render (every pointer move): follow what the layers
  // say, not the array's identity.
  const key = JSON.stringify(layers.map((l) => [l.slot, l.url, l.opacity ?? 1]));
  const wanted = useMemo(
    () => (JSON.parse(key) as [string, string, number][]).map(([slot, url, opacity]) => ({ slot, url, opacity })),
    [key],
  );

  // A viewer's slots end with it.
  useEffect(() => {
    const live = slots.current;
    return () => {
      for (const slot of live.values()) slot.generation++;
      live.clear();
    };
  }, [viewer]);

  useEffect(() => {
    if (viewer) syncLayers(viewer, wanted, slots.current, group);
  }, [viewer, wanted, group]);
}

function syncLayers(viewer: Viewer, wanted: Required<DeepZoomLayer>[], live: Map<string, Slot>, group: ViewerGroup) {
  for (const [name, slot] of live) {
    if (wanted.some((l) => l.slot === name)) continue;
    slot.generation++;
    if (slot.item) viewer.world.removeItem(slot.item);
    live.delete(name);
  }
  wanted.forEach((layer, index) => {
    let slot = live.get(layer.slot);
    if (slot && slot.url === layer.url) {
      slot.item?.setOpacity(layer.opacity);
      return;
    }
    if (!slot) {
      slot = { url: layer.url, item: null, generation: 0 };
      live.set(layer.slot, slot);
    }
    const target = slot;
    const generation = ++target.generation;
    target.url = layer.url;
    viewer.addTiledImage({
      tileSource: layer.url,
      x: 0,
      y: 0,
      width: 1,
      opacity: layer.opacity,
      // Bottom layers go under what is there; the top layer above (over its predecessor).
      ...(index < wanted.length - 1 ? { index: Math.min(index, viewer.world.getItemCount()) } : {}),
      success: (event) => {
        const item = (event as unknown as { item: TiledImage }).item;
        if (generation !== target.generation) {
          viewer.world.removeItem(item);
          return;
        }
        const old = target.item;
        target.item = item;
        // The first image sent the viewer home; now it takes the view of its group.
        group.settle(viewer);
        if (old) removeWhenReplaced(viewer, old, item);
      },
      error: () => {
        // A superseded version's tiles are gone: the page's next poll brings the new url.
        if (generation === target.generation) target.url = "";
      },
    });
  });
}

function removeWhenReplaced(viewer: Viewer, old: TiledImage, item: TiledImage) {
  let removed = false;
  const removeOld = () => {
    if (removed) return;
    removed = true;
    if (viewer.world.getIndexOfItem(old) >= 0) viewer.world.removeItem(old);
  };
  if (item.getFullyLoaded()) removeOld();
  else {
    item.addOnceHandler("fully-loaded-change", removeOld);
    window.setTimeout(removeOld, 5000);
  }
}
