/**
 * The in-page half of measure-badges-chromium.ts: bundled and run inside a Gmail fixture page.
 * It times what the content script does for the list, with every sender's answer in memory.
 */
import { contactMatch, summary } from '../../support/crm-fixtures';
import { getEnglishMessage } from '../../support/i18n-shim';

Object.assign(globalThis, { chrome: { runtime: {}, i18n: { getMessage: getEnglishMessage, getUILanguage: () => 'en' } } });

async function measure(rows: number, iterations: number) {
  const { createListRows } = await import('../../../lib/mail/gmail/list-rows');
  const { listBodiesOf } = await import('../../../lib/mail/gmail/scope');
  const { createRowBadges } = await import('../../../lib/content/row-badges');
  const { createRiskBadge } = await import('../../../lib/content/risk-badge');
  const { riskMarkOf } = await import('../../../lib/content/badge-model');
  const opts = { ownAddresses: ['me@ourcompany.example'], companyDomains: ['ourcompany.example'] };
  const [body] = listBodiesOf(document);
  if (!body) throw new Error('no list body');
  const template = [...body.children];
  for (let i = template.length; i < rows; i++) body.append((template[i % template.length] as Element).cloneNode(true));
  const original = [...body.children].map((row) => row.cloneNode(true) as Element);
  const list = createListRows();
  list.reset([body]);
  const answers = new Map(list.rows().flatMap(({ senders }) => senders.map(({ person }) => {
    const risky = person.email.includes('lestari') || person.email.includes('petrovsky');
    const item = { ...contactMatch(person.email), account: summary({ risk: risky ? summary().risk : { level: 'ok', reasons: [] } }) };
    return [person.email, item] as const;
  })));
  const badges = createRowBadges((e) => answers.get(e));
  const time = (fn: () => unknown, prepare?: () => void) => {
    let total = 0;
    for (let i = 0; i < iterations; i++) {
      prepare?.();
      const start = performance.now();
      fn();
      total += performance.now() - start;
    }
    return Math.round((total / iterations) * 1000);
  };
  const replaceAll = () => body.replaceChildren(...original.map((row) => row.cloneNode(true)));
  const cloneAll = () => body.replaceChildren(...[...body.children].map((row) => row.cloneNode(true)));
  const read = time(() => { list.reset([body]); list.result(opts); });
  const fresh = time(() => badges.place(list.update([], [body]).read, true), replaceAll);
  const cloned = time(() => badges.place(list.update([], [body]).read, true), cloneAll);
  const steady = time(() => badges.place(list.rows(), false));
  const mark = [...answers.values()].map(riskMarkOf).find((m) => m !== null);
  const create = mark ? time(() => { for (let i = 0; i < 100; i++) createRiskBadge(document, mark); }) : 0;
  return { rows: body.children.length, badges: document.querySelectorAll('[data-crm-overlay="badge"]').length, read, fresh, cloned, steady, create };
}

Object.assign(window, { measureBadges: measure });
