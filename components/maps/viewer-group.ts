/**
 * Keeps several OpenSeadragon viewers in step (the four parameter maps side by side). Every
 * viewport change starts as a `zoomTo` or `panTo` (drag, wheel, pinch, keys, buttons and
 * constraints all end there), and the viewer announces each call synchronously with its
 * arguments (`zoom`, `pan` events). Replaying the same calls on the other viewers starts the same
 * spring animations at the same instant, so the panels move together frame by frame rather than
 * snapping after. Every viewer shows an image of the same size at the same world position, so one
 * viewport's zoom and centre mean the same pixels in all of them.
 *
 * A viewer goes home when its first image arrives; that move is its own, not the user's, so it is
 * not replayed. The viewer then `settle`s: it takes the centre and the scale (screen pixels per
 * image pixel, which does not depend on how wide each panel is or whether the other has noticed
 * its new size yet) of a settled viewer, so a panel added to a zoomed-in group joins at the same
 * place. A viewer's own resize (the window
 * or the layout changed) moves its viewport too; every panel resizes itself alike, so those
 * moves are not replayed either.
 */
import type OpenSeadragon from "openseadragon";

type Viewer = OpenSeadragon.Viewer;

interface Subscription {
  zoom: (e: OpenSeadragon.ZoomEvent) => void;
  pan: (e: OpenSeadragon.PanEvent) => void;
  resize: () => void;
}

export class ViewerGroup {
  private readonly viewers = new Map<Viewer, Subscription>();
  private readonly settled = new Set<Viewer>();
  /** Viewers inside their own resize (it runs synchronously, then the microtask clears the mark). */
  private readonly resizing = new Set<Viewer>();
  private replaying = false;

  add(viewer: Viewer): void {
    const sub: Subscription = {
      zoom: (e) => this.replay(viewer, (v) => v.viewport.zoomTo(e.zoom, e.refPoint ?? undefined, e.immediately)),
      pan: (e) => this.replay(viewer, (v) => v.viewport.panTo(e.center, e.immediately)),
      resize: () => {
        this.resizing.add(viewer);
        queueMicrotask(() => this.resizing.delete(viewer));
      },
    };
    viewer.addHandler("zoom", sub.zoom);
    viewer.addHandler("pan", sub.pan);
    viewer.addHandler("resize", sub.resize);
    this.viewers.set(viewer, sub);
  }

  /** The viewer has its first image (and has gone home): it joins the others' view. */
  settle(viewer: Viewer): void {
    if (this.settled.has(viewer) || !this.viewers.has(viewer)) return;
    const leader = [...this.settled][0];
    this.settled.add(viewer);
    if (!leader) return;
    // Zoom 1 fits the image's width to the container's: scale = zoom × container width.
    const scale = leader.viewport.getZoom(false) * leader.viewport.getContainerSize().x;
    this.replaying = true;
    try {
      viewer.viewport.zoomTo(scale / viewer.viewport.getContainerSize().x, undefined, true);
      viewer.viewport.panTo(leader.viewport.getCenter(false), true);
    } finally {
      this.replaying = false;
    }
  }

  remove(viewer: Viewer): void {
    const sub = this.viewers.get(viewer);
    if (!sub) return;
    viewer.removeHandler("zoom", sub.zoom);
    viewer.removeHandler("pan", sub.pan);
    viewer.removeHandler("resize", sub.resize);
    this.viewers.delete(viewer);
    this.settled.delete(viewer);
  }

  /** A settled viewer (the first): the zoom buttons drive it and the others follow. */
  get primary(): Viewer | null {
    return this.settled.values().next().value ?? null;
  }

  private replay(leader: Viewer, call: (viewer: Viewer) => void): void {
    if (this.replaying || !this.settled.has(leader) || this.resizing.has(leader)) return;
    this.replaying = true;
    try {
      for (const viewer of this.viewers.keys()) if (viewer !== leader) call(viewer);
    } finally {
      this.replaying = false;
    }
  }
}
