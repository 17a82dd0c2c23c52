/** Saves text as a file through the browser's download of a blob link (no permission needed). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click has handed the blob to the download; the next task may release it.
  queueMicrotask(() => URL.revokeObjectURL(url));
}
