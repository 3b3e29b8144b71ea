// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addressIn, cleanText, mailtoAddress, splitShown } from '../../../../lib/mail/outlook/address';
import { personaFrom } from '../../../../lib/mail/outlook/people';

describe('address text helpers', () => {
  it.each<[string | null, string | null]>([
    ['dewi.lestari@bank-sinar.co.id', 'dewi.lestari@bank-sinar.co.id'],
    ['  Dewi.Lestari@Bank-Sinar.co.id ', 'dewi.lestari@bank-sinar.co.id'],
    ['Dewi Lestari <dewi.lestari@bank-sinar.co.id>', 'dewi.lestari@bank-sinar.co.id'],
    ['Deschide cartela pentru Ana Ionescu, ana.ionescu@carpathia-energie.ro', 'ana.ionescu@carpathia-energie.ro'],
    ['Buka kad untuk Lim Wei Ming (weiming.lim@harimau-foods.com.my)', 'weiming.lim@harimau-foods.com.my'],
    ['From: s.petrovsky@petrovsky-logistics.ru.', 's.petrovsky@petrovsky-logistics.ru'],
    ['a@x.example and b@y.example', null],
    ['a@x.example; A@X.example', 'a@x.example'],
    ['Opens card for Me Sales', null],
    ['Re: meeting @ 10', null],
    ['', null],
    [null, null],
  ])('addressIn(%j)', (text, expected) => {
    expect(addressIn(text)).toBe(expected);
  });

  it.each<[string, { name: string; email: string | null }]>([
    ['Dewi Lestari <dewi.lestari@bank-sinar.co.id>', { name: 'Dewi Lestari', email: 'dewi.lestari@bank-sinar.co.id' }],
    ['Dewi Lestari<dewi.lestari@bank-sinar.co.id>', { name: 'Dewi Lestari', email: 'dewi.lestari@bank-sinar.co.id' }],
    ['"Petrovsky, Sergei" <s.petrovsky@petrovsky-logistics.ru>', { name: 'Petrovsky, Sergei', email: 's.petrovsky@petrovsky-logistics.ru' }],
    ['finance@harimau-foods.com.my', { name: '', email: 'finance@harimau-foods.com.my' }],
    ['Mihai Dumitru', { name: 'Mihai Dumitru', email: null }],
    ['Please use billing@harimau-foods.com.my from now', { name: 'Please use billing@harimau-foods.com.my from now', email: null }],
    ['  Сергей \u200e Петровский  ', { name: 'Сергей Петровский', email: null }],
  ])('splitShown(%j)', (text, expected) => {
    expect(splitShown(text)).toEqual(expected);
  });

  it.each<[string | null, string | null]>([
    ['mailto:finance@bank-sinar.co.id', 'finance@bank-sinar.co.id'],
    ['MAILTO:Finance%40bank-sinar.co.id?subject=Invoice', 'finance@bank-sinar.co.id'],
    ['mailto:%E0%A4%A', null],
    ['https://bank-sinar.co.id/contact', null],
    [null, null],
  ])('mailtoAddress(%j)', (href, expected) => {
    expect(mailtoAddress(href)).toBe(expected);
  });

  it('cleanText collapses whitespace and direction marks', () => {
    expect(cleanText(' a \n\t b\u200f c ')).toBe('a b c');
  });
});

function el(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild!;
}

describe('personaFrom: where a person\'s address is found', () => {
  it.each<[string, string, ReturnType<typeof personaFrom>]>([
    ['the header text "Name <addr>"', '<span><span>Dewi Lestari</span><span>&lt;dewi.lestari@bank-sinar.co.id&gt;</span></span>', { name: 'Dewi Lestari', email: 'dewi.lestari@bank-sinar.co.id' }],
    ['the tooltip', '<span title="ana.ionescu@carpathia-energie.ro"><span>Ana Ionescu</span></span>', { name: 'Ana Ionescu', email: 'ana.ionescu@carpathia-energie.ro' }],
    ['a tooltip "Name <addr>"', '<span title="Andrei Popescu &lt;andrei.popescu@carpathia-energie.ro&gt;">Andrei Popescu</span>', { name: 'Andrei Popescu', email: 'andrei.popescu@carpathia-energie.ro' }],
    ['inside a translated aria-label', '<span aria-label="Deschide cartela pentru Rina Wijaya, rina.wijaya@ourcompany.example">Rina Wijaya</span>', { name: 'Rina Wijaya', email: 'rina.wijaya@ourcompany.example' }],
    ['a data-* attribute of a descendant', '<span><span data-lpc-email="lim@harimau-foods.com.my">Lim Wei Ming</span></span>', { name: 'Lim Wei Ming', email: 'lim@harimau-foods.com.my' }],
    ['a mailto link', '<span><a href="mailto:budi.santoso@bank-sinar.co.id">Budi Santoso</a></span>', { name: 'Budi Santoso', email: 'budi.santoso@bank-sinar.co.id' }],
    ['an address shown alone', '<span title="finance@harimau-foods.com.my">finance@harimau-foods.com.my</span>', { name: '', email: 'finance@harimau-foods.com.my' }],
    ['nowhere: name only, flagged', '<span aria-label="Opens card for Mihai Dumitru"><span>Mihai Dumitru</span></span>', { name: 'Mihai Dumitru', email: null, addressUncertain: true }],
    ['hidden initials are not part of the name', '<span><span aria-hidden="true">MD</span><span>Mihai Dumitru</span></span>', { name: 'Mihai Dumitru', email: null, addressUncertain: true }],
    ['an attribute holding two addresses is not one person', '<span title="a@x.example; b@y.example">Sales team</span>', { name: 'Sales team', email: null, addressUncertain: true }],
    ['neither name nor address', '<span><span aria-hidden="true">??</span></span>', null],
    // The live recipient well hides the shown name from the accessibility tree (the label has it).
    ['a shown name hidden from the accessibility tree', '<span aria-label="Dewi Lestari"><span aria-hidden="true"><span>Dewi Lestari &lt;dewi.lestari@bank-sinar.co.id&gt;</span></span></span>', { name: 'Dewi Lestari', email: 'dewi.lestari@bank-sinar.co.id' }],
    ['the live sender\'s label: only what follows its colon', '<span aria-label="От: Сергей Петровский"></span>', { name: 'Сергей Петровский', email: null, addressUncertain: true }],
  ])('%s', (_label, html, expected) => {
    expect(personaFrom(el(html))).toEqual(expected);
  });
});
