/**
 * Whether a tab shows a PDF, and where its bytes are. Both browsers show a PDF at its own address
 * (Chrome's viewer and Firefox's pdf.js are drawn inside the tab); a viewer page opened directly
 * names the file in its query (`file=` for pdf.js, `src=` for Chrome's viewer).
 */

const VIEWER_PARAMS = ['file', 'src'];

const isPdfPath = (u: URL) => /\.pdf$/i.test(u.pathname);

/** The PDF's own address for a tab showing `url`, else null (not a PDF as far as the address says). */
export function pdfUrlOf(url: string | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:') return isPdfPath(u) ? u.href : null;
  for (const p of VIEWER_PARAMS) {
    const inner = u.searchParams.get(p);
    if (inner && inner !== url) return pdfUrlOf(inner);
  }
  return null;
}

/** Whether an extension may fetch it: a local file needs the user to pick it instead. */
export const isFetchable = (url: string) => /^https?:/i.test(url);
