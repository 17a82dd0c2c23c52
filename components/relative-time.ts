/** "5 min ago"-style times for the history list, in the browser's language. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// One formatter for every item: creating an Intl formatter costs more than the rest of a list row.
let formatter: Intl.RelativeTimeFormat | undefined;

export function relativeTime(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const seconds = Math.round((t - now) / 1000);
  formatter ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const fmt = formatter;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return fmt.format(Math.round(seconds / size), unit);
  }
  return fmt.format(0, 'minute');
}
