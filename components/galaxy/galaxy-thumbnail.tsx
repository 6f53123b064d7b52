// A galaxy's small picture for lists (composite image 1, rendered by the thumbnail route). The
// name beside it says which galaxy it is, so the picture itself is decorative.
export function GalaxyThumbnail({ galaxyId, size = 40 }: { galaxyId: number; size?: number }) {
  return (
    // A generated PNG already at its display size (2× for sharp screens): nothing for next/image to do.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={`/galaxies/${galaxyId}/images/thumbnail.png?size=${2 * size}`}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      className="shrink-0 rounded bg-black object-contain ring-1 ring-line"
      style={{ width: size, height: size }}
      data-testid="galaxy-thumbnail"
    />
  );
}
