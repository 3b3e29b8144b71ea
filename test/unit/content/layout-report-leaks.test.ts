import { describe, expect, it } from 'vitest';
import { buildLayoutReport, type LayoutReportInput } from '../../../lib/content/layout-report';
import type { MailSite } from '../../../lib/mail/types';
import { fixturePages, leaksIn, openHtml, openPage, secretsOf, SOURCES, tokensOf } from './layout-report-check';

/**
 * The layout report goes into public bug reports: for every fixture page of both sites (read from
 * the folders at test time), it must hold none of the page's text, addresses or attribute values
 * that could carry them. The check itself is shown to catch leaks, on the same pages.
 */
const NOW = new Date('2026-03-04T10:00:00Z');
const input = (site: MailSite, url: string): LayoutReportInput => ({ ...SOURCES[site], site, url, version: '1.4.2', now: NOW });
const cases = (['gmail', 'outlook'] as const).flatMap((site) => fixturePages(site).map((page) => [site, page] as const));

function examine(site: MailSite, page: string) {
  const opened = openPage(site, page);
  const empty = openHtml('<!DOCTYPE html><html><body></body></html>', opened.url);
  try {
    const secrets = secretsOf(opened.doc);
    return {
      doc: opened.doc,
      secrets,
      report: buildLayoutReport(opened.doc, input(site, opened.url)),
      frame: buildLayoutReport(empty.doc, input(site, opened.url)),
    };
  } finally {
    empty.close();
  }
}

describe('layout report leaks nothing of the page', () => {
  it('covers both sites\' fixture folders', () => {
    expect(fixturePages('gmail').length).toBeGreaterThan(5);
    expect(fixturePages('outlook').length).toBeGreaterThan(5);
  });

  it.each(cases)('%s %s: no text, address or sensitive value in the report', (site, page) => {
    const { report, secrets, frame } = examine(site, page);
    // The page has something to leak, and the report describes it.
    expect(secrets.words.size).toBeGreaterThan(10);
    expect(report.split('\n').length).toBeGreaterThan(10);
    expect(leaksIn(report, secrets, frame)).toEqual([]);
  });

  it.each(cases)('%s %s: the check catches a report that leaks', (site, page) => {
    const { doc, report, secrets, frame } = examine(site, page);
    const ours = new Set([...secrets.structure, ...tokensOf(frame)]);
    const word = [...secrets.words].find((w) => /\p{L}/u.test(w) && !ours.has(w));
    expect(word, 'a word to leak').toBeDefined();
    expect(leaksIn(`${report}\n${word}`, secrets, frame)).toContain(word);
    for (const address of secrets.addresses) expect(leaksIn(`${report}\n<${address}>`, secrets, frame)).toContain(address);
    expect(secrets.addresses.size).toBeGreaterThan(0);
    // A naive skeleton: the region's markup with every text taken out but the attributes' values kept.
    const region = doc.querySelector('[role="main"]') ?? doc.body;
    const naive = region.outerHTML.replace(/>[^<]*</g, '><');
    expect(leaksIn(naive, secrets, frame).length).toBeGreaterThan(0);
  });

  it('drops class names, data-testid values and roles that look like addresses, ids or words', () => {
    const page = openHtml(
      '<main role="main"><div class="ok ana@bank.example a123456 ' + 'x'.repeat(41) + '" data-testid="row-12345" role="Ana Lestari">'
      + '<span class="keep" data-testid="SenderPersona" title="Ana" email="ana@bank.example" data-hovercard-id="ana@bank.example">Ana Lestari</span>'
      + '<a href="https://bank.example/invoice/778899" aria-label="Invoice 778899" id="msg-778899" name="Dewi">x</a></div></main>',
    );
    try {
      const report = buildLayoutReport(page.doc, input('gmail', page.url));
      expect(report).toContain('div.ok[role][data-testid]');
      expect(report).toContain('span.keep[data-testid="SenderPersona"][data-hovercard-id][email][title]');
      expect(report).toContain('a[aria-label][href][id][name]');
      for (const secret of ['@', '12345', '778899', 'Ana', 'Lestari', 'Dewi', 'Invoice', 'bank', 'xxxxxxxx']) expect(report).not.toContain(secret);
    } finally {
      page.close();
    }
  });
});
