import { describe, expect, it } from 'vitest';
import { createLayoutReporter } from '../../../lib/content/layout-reporter';

function reporter() {
  const sent: string[][] = [];
  const notices: boolean[] = [];
  const warnings: string[] = [];
  const r = createLayoutReporter({
    site: 'gmail',
    send: async (failed) => sent.push(failed),
    notice: (shown) => notices.push(shown),
    warn: (message) => warnings.push(message),
  });
  return { r, sent, notices, warnings };
}

describe('createLayoutReporter', () => {
  it('tells the background about each new set of failures and about recovery, once each', () => {
    const { r, sent } = reporter();
    r.verdict('thread', { ok: true });
    r.verdict('thread', { ok: true });
    r.verdict('thread', { ok: false, failed: ['threadContainer'] });
    r.verdict('thread', { ok: false, failed: ['threadContainer'] });
    r.verdict('list', { ok: false, failed: ['listBody'] });
    r.verdict('thread', null);
    r.verdict('list', { ok: true });
    expect(sent).toEqual([[], ['threadContainer'], ['listBody', 'threadContainer'], ['listBody'], []]);
  });

  it('shows the notice while any reader fails', () => {
    const { r, notices } = reporter();
    r.verdict('list', { ok: false, failed: ['listRow'] });
    r.verdict('thread', { ok: true });
    r.verdict('list', null);
    expect(notices).toEqual([true, true, false]);
  });

  it('warns at most once per view change, however often the page changes', () => {
    const { r, warnings } = reporter();
    for (let i = 0; i < 50; i++) r.verdict('list', { ok: false, failed: i % 2 ? ['listRow'] : ['rowSender'] });
    expect(warnings).toHaveLength(1);
    r.viewChanged();
    r.verdict('thread', { ok: false, failed: ['threadSubject'] });
    r.verdict('thread', { ok: false, failed: ['messageItem'] });
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain('threadSubject');
  });
});
