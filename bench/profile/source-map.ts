const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((ch, i) => [ch, i]));

/** One mapping: generated line and column (0-based) to a source index, line and column. */
export interface Segment {
  line: number;
  column: number;
  source: number;
  sourceLine: number;
  sourceColumn: number;
}

export interface SourceMap {
  sources: string[];
  mappings: string;
}

/** Decodes a source map's base64-VLQ `mappings` (version 3) into segments with a source. */
export function decodeMappings(map: SourceMap): Segment[] {
  const out: Segment[] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  const lines = map.mappings.split(';');
  lines.forEach((text, line) => {
    let column = 0;
    for (const field of text.split(',')) {
      if (field === '') continue;
      const values = vlq(field);
      column += values[0] ?? 0;
      if (values.length < 4) continue;
      source += values[1] ?? 0;
      sourceLine += values[2] ?? 0;
      sourceColumn += values[3] ?? 0;
      out.push({ line, column, source, sourceLine, sourceColumn });
    }
  });
  return out;
}

function vlq(field: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of field) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ digit ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The segment covering a generated position (0-based), or undefined before the first one. */
export function segmentAt(segments: readonly Segment[], line: number, column: number): Segment | undefined {
  let found: Segment | undefined;
  for (const s of segments) {
    if (s.line > line || (s.line === line && s.column > column)) break;
    found = s;
  }
  return found;
}
