/** A whole number of megabytes the way the UI language writes it ("40 MB", "40 Mo"). */
import { cachedFormat } from './i18n';

export function megabytes(n: number): string {
  // No grouping: the English texts always wrote "1536 MB", and a size reads fine without it.
  const make = (l: string) => new Intl.NumberFormat(l, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0, useGrouping: false });
  return cachedFormat('megabytes', make).format(n);
}
