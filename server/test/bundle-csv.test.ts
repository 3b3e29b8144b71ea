import { describe, expect, it } from 'vitest';
import { contactsFromCsv, relabelCsvIssues } from '../bundle/contacts-csv';
import { CsvSyntaxError, parseCsv } from '../bundle/csv';
import { BundleError } from '../bundle/errors';

describe('parseCsv', () => {
  it.each([
    ['plain fields', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['no final newline', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF records', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['lone CR records', 'a,b\r1,2', [['a', 'b'], ['1', '2']]],
    ['empty fields', 'a,,c\n,,\n', [['a', '', 'c'], ['', '', '']]],
    ['quoted comma', '"Tan, Budi",x', [['Tan, Budi', 'x']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['only a doubled quote', '"""",x', [['"', 'x']]],
    ['newline inside quotes', '"line 1\nline 2",x\ny,z', [['line 1\nline 2', 'x'], ['y', 'z']]],
    ['CRLF inside quotes kept', '"a\r\nb",c', [['a\r\nb', 'c']]],
    ['empty quoted field', '"",x', [['', 'x']]],
    ['a record of one empty quoted field', '""\n', [['']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['byte order mark ignored', '\uFEFFname,email', [['name', 'email']]],
    ['Cyrillic and ampersands', 'Ольга Кузнецова,"R&D ""Север"""', [['Ольга Кузнецова', 'R&D "Север"']]],
    ['spaces kept', ' a , b ', [[' a ', ' b ']]],
    ['empty input', '', []],
  ])('%s', (_name, text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  it('reports the line each record starts on, counting line breaks inside quotes', () => {
    const records = parseCsv('h1,h2\n"multi\nline",x\n\nlast,y\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it.each([
    ['unclosed quote', 'a,b\n"open,x\nmore', 2, 'a quoted field is never closed'],
    ['quote inside an unquoted field', 'a,b\nab"c,d', 2, 'a quote inside an unquoted field (column 1)'],
    ['text after a closing quote', 'a,b\nx,"q"z', 2, 'text after a closing quote (column 2)'],
  ])('%s is an error naming the line', (_name, text, line, detail) => {
    let caught: unknown;
    try {
      parseCsv(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CsvSyntaxError);
    expect(caught).toMatchObject({ line, detail });
  });
});

describe('contactsFromCsv', () => {
  it('maps columns in any order, splits addresses on ";" and groups rows by account name', () => {
    const csv = 'Email,Name,Account,Phone\n'
      + '"budi@bank-sinar.co.id; b.santoso@gmail.com","Santoso, Budi",Bank Sinar,+62 21 555 0101\n'
      + 'ana@bank-sinar.co.id,Ana,bank sinar,\n';
    const { bundle, lines, accountLines } = contactsFromCsv(csv);
    expect(lines).toEqual([2, 3]);
    expect(accountLines).toEqual([2]);
    expect(bundle.accounts).toEqual([{ ref: 'Bank Sinar', name: 'Bank Sinar' }]);
    expect(bundle.contacts).toEqual([
      { account: 'Bank Sinar', name: 'Santoso, Budi', emails: ['budi@bank-sinar.co.id', 'b.santoso@gmail.com'], role: null, phone: '+62 21 555 0101' },
      { account: 'Bank Sinar', name: 'Ana', emails: ['ana@bank-sinar.co.id'], role: null, phone: null },
    ]);
  });

  it.each([
    ['empty file', '', 'the CSV file is empty'],
    ['unknown column', 'name,email,account,fax\n', 'line 1: unknown column "fax"'],
    ['missing column', 'name,role\n', 'line 1: the header has no "email" column'],
    ['repeated column', 'name,email,email,account\n', 'line 1: column "email" appears twice'],
    ['short row', 'name,email,account\nA,a@x.com\n', 'line 2: 2 fields, but the header has 3'],
  ])('%s is refused', (_name, csv, message) => {
    expect(() => contactsFromCsv(csv)).toThrow(BundleError);
    expect(() => contactsFromCsv(csv)).toThrow(message);
  });

  it('relabels contact paths with the CSV line', () => {
    const issues = relabelCsvIssues(
      [
        { path: 'contacts[1].emails[0]', message: 'not an email address' },
        { path: 'contacts[0]', message: 'x' },
        { path: 'accounts[0].name', message: 'y' },
        { path: 'users[0].email', message: 'z' },
      ],
      { lines: [2, 5], accountLines: [3] },
    );
    expect(issues.map((i) => i.path)).toEqual(['line 5, emails[0]', 'line 2', 'line 3, account', 'users[0].email']);
  });
});
