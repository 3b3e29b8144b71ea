/**
 * The in-page half of measure-badges-chromium.ts: bundled and run inside a Gmail fixture page.
 * It times the watcher's list read and the badge pass, with every sender's answer in memory.
 */
import { contactMatch, summary } from '../../support/crm-fixtures';
import { getEnglishMessage } from '../../support/i18n-shim';

Object.assign(globalThis, { chrome: { runtime: {}, i18n: { getMessage: getEnglishMessage, getUILanguage: () => 'en' } } });

async function measure(rows: number, iterations: number) {
  const { readListRows } = await import('../../../lib/mail/gmail/read-list');
  const { listBodiesOf } = await import('../../../lib/mail/gmail/scope');
  const { rowSenderElements } = await import('../../../lib/content/gmail-anchors');
  const { marksForSenders } = await import('../../../lib/content/row-marks');
  const { placeBadges } = await import('../../../lib/content/place-badges');
  const opts = { ownAddresses: ['me@ourcompany.example'], companyDomains: ['ourcompany.example'] };
  const [body] = listBodiesOf(document);
  if (!body) throw new Error('no list body');
  const template = [...body.children];
  for (let i = template.length; i < rows; i++) body.append((template[i % template.length] as Element).cloneNode(true));
  const original = [...body.children].map((row) => row.cloneNode(true) as Element);
  const answers = new Map(rowSenderElements([body]).flatMap(({ senders }) => senders.map(({ person }) => {
    const risky = person.email.includes('lestari') || person.email.includes('petrovsky');
    const item = { ...contactMatch(person.email), account: summary({ risk: risky ? summary().risk : { level: 'ok', reasons: [] } }) };
    return [person.email, item] as const;
  })));
  const pass = () => placeBadges(document, rowSenderElements([body]).flatMap(({ senders }) =>
    marksForSenders(senders.map((s) => s.person), (e) => answers.get(e)).map((mark) => ({ mark, anchor: senders.find((s) => s.person.email === mark.email)?.el as Element }))));
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
  const read = time(() => readListRows(body, opts));
  const fresh = time(pass, () => body.replaceChildren(...original.map((row) => row.cloneNode(true))));
  pass();
  const steady = time(pass);
  return { rows: body.children.length, badges: document.querySelectorAll('[data-crm-overlay="badge"]').length, read, fresh, steady };
}

Object.assign(window, { measureBadges: measure });
