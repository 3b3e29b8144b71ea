import { describe, expect, it } from 'vitest';
import { createLayoutHealthStore, healthList, recordReport, sessionLayoutArea } from '../../../lib/background/layout-health';
import { ReportLayoutData } from '../../../lib/messaging/protocol';

describe('layout health records', () => {
  it('keeps the last report per site, names unique', () => {
    let records = recordReport({}, { site: 'gmail', failed: ['threadContainer'] }, 1);
    records = recordReport(records, { site: 'outlook', failed: [] }, 2);
    records = recordReport(records, { site: 'gmail', failed: ['listBody', 'listBody'] }, 3);
    expect(records).toEqual({
      gmail: { site: 'gmail', failed: ['listBody'], at: 3 },
      outlook: { site: 'outlook', failed: [], at: 2 },
    });
  });

  it('lists failing sites first', () => {
    expect(healthList({
      gmail: { site: 'gmail', failed: [], at: 1 },
      outlook: { site: 'outlook', failed: ['readingPane'], at: 2 },
    }).map((h) => h.site)).toEqual(['outlook', 'gmail']);
  });

  it.each<[string, unknown, boolean]>([
    ['reader names', { site: 'gmail', failed: ['threadContainer', 'list-body_2'] }, true],
    ['recognised', { site: 'outlook', failed: [] }, true],
    ['another site', { site: 'yahoo', failed: [] }, false],
    ['markup in a name', { site: 'gmail', failed: ['<img src=x>'] }, false],
    ['a very long name', { site: 'gmail', failed: ['a'.repeat(61)] }, false],
    ['too many names', { site: 'gmail', failed: Array.from({ length: 21 }, (_, i) => `r${i}`) }, false],
  ])('the message accepts %s: %s', (_, data, ok) => {
    expect(ReportLayoutData.safeParse(data).success).toBe(ok);
  });

  it('keeps reports from tabs that arrive together, in session storage', async () => {
    const store = createLayoutHealthStore(sessionLayoutArea(), () => 7);
    await Promise.all([store.report({ site: 'gmail', failed: ['listBody'] }), store.report({ site: 'outlook', failed: [] })]);
    const again = createLayoutHealthStore(sessionLayoutArea());
    expect(await again.list()).toEqual([
      { site: 'gmail', failed: ['listBody'], at: 7 },
      { site: 'outlook', failed: [], at: 7 },
    ]);
  });
});
