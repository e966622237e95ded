/**
 * Saves text as a file through an `<a download>` on a blob URL: no `downloads` permission needed. The options page
 * is a tab, so the browser's own save flow works here (in a Firefox popup it would close the popup).
 */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
