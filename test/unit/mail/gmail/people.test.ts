import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { personFrom } from '../../../../lib/mail/gmail/people';
import { toAddress } from '../../../../lib/mail/participants';

const window = new Window();
afterAll(() => window.close());

function sender(attrs: Record<string, string>, text = ''): Element {
  const el = window.document.createElement('span');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.textContent = text;
  return el as unknown as Element;
}

describe('personFrom', () => {
  it.each([
    [{ email: 'ana@bank.example', name: 'Ana Lestari' }, '', { name: 'Ana Lestari', email: 'ana@bank.example' }],
    [{ email: ' Ana@Bank.example ', name: '  Ana \n\t Lestari  ' }, '', { name: 'Ana Lestari', email: 'ana@bank.example' }],
    [{ email: 'ana@bank.example' }, ' Ana\u00a0 Lestari ', { name: 'Ana Lestari', email: 'ana@bank.example' }],
    [{ email: 'ana@bank.example', name: 'ANA@bank.example' }, '', { name: '', email: 'ana@bank.example' }],
    [{ email: 'ana@bank.example', name: 'ana@other.example' }, '', { name: 'ana@other.example', email: 'ana@bank.example' }],
    [{ email: 'Ana Lestari', name: 'Ana Lestari' }, '', null],
    [{ name: 'Ana Lestari' }, '', null],
  ])('%o %j → %o', (attrs, text, expected) => {
    expect(personFrom(sender(attrs, text), 'email')).toEqual(expected);
  });

  it('shows a name with its white space collapsed and trimmed, whatever white space it has', () => {
    const parts = ['Ana', 'Lestari', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', 'é', '@', 'x.example'];
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator repeat quickly
    };
    for (let i = 0; i < 2000; i++) {
      const name = Array.from({ length: random(8) }, () => parts[random(parts.length)]).join('');
      const expected = name.replace(/\s+/g, ' ').trim();
      const read = personFrom(sender({ email: 'ana@bank.example', name }), 'email');
      expect(read?.name, JSON.stringify(name)).toBe(expected.includes('@') && toAddress(expected) === 'ana@bank.example' ? '' : expected);
    }
  });
});
