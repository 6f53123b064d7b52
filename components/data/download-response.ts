// Saves a fetched file under the name its Content-Disposition gives (the subset form fetches first,
// so a refusal can be shown on the page instead of replacing it).
export async function downloadResponse(response: Response): Promise<void> {
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "subset.fits";
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
