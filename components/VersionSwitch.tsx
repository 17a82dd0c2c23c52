/**
 * ‹ 2/3 › under a message with versions. The arrows stay focusable at the ends (aria-disabled,
 * not disabled): a switch re-renders the message, and focus must not drop to the page.
 */
import { formatNumber, t } from '../lib/i18n';

export function VersionSwitch({ position, count, busy, onSwitch }: { position: number; count: number; busy: boolean; onSwitch(to: number): void }) {
  const arrow = (label: string, text: string, to: number) => {
    const off = busy || to < 0 || to >= count;
    return (
      <button type="button" class="version-arrow" aria-label={label} aria-disabled={off} onClick={() => off || onSwitch(to)}>
        {text}
      </button>
    );
  };
  return (
    <span class="version-switch">
      {arrow(t('version_switch_previous'), '‹', position - 1)}
      <span class="version-position">
        {formatNumber(position + 1)}/{formatNumber(count)}
      </span>
      {arrow(t('version_switch_next'), '›', position + 1)}
    </span>
  );
}
