/** A "Copy command" button that says "Copied" (or "Copy failed") for a moment after a click. */
import { useEffect, useState } from 'preact/hooks';
import { COPIED_MS, copyText } from './markdown/clipboard';

export function CopyCommand({ command }: { command: string }) {
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    if (!said) return;
    // A confirmation, not state: it only has to stay long enough to be seen.
    const t = setTimeout(() => setSaid(null), COPIED_MS);
    return () => clearTimeout(t);
  }, [said]);
  return (
    <button type="button" class="action" title={command} aria-live="polite" onClick={async () => setSaid((await copyText(command)) ? 'Copied' : 'Copy failed')}>
      {said ?? 'Copy command'}
    </button>
  );
}
