import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { splitRecipients } from '../../../../lib/mail/gmail/recipients';

const window = new Window();
afterAll(() => window.close());

const span = (email: string, name: string) => `<span class="g2" email="${email}" name="${name}">${name}</span>`;
const a = span('a@client.example', 'A');
const b = span('b@client.example', 'B');
const c = span('c@client.example', 'C');

/** Builds a recipient line the way Gmail writes it: spans for people, plain text for group names. */
function line(inner: string): Element {
  const el = window.document.createElement('span');
  el.className = 'hb';
  el.innerHTML = inner;
  return el as unknown as Element;
}

describe('splitRecipients', () => {
  it.each([
    ['to only', `to ${a}, ${b}`, ['a', 'b'], []],
    ['to and cc', `to ${a}, cc: ${b}, ${c}`, ['a'], ['b', 'c']],
    ['to, cc and bcc (bcc counted as cc)', `to ${a}, cc: ${b}, bcc: ${c}`, ['a'], ['b', 'c']],
    ['Russian labels', `кому: ${a}, копия: ${b}`, ['a'], ['b']],
    ['Indonesian labels', `kepada ${a}, ${b}, cc: ${c}`, ['a', 'b'], ['c']],
    ['Japanese labels', `宛先: ${a}、Cc: ${b}`, ['a'], ['b']],
    ['a label wrapped in its own element', `<span>to</span> ${a}, <span>cc:</span> ${b}`, ['a'], ['b']],
    ['an entry that is not an address', `to ${span('not an address', 'X')}, ${a}`, ['a'], []],
    ['nobody', 'to undisclosed recipients', [], []],
  ])('%s', (_label, html, to, cc) => {
    const result = splitRecipients(line(html));
    expect([result.to.map((p) => p.email[0]), result.cc.map((p) => p.email[0])]).toEqual([to, cc]);
  });
});
