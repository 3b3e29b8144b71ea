/** One record of a CSV file and the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The file is not well-formed CSV; `line` is where the broken record starts. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(readonly line: number, readonly detail: string) {
    super(`line ${line}: ${detail}`);
  }
}

/**
 * Parses RFC 4180 CSV: comma-separated fields, records ending in CRLF, LF or CR, fields in
 * double quotes may hold commas, line breaks and doubled quotes (`""` → `"`). A quote inside an
 * unquoted field, or text after a closing quote, is an error rather than a guess, because a
 * guess could split one person's data across columns. Blank lines are skipped; a UTF-8 byte
 * order mark (as spreadsheet programs write) is ignored.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // True once the current record has any content, so a blank line produces no record.
  let started = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    if (started) {
      endField();
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    started = false;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      if (field !== '') throw new CsvSyntaxError(recordLine, `a quote inside an unquoted field (column ${fields.length + 1})`);
      started = true;
      const quoteLine = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(quoteLine, 'a quoted field is never closed');
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line += 1;
        field += q;
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(recordLine, `text after a closing quote (column ${fields.length + 1})`);
      }
      continue;
    }
    if (ch === ',') {
      started = true;
      endField();
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line += 1;
      recordLine = line;
      continue;
    }
    started = true;
    field += ch;
    i += 1;
  }
  endRecord();
  return records;
}
