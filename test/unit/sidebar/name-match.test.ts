import { describe, expect, it } from 'vitest';
import { matchByName, normaliseName } from '../../../lib/sidebar/name-match';

const contacts = [
  { id: 'olga', name: 'Olga Kuznetsova' },
  { id: 'ivan', name: 'Ivan Petrov' },
  { id: 'ivana', name: 'Ivana Petrova' },
  { id: 'andreea', name: 'Andreea Ștefănescu' },
  { id: 'budi1', name: 'Budi Santoso' },
  { id: 'budi2', name: 'Budi Hartono' },
  { id: 'cyr', name: 'Ольга Кузнецова' },
];

describe('normaliseName', () => {
  it.each([
    ['Olga Kuznetsova', ['olga', 'kuznetsova']],
    ['  KUZNETSOVA,  Olga ', ['olga', 'kuznetsova']],
    ['Andreea Ștefănescu', ['andreea', 'stefanescu']],
    ['Łukasz Wróbel', ['lukasz', 'wrobel']],
    ['Đặng Thị Hương', ['dang', 'thi', 'huong']],
    ['"Petrov, Ivan" (Sales)', ['ivan', 'sales', 'petrov']],
    ['', []],
  ])('%s', (raw, words) => {
    expect(normaliseName(raw)).toEqual(words);
  });
});

describe('matchByName', () => {
  it.each([
    ['the same name', 'Olga Kuznetsova', 'olga'],
    ['another case and order', 'KUZNETSOVA, OLGA', 'olga'],
    ['without accents', 'Andreea Stefanescu', 'andreea'],
    ['a shorter form of one contact', 'Kuznetsova', 'olga'],
    ['an initial', 'O. Kuznetsova', 'olga'],
    ['a longer form (middle name)', 'Olga Vladimirovna Kuznetsova', 'olga'],
    ['Cyrillic', 'Кузнецова Ольга', 'cyr'],
    ['two people share the first name', 'Budi', null],
    ['nobody of that name', 'Maria Ionescu', null],
    ['Ivan is not Ivana', 'Ivan Petrov', 'ivan'],
    ['an empty name', '   ', null],
  ])('%s: %s', (_, name, expected) => {
    expect(matchByName(name, contacts)?.id ?? null).toBe(expected);
  });

  it('matches nothing in an account without contacts', () => {
    expect(matchByName('Olga Kuznetsova', [])).toBeNull();
  });
});
