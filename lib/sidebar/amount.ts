// Amounts of orders and cancellations: typed the way the user's language writes numbers, shown
// the same way, without a currency (the CRM keeps a plain number; the currency is the team's own).

/** The largest amount accepted: beyond it a typing slip (an extra zero or three) is more likely than an order. */
export const AMOUNT_MAX = 1e12;

const formats = new Map<string, Intl.NumberFormat>();

/** A number formatter per locale, built once (building one costs far more than using it). */
function numberFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format;
}

/** `12500.5` → "12,500.5" in English, "12 500,5" in Russian. */
export function formatAmount(amount: number, locale: string): string {
  return numberFormat(locale).format(amount);
}

/** The locale's grouping and decimal separators, read from how it formats a number. */
function separators(locale: string): { group: string; decimal: string } {
  const parts = numberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

export type AmountReading = { ok: true; amount: number | null } | { ok: false; reason: 'not-a-number' | 'negative' | 'too-large' | 'too-precise' };

/**
 * What the user typed as an amount: empty is no amount; otherwise a positive number with at most
 * two decimals, written with the locale's separators (spaces of any kind count as grouping, and
 * a plain `.` as the decimal point where the locale uses a comma and no `.` groups).
 */
export function parseAmount(text: string, locale: string): AmountReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, amount: null };
  if (/^[-−]/.test(trimmed)) return { ok: false, reason: 'negative' };
  const { group, decimal } = separators(locale);
  let plain = trimmed.replace(/[\s\u00a0\u202f]/g, '');
  if (group !== decimal && !/\s/.test(group)) plain = plain.split(group).join('');
  if (decimal !== '.') plain = plain.replace(decimal, '.');
  if (!/^\d+(\.\d+)?$/.test(plain)) return { ok: false, reason: 'not-a-number' };
  const [, fraction = ''] = plain.split('.');
  if (fraction.length > 2) return { ok: false, reason: 'too-precise' };
  const amount = Number(plain);
  if (!Number.isFinite(amount) || amount > AMOUNT_MAX) return { ok: false, reason: 'too-large' };
  return { ok: true, amount };
}
