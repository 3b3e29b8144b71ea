import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../lib/messaging/problem';
import { ProblemError, toProblem } from '../../../lib/messaging/problem-error';
import { problemText } from '../../../lib/ui/problem-text';

describe('problemText', () => {
  it.each<[Problem, string, boolean]>([
    [{ kind: 'not-configured' }, 'The CRM is not set up yet.', true],
    [{ kind: 'unreachable', url: 'http://127.0.0.1:9', detail: 'Failed to fetch' }, "Can't reach the CRM at http://127.0.0.1:9.", true],
    [{ kind: 'unauthorized', url: 'https://crm.test' }, 'The CRM refused your API token.', true],
    [{ kind: 'no-permission', origin: 'https://crm.test' }, 'The browser does not let the extension reach https://crm.test.', true],
    [{ kind: 'bad-format', path: 'results.0.account.stage', detail: 'x' }, 'The CRM answered in an unexpected format: results.0.account.stage', true],
    [{ kind: 'rejected', status: 400, message: 'too long', field: 'body.summary' }, 'The CRM refused the data: too long (body.summary)', false],
    [{ kind: 'conflict', message: 'changed', details: null }, 'Someone else changed this record in the meantime: changed', false],
    // The CRM's English sentence stays out when the conflict is known: a version, a taken domain or address.
    [{ kind: 'conflict', message: 'stale version', details: { version: 3 } }, 'Someone else changed this record in the meantime.', false],
    [{ kind: 'conflict', message: 'x.test already belongs to another account', details: undefined, field: 'body.domains.1' }, 'One of these domains already belongs to another client in the CRM.', false],
    [{ kind: 'conflict', message: 'one of these domains already belongs to an account', details: undefined, field: 'body.newAccount.domains' }, 'One of these domains already belongs to another client in the CRM.', false],
    [{ kind: 'conflict', message: 'a@x.test already belongs to another contact', details: undefined, field: 'body.emails.0' }, 'One of these addresses already belongs to another person in the CRM.', false],
    [{ kind: 'conflict', message: 'a record with this id already exists', details: undefined, field: 'body.id' }, 'Someone else changed this record in the meantime: a record with this id already exists', false],
    [{ kind: 'server', status: 503, message: 'restarting' }, 'The CRM reported an error (503): restarting', false],
    [{ kind: 'rate-limited', message: 'slow down' }, 'The CRM has had too many requests from you for now and asked the extension to slow down.', false],
    [{ kind: 'insecure-url', url: 'http://crm.lan' }, 'The CRM address http://crm.lan uses plain http to another computer: your token would cross the network unencrypted, so nothing is sent to it.', true],
    [{ kind: 'internal', message: 'boom' }, 'Something went wrong inside the extension: boom', false],
  ])('words %j', (problem, title, needsSettings) => {
    const text = problemText(problem);
    expect(text.title).toBe(title);
    expect(text.needsSettings).toBe(needsSettings);
  });

  it('names the taken domain or address when the refused body holds it at the field the CRM named', () => {
    const body = { domains: ['a.test', 'b.test'], newAccount: { domains: ['c.test'] }, emails: ['x@a.test'] };
    const conflict = (field: string) => ({ kind: 'conflict' as const, message: 'taken', details: undefined, field });
    expect(problemText(conflict('body.domains.1'), body).title).toBe('b.test already belongs to another client in the CRM.');
    expect(problemText(conflict('body.newAccount.domains.0'), body).title).toBe('c.test already belongs to another client in the CRM.');
    expect(problemText(conflict('body.emails.0'), body).title).toBe('x@a.test already belongs to another person in the CRM.');
    // No single value there (a list, a missing index, another root, nothing sent): the general words.
    expect(problemText(conflict('body.newAccount.domains'), body).title).toBe('One of these domains already belongs to another client in the CRM.');
    expect(problemText(conflict('body.domains.5'), body).title).toBe('One of these domains already belongs to another client in the CRM.');
    expect(problemText(conflict('query.domains.0'), body).title).toBe('One of these domains already belongs to another client in the CRM.');
    expect(problemText(conflict('body.emails.0')).title).toBe('One of these addresses already belongs to another person in the CRM.');
    expect(problemText(conflict('body.domains.0'), { domains: [{ toString: 'x' }] }).title).toBe('One of these domains already belongs to another client in the CRM.');
  });

  it('puts the technical detail of an unreachable CRM in the detail line', () => {
    expect(problemText({ kind: 'unreachable', url: 'u', detail: 'no answer within 15 s' }).detail).toContain('no answer within 15 s');
  });

  it('says when the CRM asked to be asked again, in the user\'s clock time, and that nothing is lost', () => {
    const at = new Date(2026, 10, 23, 14, 5).getTime();
    // "2:05 PM", with whichever space the runtime's ICU puts before PM.
    const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(at);
    expect(time).toMatch(/^2:05\sPM$/u);
    expect(problemText({ kind: 'rate-limited', message: 'x', retryAt: at }).detail).toBe(
      `Nothing is lost: notes and changes waiting to be sent go out again after ${time}, when the CRM said to come back.`,
    );
    expect(problemText({ kind: 'rate-limited', message: 'x' }).detail).toBe('Nothing is lost: notes and changes waiting to be sent go out again shortly.');
    expect(problemText({ kind: 'server', status: 503, message: 'x', retryAt: at }).detail).toContain(`after ${time},`);
    expect(problemText({ kind: 'server', status: 500, message: 'x' }).detail).toBeNull();
  });

  it('says how to fix a plain-http address to another computer', () => {
    expect(problemText({ kind: 'insecure-url', url: 'http://crm.lan' }).detail).toBe(
      'Change the address to https:// in the settings. Plain http is allowed only for a CRM on this computer (localhost, 127.0.0.1 or [::1]).',
    );
  });

  it.each<[unknown, Problem]>([
    [new ProblemError({ kind: 'not-configured' }), { kind: 'not-configured' }],
    [new Error('boom'), { kind: 'internal', message: 'boom' }],
    ['text', { kind: 'internal', message: 'text' }],
  ])('toProblem(%s)', (error, expected) => {
    expect(toProblem(error)).toEqual(expected);
  });
});
