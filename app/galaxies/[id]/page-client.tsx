"use client";
// The interactive part of a galaxy page: its status (live while computing), the composites and
// parameter maps, a volunteer's work units over them, and the deep-zoom viewer.
import { useState } from "react";
import { useDefaultVolunteer } from "@/components/account/use-default-volunteer";
import { LiveStatus, type AreaSummary } from "@/components/galaxy/live-status";
import { MapGallery } from "@/components/galaxy/map-gallery";
import { MapViewer } from "@/components/galaxy/map-viewer";
import type { Stretch } from "@/components/galaxy/stretch-switch";
import { useLiveGalaxyMaps } from "@/components/galaxy/use-live-maps";
import { useAddressState } from "@/components/galaxy/use-address-state";
import { useVolunteerAreas } from "@/components/galaxy/use-volunteer-areas";
import { replaceQuery, viewAvailable, type ViewKey } from "@/components/galaxy/view-state";
import { VolunteerPicker, type Contributor } from "@/components/galaxy/volunteer-picker";
import { Section } from "@/components/ui/section";
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";

export function GalaxyMapsClient({
  initialMaps,
  contributors,
  areas,
  lastResultAt,
}: {
  initialMaps: GalaxyMaps;
  contributors: Contributor[];
  areas: AreaSummary;
  lastResultAt: string | null;
}) {
  const { maps, checkedAt, failed } = useLiveGalaxyMaps(initialMaps);
  const [stretch, setStretch] = useState<Stretch>("survey");
  const [view, setView] = useState<ViewKey | null>(null);
  const volunteer = useVolunteerAreas(maps.galaxyId, maps.resultsVersion);
  useAddressState(setView, volunteer.choose);
  useDefaultVolunteer(volunteer.userId, volunteer.choose);
  const areasOnPictures = volunteer.state.status === "ok" ? volunteer.state.areas.areas : null;

  const show = (key: ViewKey | null) => {
    setView(key);
    replaceQuery({ view: key });
  };

  return (
    <>
      <LiveStatus maps={maps} areas={areas} lastResultAt={lastResultAt} checkedAt={checkedAt} failed={failed} />
      <Section
        title="Images and maps"
        aside={<span className="hidden text-xs text-muted sm:inline">Select a picture to zoom in</span>}
      >
        <MapGallery maps={maps} stretch={stretch} onStretch={setStretch} areas={areasOnPictures} onOpen={show} />
      </Section>
      <Section title="A volunteer's work units">
        <p className="mb-3 text-sm text-muted">
          Every rectangle is one work unit: a strip of pixels that one volunteer&apos;s computer fitted. Choose a
          volunteer to see theirs on the pictures above and in the viewer.
        </p>
        <VolunteerPicker
          galaxyId={maps.galaxyId}
          state={volunteer.state}
          contributors={contributors}
          onChoose={volunteer.choose}
          onShow={() => show(maps.composites[0]?.key ?? "m")}
        />
      </Section>
      {view && viewAvailable(maps, view) ? (
        <MapViewer
          maps={maps}
          view={view}
          onView={show}
          stretch={stretch}
          onStretch={setStretch}
          volunteer={volunteer.state}
          onClose={() => show(null)}
        />
      ) : null}
    </>
  );
}
