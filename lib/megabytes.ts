/** A whole number of megabytes the way the UI language writes it ("40 MB", "40 Mo"). */
import { cachedFormat } from './i18n';

export function megabytes(n: number): string {
  return cachedFormat('megabytes', (l) => new Intl.NumberFormat(l, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 })).format(n);
}
