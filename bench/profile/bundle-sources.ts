import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decodeMappings, type SourceMap } from './source-map';
import { ANALYSIS_OUT } from './wxt.analysis.config';

/** Where a source file comes from: an npm package, or the project's own folder. */
export function origin(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (pkg) return pkg;
  const own = /(?:^|\/)(lib|components|entrypoints)\/(.+)$/.exec(source);
  return own ? `${own[1]}/${own[2]}` : source;
}

/**
 * How many bytes of a built file each source holds, from its source map (each mapping covers
 * the generated text up to the next one). Run on the analysis build:
 * `npx tsx bench/profile/bundle-sources.ts content-scripts/gmail.js`.
 */
export function bytesBySource(file: string): Map<string, number> {
  const code = readFileSync(file, 'utf8').split('\n');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMap;
  const segments = decodeMappings(map);
  const out = new Map<string, number>();
  segments.forEach((s, i) => {
    const next = segments[i + 1];
    const end = next && next.line === s.line ? next.column : (code[s.line]?.length ?? s.column);
    const key = origin(map.sources[s.source] ?? '?');
    out.set(key, (out.get(key) ?? 0) + Math.max(0, end - s.column));
  });
  return out;
}

/** Gzip bytes (level 9) of the file with the text of the sources `drop` picks removed. */
export function gzipWithout(file: string, drop: (origin: string) => boolean): number {
  const code = readFileSync(file, 'utf8').split('\n');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMap;
  const segments = decodeMappings(map);
  const keep = code.map((text) => [...text].map(() => true));
  segments.forEach((s, i) => {
    if (!drop(origin(map.sources[s.source] ?? '?'))) return;
    const next = segments[i + 1];
    const end = next && next.line === s.line ? next.column : (code[s.line]?.length ?? s.column);
    for (let c = s.column; c < end; c++) if (keep[s.line]) (keep[s.line] as boolean[])[c] = false;
  });
  const text = code.map((line, l) => [...line].filter((_, c) => keep[l]?.[c] !== false).join('')).join('\n');
  return gzipSync(text, { level: 9 }).length;
}

if (process.argv[1]?.endsWith('bundle-sources.ts')) {
  const target = `${ANALYSIS_OUT}/chrome-mv3/${process.argv[2] ?? 'content-scripts/gmail.js'}`;
  const sizes = [...bytesBySource(target)].sort((a, b) => b[1] - a[1]);
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  const byPackage = new Map<string, number>();
  for (const [name, n] of sizes) {
    const group = name.includes('/') && !name.startsWith('@') ? name.split('/')[0] ?? name : name;
    byPackage.set(group, (byPackage.get(group) ?? 0) + n);
  }
  console.log(`${target}: ${total} mapped bytes`);
  for (const [name, n] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(`${(n / 1024).toFixed(1).padStart(7)} KB ${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`);
  const whole = gzipSync(readFileSync(target), { level: 9 }).length;
  for (const name of ['zod', '@wxt-dev/storage', 'lib/api', 'lib/mail', 'lib/content']) {
    console.log(`gzip without ${name}: ${whole - gzipWithout(target, (o) => o.startsWith(name))} of ${whole} bytes are its share`);
  }
  console.log('largest project files:');
  for (const [name, n] of sizes.filter(([name]) => /^(lib|components|entrypoints)\//.test(name)).slice(0, 15)) console.log(`${(n / 1024).toFixed(1).padStart(7)} KB  ${name}`);
}
