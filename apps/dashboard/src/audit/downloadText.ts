/**
 * Saves `blob` as a file named `filename`: a temporary `download` link, clicked.
 * Nothing goes back to the server, and a `blob:` URL needs no CSP exception.
 */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; free the memory soon after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves `text` as a file named `filename` (see {@link downloadBlob}). */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}
