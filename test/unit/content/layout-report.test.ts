import { describe, expect, it } from 'vitest';
import { buildLayoutReport, REPORT_LIMITS, routeShape, type LayoutReportInput } from '../../../lib/content/layout-report';
import { SKELETON_LIMITS } from '../../../lib/content/layout-skeleton';
import type { MailSite } from '../../../lib/mail/types';
import { openHtml, openPage, SOURCES } from './layout-report-check';

const NOW = new Date('2026-03-04T23:59:00Z');
const input = (site: MailSite, url: string): LayoutReportInput => ({ ...SOURCES[site], site, url, version: '1.4.2', now: NOW });

function reportOf(site: MailSite, page: string): { report: string; count: (css: string) => number } {
  const opened = openPage(site, page);
  try {
    const report = buildLayoutReport(opened.doc, input(site, opened.url));
    const counts = new Map<string, number>();
    const count = (css: string) => counts.get(css) ?? 0;
    for (const entry of Object.values(SOURCES[site].table)) {
      for (const { css } of entry.fallbacks) counts.set(css, opened.doc.querySelectorAll(css).length);
    }
    return { report, count };
  } finally {
    opened.close();
  }
}

const lines = (text: string) => text.split('\n');

describe('layout report: header and selector entries', () => {
  it('names the site, the route without ids, the version and the day', () => {
    const { report } = reportOf('gmail', 'unrecognised-layout.html');
    expect(lines(report).slice(0, 5)).toEqual([
      'Client context layout report', 'site: gmail', 'route: /mail/u/0/#inbox/<id>', 'version: 1.4.2', 'date: 2026-03-04',
    ]);
  });

  it.each([['gmail', 'inbox-default-tabs.html'], ['gmail', 'unrecognised-layout.html'], ['outlook', 'inbox-pane-right.html'], ['outlook', 'unrecognised-layout.html']] as const)(
    '%s %s: one line per table entry with what its first finding fallback finds',
    (site, page) => {
      const { report, count } = reportOf(site, page);
      for (const entry of Object.values(SOURCES[site].table)) {
        const index = entry.fallbacks.findIndex(({ css }) => count(css) > 0);
        const expected = index < 0
          ? `  ${entry.name}: 0 (fallbacks tried: ${entry.fallbacks.length})`
          : `  ${entry.name}: ${count(entry.fallbacks[index]!.css)} (fallback ${index + 1}/${entry.fallbacks.length})`;
        expect(lines(report)).toContain(expected);
      }
    },
  );

  it('says which entries the unrecognised pages miss, and counts what the known ones find', () => {
    expect(reportOf('gmail', 'unrecognised-layout.html').report).toMatch(/^ {2}threadContainer: 0 \(fallbacks tried: \d+\)$/m);
    expect(reportOf('gmail', 'inbox-default-tabs.html').report).toMatch(/^ {2}listRow: [1-9]\d* \(fallback 1\/\d+\)$/m);
    expect(reportOf('outlook', 'unrecognised-layout.html').report).toMatch(/^ {2}messageList: 0 \(fallbacks tried: \d+\)$/m);
  });
});

describe('layout report: the region', () => {
  it('describes Gmail\'s main region, and Outlook\'s reading pane and list', () => {
    expect(reportOf('gmail', 'inbox-default-tabs.html').report).toContain('\nregion: main\ndiv.nH.bGI[role="main"]\n');
    const outlook = reportOf('outlook', 'inbox-pane-right.html').report;
    expect(outlook).toMatch(/\nregion: (readingPane|messageList)\n/);
  });

  it('falls back to [role=main], then the body', () => {
    const withMain = openHtml('<body><nav></nav><section role="main"><p>x</p></section></body>');
    const bare = openHtml('<body><div class="a"></div></body>');
    try {
      // A table whose region entry finds nothing on these pages.
      const nothing = { ...input('gmail', withMain.url), table: { pane: { name: 'pane', fallbacks: [{ css: '#pane' }], fixtures: [] } }, regions: ['pane'] };
      expect(buildLayoutReport(withMain.doc, nothing)).toContain('region: [role=main], no region entry found\nsection[role="main"]\n  p');
      expect(buildLayoutReport(bare.doc, nothing)).toContain('region: body, no region entry found\nbody\n  div.a');
    } finally {
      withMain.close();
      bare.close();
    }
  });

  it('writes a run of siblings of the same shape once, with its count, and keeps different ones apart', () => {
    const row = '<tr class="zA" role="row"><td class="yX"><span email="a@b.example">A</span></td></tr>';
    const odd = '<tr class="zA zE" role="row"><td class="yX"></td></tr>';
    const page = openHtml(`<div role="main"><table><tbody>${row.repeat(50)}${odd}${row.repeat(3)}</tbody></table></div>`);
    try {
      const report = buildLayoutReport(page.doc, input('gmail', page.url));
      expect(report).toContain([
        '    tbody',
        '      tr.zA[role="row"] ×50',
        '        td.yX',
        '          span[email]',
        '      tr.zA.zE[role="row"]',
        '        td.yX',
        '      tr.zA[role="row"] ×3',
      ].join('\n'));
    } finally {
      page.close();
    }
  });

  it('leaves out scripts, styles, our own overlays and what is inside an svg', () => {
    const page = openHtml('<div role="main"><script>1</script><style>a{}</style><span data-crm-overlay="badge"></span><svg class="i"><path d="M0"></path></svg></div>');
    try {
      const report = buildLayoutReport(page.doc, input('gmail', page.url));
      expect(report.slice(report.indexOf('region:'))).toBe('region: main\ndiv[role="main"]\n  svg.i');
    } finally {
      page.close();
    }
  });
});

describe('layout report: bounds', () => {
  it(`keeps at most ${REPORT_LIMITS.lines} lines and says how many were left out`, () => {
    // Neighbours differ, so nothing folds: 1,100 × 2 lines (happy-dom is slow on larger pages).
    const many = Array.from({ length: 1100 }, (_, i) => `<div class="c${i % 2 ? 'a' : 'b'}"><i></i></div>`).join('');
    const page = openHtml(`<div role="main">${many}</div>`);
    try {
      const report = lines(buildLayoutReport(page.doc, input('gmail', page.url)));
      expect(report.length).toBeLessThanOrEqual(REPORT_LIMITS.lines);
      expect(report.at(-1)).toMatch(/^… \d+ more lines left out$/);
    } finally {
      page.close();
    }
  }, 30_000);

  it(`keeps within ${REPORT_LIMITS.bytes} bytes`, () => {
    const classes = Array.from({ length: 60 }, (_, i) => `cls_${'x'.repeat(30)}${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    const page = openHtml(`<div role="main">${Array.from({ length: 150 }, (_, i) => `<p class="${classes} n${i}"></p>`).join('')}</div>`);
    try {
      const report = buildLayoutReport(page.doc, input('gmail', page.url));
      expect(new TextEncoder().encode(report).length).toBeLessThanOrEqual(REPORT_LIMITS.bytes);
      expect(report).toMatch(/… \d+ more lines left out$/);
    } finally {
      page.close();
    }
  });

  it(`stops ${SKELETON_LIMITS.depth} levels down and says so`, () => {
    const depth = SKELETON_LIMITS.depth + 20;
    const page = openHtml(`<div role="main">${'<div class="d">'.repeat(depth)}${'</div>'.repeat(depth)}</div>`);
    try {
      const report = lines(buildLayoutReport(page.doc, input('gmail', page.url)));
      expect(report.filter((line) => line.trim() === 'div.d')).toHaveLength(SKELETON_LIMITS.depth);
      expect(report.at(-1)).toBe('… deeper or further elements left out');
    } finally {
      page.close();
    }
  });
});

describe('routeShape', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', '/mail/u/0/#inbox'],
    ['https://mail.google.com/mail/u/1/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx', '/mail/u/1/#inbox/<id>'],
    ['https://mail.google.com/mail/u/0/#search/invoice+petrovsky', '/mail/u/0/#search/<id>'],
    ['https://mail.google.com/mail/u/0/#label/Clients%2FPetrovsky/18c3e0000000000a', '/mail/u/0/#label/<id>/<id>'],
    ['https://mail.google.com/mail/u/0/#ana@bank.example', '/mail/u/0/#<id>'],
    ['https://outlook.office.com/mail/inbox/id/AAQkADAwATM3ZmYAZS1k%3D', '/mail/inbox/id/<id>'],
    ['https://outlook.live.com/mail/0/inbox/id/AAQkADAwATM3', '/mail/0/inbox/id/<id>'],
    ['https://outlook.office.com/mail/deeplink/read/AAMk?ItemID=AAMk&exvsurl=1', '/mail/deeplink/read/<id>?<query>'],
    ['https://outlook.office.com/mail/ana.lestari@bank.example/inbox', '/mail/<id>/inbox'],
    ['not a url', '<not a URL>'],
  ])('%s → %s', (url, shape) => {
    expect(routeShape(url)).toBe(shape);
  });
});
