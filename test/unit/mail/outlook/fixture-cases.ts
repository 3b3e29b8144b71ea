import { OUTLOOK_FIXTURES as F, type OutlookFixture } from '../../../../lib/mail/outlook/fixtures';
import type { PaneSetting } from '../../../../lib/mail/outlook/routes';
import type { OutlookListRow, OutlookThreadContext } from '../../../../lib/mail/outlook/types';
import type { ReadResult } from '../../../../lib/mail/types';
import { CONV, MSG, P, nameOnly } from './people.fixture';

/** One fixture page: the URL it is shown at, and what each reader must make of it. */
export interface FixtureCase {
  fixture: OutlookFixture;
  url: string;
  thread: ReadResult<OutlookThreadContext>;
  list: ReadResult<OutlookListRow[]>;
  pane: PaneSetting | null;
}

const at = (path: string, host = 'outlook.office.com') => `https://${host}/mail/${path}`;
const id = (raw: string) => encodeURIComponent(raw);

/** The inbox rows most pages share; `selected` names the open conversation. */
function inboxRows(selected: string | null): OutlookListRow[] {
  const rows: [string, OutlookListRow['senders']][] = [
    [CONV.dewi, [P.dewi]],
    [CONV.sergei, [P.sergei]],
    // The subject mentions billing@…; a tooltip that is not an address is no sender.
    [CONV.nurul, [P.nurul]],
    // "Andrei Popescu; Me Sales": the user is never a client sender.
    [CONV.andrei, [P.andrei]],
    // A colleague's conversation: no outside sender, no badge.
    [CONV.rina, []],
    [CONV.budi, [P.budi, P.dewi]],
  ];
  return rows.map(([threadId, senders]) => ({ threadId, senders, selected: threadId === selected }));
}

/** One expanded message with its id and the date its header shows (SENT, by message). */
const single = (n: string, from: typeof P.dewi, to: typeof P.dewi[], cc: typeof P.dewi[] = []) => ({
  messageId: MSG(n), from, to, cc, expanded: true, sentText: [SENT[n] ?? ''],
});

/** The date each hand-built page's expanded message shows, in its UI's format. */
const SENT: Record<string, string> = {
  d1: 'Mon 23/11/2026 10:42', d2: 'Mon 23/11/2026 09:15', d3: 'Mon 23/11/2026 08:30', d4: 'Wed 18/11/2026 14:20',
  d5: 'Fri 20/11/2026 16:05', d6: 'Wed 18/11/2026 14:20', d7: 'Wed 18/11/2026 15:05', d8: 'Tue 17/11/2026 10:10',
  d9: 'vin. 20.11.2026 16:05', e1: 'Thu 19/11/2026 13:45',
};

export const FIXTURE_CASES: FixtureCase[] = [
  {
    fixture: F.paneRight,
    url: at(`inbox/id/${id(CONV.dewi)}`),
    thread: { ok: true, value: { site: 'outlook', threadId: CONV.dewi, subject: 'Re: Quarterly invoice 2026-Q4', messages: [single('d1', P.dewi, [P.me])], participants: [P.dewi], nameOnly: [] } },
    list: { ok: true, value: inboxRows(CONV.dewi) },
    pane: 'right',
  },
  {
    fixture: F.paneBottom,
    url: at(`inbox/id/${id(CONV.sergei)}`, 'outlook.office365.com'),
    thread: { ok: true, value: { site: 'outlook', threadId: CONV.sergei, subject: 'Тариф на контейнерные перевозки', messages: [single('d2', P.sergei, [P.me], [P.tomasz])], participants: [P.sergei], nameOnly: [] } },
    list: { ok: true, value: inboxRows(CONV.sergei) },
    pane: 'bottom',
  },
  {
    fixture: F.fullPage,
    url: at(`inbox/id/${id(CONV.nurul)}`),
    thread: { ok: true, value: { site: 'outlook', threadId: CONV.nurul, subject: 'Please use billing@harimau-foods.com.my from now', messages: [single('d3', P.nurul, [P.me])], participants: [P.nurul], nameOnly: [] } },
    list: { ok: false, reason: 'not-recognised', failed: ['messageList'] },
    pane: 'hidden',
  },
  {
    fixture: F.manyRecipients,
    url: at(`id/${id(CONV.budi)}`),
    thread: {
      ok: true,
      value: {
        site: 'outlook', threadId: CONV.budi, subject: 'Re: Renewal of the cash-management contract',
        messages: [single('d4', P.budi, [P.me, P.rina, P.dewi, P.sergei], [P.andrei, P.finance, P.tomasz, P.dewi])],
        participants: [P.budi, P.dewi, P.sergei, P.andrei, P.finance],
        nameOnly: [],
      },
    },
    list: { ok: true, value: inboxRows(CONV.budi) },
    pane: 'right',
  },
  {
    fixture: F.namesOnly,
    url: at(`inbox/id/${id(CONV.ana)}`),
    thread: {
      ok: true,
      value: {
        site: 'outlook', threadId: CONV.ana, subject: 'Oferta actualizată',
        // Ana's address is only in the tooltip, Rina's only inside an aria-label; Me and Mihai have none.
        messages: [{ messageId: MSG('d5'), from: P.ana, to: [nameOnly('Me Sales'), P.rina], cc: [nameOnly('Mihai Dumitru')], expanded: true, sentText: [SENT.d5 ?? ''] }],
        participants: [P.ana],
        nameOnly: [nameOnly('Me Sales'), nameOnly('Mihai Dumitru')],
      },
    },
    list: { ok: true, value: [...inboxRows(CONV.ana), { threadId: CONV.ana, senders: [P.ana], selected: true }] },
    pane: 'right',
  },
  {
    fixture: F.conversation,
    url: at(`0/inbox/id/${id(CONV.budi)}`, 'outlook.live.com'),
    thread: {
      ok: true,
      value: {
        site: 'outlook', threadId: CONV.budi, subject: 'Re: Renewal of the cash-management contract',
        // Two collapsed messages, a "see more" stub (left out), two expanded ones.
        messages: [
          // Collapsed: the hand-built page shows them without a date.
          { from: P.dewi, to: [], cc: [], expanded: false, sentText: [] },
          { from: P.me, to: [], cc: [], expanded: false, sentText: [] },
          single('d6', P.budi, [P.me], [P.dewi, P.siti]),
          single('d7', P.me, [P.budi, P.dewi], [P.rina]),
        ],
        participants: [P.dewi, P.budi, P.siti],
        nameOnly: [],
      },
    },
    list: { ok: true, value: inboxRows(CONV.budi) },
    pane: 'right',
  },
  {
    fixture: F.dark,
    url: at(`0/inbox/id/${id(CONV.lim)}`, 'outlook.live.com'),
    thread: { ok: true, value: { site: 'outlook', threadId: CONV.lim, subject: 'Jadual penghantaran 2027', messages: [single('d8', P.lim, [P.me])], participants: [P.lim], nameOnly: [] } },
    list: { ok: true, value: [{ threadId: CONV.lim, senders: [P.lim], selected: true }, ...inboxRows(null)] },
    pane: 'right',
  },
  {
    fixture: F.romanian,
    url: at('inbox/id/AQMkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgBGAAAD1a'),
    thread: {
      ok: true,
      value: {
        site: 'outlook', threadId: 'AQMkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgBGAAAD1a', subject: 'Re: Ofertă contract furnizare',
        messages: [single('d9', P.andrei, [P.me], [P.ana])],
        participants: [P.andrei, P.ana],
        nameOnly: [],
      },
    },
    list: {
      ok: true,
      value: [
        { threadId: 'AQMkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgBGAAAD1a', senders: [P.andrei], selected: true },
        { threadId: 'AQMkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgBGAAAD1b', senders: [P.mihai], selected: false },
        { threadId: 'AQMkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgBGAAAD1c', senders: [], selected: false },
      ],
    },
    pane: 'right',
  },
  {
    fixture: F.deeplink,
    url: at(`deeplink/read/${id(MSG('e1'))}?ItemID=${id(MSG('e1'))}&exvsurl=1`),
    // One item, no conversation: the id is the message's, from the URL.
    thread: { ok: true, value: { site: 'outlook', threadId: MSG('e1'), subject: 'Signed agreement', messages: [single('e1', P.siti, [P.me])], participants: [P.siti], nameOnly: [] } },
    list: { ok: false, reason: 'not-recognised', failed: ['messageList'] },
    pane: 'hidden',
  },
  {
    fixture: F.unrecognised,
    url: at('inbox/id/AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAOk3Xx1rRb5Ho8Zq9n2Yb1s%3D'),
    thread: { ok: false, reason: 'not-recognised', failed: ['readingPane'] },
    list: { ok: false, reason: 'not-recognised', failed: ['messageList'] },
    pane: null,
  },
];
