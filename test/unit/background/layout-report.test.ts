import { describe, expect, it } from 'vitest';
import { collectLayoutReport, type ReportTabs } from '../../../lib/background/layout-report';
import { ProblemError } from '../../../lib/messaging/problem-error';

/** Tabs by id: what each one's content script answers, or no content script (rejects). */
function tabs(active: number | null, answers: Record<number, unknown>, asked: number[] = []): ReportTabs {
  return {
    active: async () => active,
    all: async () => Object.keys(answers).map(Number),
    async ask(tabId, site) {
      asked.push(tabId);
      if (!(tabId in answers)) throw new Error('Could not establish connection. Receiving end does not exist.');
      const answer = answers[tabId];
      return typeof answer === 'function' ? answer(site) : answer;
    },
  };
}

const gmailOnly = (site: string) => (site === 'gmail' ? 'site: gmail' : null);

describe('collectLayoutReport', () => {
  it('takes the active tab\'s report first, asking no other tab', async () => {
    const asked: number[] = [];
    expect(await collectLayoutReport('gmail', tabs(2, { 1: 'from 1', 2: gmailOnly }, asked))).toBe('site: gmail');
    expect(asked).toEqual([2]);
  });

  it('asks the other tabs when the active one shows another site or has no content script', async () => {
    expect(await collectLayoutReport('gmail', tabs(3, { 1: null, 2: gmailOnly, 3: (site: string) => (site === 'outlook' ? 'o' : null) }))).toBe('site: gmail');
    expect(await collectLayoutReport('gmail', tabs(9, { 4: gmailOnly }))).toBe('site: gmail');
    expect(await collectLayoutReport('gmail', tabs(null, { 4: gmailOnly }))).toBe('site: gmail');
  });

  it('answers null when no tab shows the site', async () => {
    expect(await collectLayoutReport('outlook', tabs(1, { 1: gmailOnly, 2: gmailOnly }))).toBeNull();
    expect(await collectLayoutReport('outlook', tabs(null, {}))).toBeNull();
  });

  it.each([['a number', 42], ['an empty text', ''], ['a text over 200 KB', 'x'.repeat(200_001)], ['an object', { report: 'x' }]])(
    'refuses a content script answering %s with a bad-format problem',
    async (_what, answer) => {
      const refused = await collectLayoutReport('gmail', tabs(1, { 1: answer })).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ProblemError);
      expect((refused as ProblemError).problem).toMatchObject({ kind: 'bad-format' });
    },
  );
});
