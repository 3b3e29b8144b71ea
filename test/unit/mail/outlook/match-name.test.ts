import { describe, expect, it } from 'vitest';
import { matchName, nameWords } from '../../../../lib/mail/outlook/match-name';

const CONTACTS = [
  { id: 'andrei', name: 'Andrei Popescu' },
  { id: 'ana', name: 'Ana Ionescu' },
  { id: 'mihai', name: 'Mihai Dumitru' },
  { id: 'nurul', name: 'Nurul Aisyah binti Ahmad' },
  { id: 'sergei', name: 'Сергей Петровский' },
  { id: 'stefan', name: 'Ștefan Țurcanu' },
  { id: 'lech', name: 'Łukasz Wałęsa' },
  { id: 'budi', name: 'Budi Santoso' },
  { id: 'budi2', name: 'Budi Hartono Santoso' },
  { id: 'lim', name: 'Lim Wei Ming' },
  { id: 'dewi', name: 'Dewi' },
  { id: 'twin1', name: 'Siti Rahma' },
  { id: 'twin2', name: 'siti  rahma' },
  { id: 'jo1', name: 'Joanna Maria Nowak' },
  { id: 'jo2', name: 'Joanna Nowak-Kowalska Nowak' },
];

describe('matchName', () => {
  it.each([
    // rule 1: the whole name
    ['Andrei Popescu', 'andrei'],
    ['ANDREI   popescu', 'andrei'],
    ['Popescu, Andrei', 'andrei'],
    ['Stefan Turcanu', 'stefan'],
    ['Ştefan Ţurcanu', 'stefan'], // cedilla forms of the Romanian letters
    ['Lukasz Walesa', 'lech'],
    ['сергей петровский', 'sergei'],
    ['Dewi', 'dewi'],
    ["'Ana Ionescu'", 'ana'],
    // A whole-name match wins over a looser first+last match with another contact.
    ['Budi Santoso', 'budi'],
    // rule 2: first and last words, either order
    ['Nurul Ahmad', 'nurul'],
    ['Ahmad Nurul', 'nurul'],
    ['Popescu Andrei', 'andrei'],
    ['Mihai Ion Dumitru', 'mihai'],
    ['Lim Ming', 'lim'],
  ])('%s → %s', (shown, id) => {
    expect(matchName(shown, CONTACTS)?.id).toBe(id);
  });

  it.each([
    ['', 'nothing shown'],
    ['   ', 'only spaces'],
    ['Andrei', 'one word that is no contact\'s whole name'],
    ['Ana Popescu', 'first of one contact, last of another'],
    ['Siti Rahma', 'two contacts with the same whole name'],
    ['Joanna Nowak', 'two contacts with the same first and last words'],
    ['Budi H. Santoso', 'first and last shared by two contacts, no whole match'],
    ['Wei Ming Lim', 'a reordering that keeps neither end'],
    ['Me Sales', 'a colleague or the user: not a contact'],
    ['Andrei Popescu-Ionescu', 'a longer surname is another surname'],
  ])('%s → no match (%s)', (shown) => {
    expect(matchName(shown, CONTACTS)).toBeNull();
  });

  it('answers null with no contacts', () => {
    expect(matchName('Andrei Popescu', [])).toBeNull();
  });
});

describe('nameWords', () => {
  it.each([
    ['Nurul Aisyah binti Ahmad', ['nurul', 'aisyah', 'binti', 'ahmad']],
    ['Dumitru, Mihai', ['mihai', 'dumitru']],
    ['Dumitru,', ['dumitru']],
    ['A, B, C', ['a', 'b', 'c']],
    ['Ötzi  Müller-Lüdenscheidt', ['otzi', 'muller', 'ludenscheidt']],
    ['Ёлкин Пётр', ['елкин', 'петр']],
    ['Straße', ['strasse']],
  ])('%s', (raw, words) => {
    expect(nameWords(raw)).toEqual(words);
  });
});
