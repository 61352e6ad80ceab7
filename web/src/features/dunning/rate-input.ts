/**
 * A yearly rate as a person types it in a form, in percent (`12,5` or `12.5`), and back:
 * exact in basis points (1 250), no float rounding of what was typed.
 */

const RATE = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

/** `12,5` → 1250; `undefined` when it is not a rate of 0 to 100 % with two decimals at most. */
export function rateBps(text: string): number | undefined {
  const match = RATE.exec(text.trim().replace(/\s*%$/, ''));
  if (match === null) {
    return undefined;
  }
  const whole = Number(match[1]);
  const hundredths = Number((match[2] ?? '').padEnd(2, '0'));
  const bps = whole * 100 + hundredths;
  return bps <= 10_000 ? bps : undefined;
}

/** 1250 → `12,5` (fr) or `12.5` (en): the field's text for a stored rate. */
export function rateInputText(bps: number, language: 'fr' | 'en'): string {
  const whole = Math.trunc(bps / 100);
  const hundredths = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const text = hundredths === '' ? String(whole) : `${whole}.${hundredths}`;
  return language === 'fr' ? text.replace('.', ',') : text;
}
