import type { Participant, ReadResult, ThreadContext, ThreadMessage } from '../../../../lib/mail/types';
import { GMAIL_FIXTURES as F } from '../../../../lib/mail/gmail/fixtures';

/** What readThread must answer for each fixture, written out by hand from the pages. */
const p = (name: string, email: string): Participant => ({ name, email });
const me = p('me', 'me@ourcompany.example');
const ana = p('Ana Lestari', 'ana.lestari@bank-sinar.co.id');
const budi = p('Budi Santoso', 'budi.santoso@bank-sinar.co.id');
const dewi = p('Dewi Kartika', 'dewi.kartika@ourcompany.example');
const ivan = p('Ivan Volkov', 'ivan.volkov@ourcompany.example');
/** `when`: the date element's title, as the page writes it (its text is the same on these pages). */
const collapsed = (messageId: string, from: Participant, when: string): ThreadMessage => ({ messageId, from, to: [], cc: [], expanded: false, sentText: [when] });
const open = (messageId: string, from: Participant, to: Participant[], cc: Participant[], when: string): ThreadMessage => ({ messageId, from, to, cc, expanded: true, sentText: [when] });
const thread = (threadId: string, subject: string, messages: ThreadMessage[], participants: Participant[]): ReadResult<ThreadContext> =>
  ({ ok: true, value: { site: 'gmail', threadId, subject, messages, participants } });
const notList = (...failed: string[]): ReadResult<ThreadContext> => ({ ok: false, reason: 'not-recognised', failed });

const aziz = p('Aziz Rahman', 'aziz.rahman.harimau@gmail.com');
const olga = p('Olga Smirnova', 'olga.smirnova@petrovsky-logistics.ru');
const sergey = p('Sergey Petrovsky', 'sergey.petrovsky@petrovsky-logistics.ru');
const pavel = p('Pavel Orlov', 'pavel.orlov@petrovsky-logistics.ru');
const anna = p('Anna Kuznetsova', 'anna.kuznetsova@petrovsky-logistics.ru');
const andrei = p('Andrei Ionescu', 'andrei.ionescu@carpathia-energie.ro');
const elena = p('Elena Marin', 'elena.marin@carpathia-energie.ro');
const nurul = p('Nurul Aisyah', 'nurul.aisyah@harimau-foods.com.my');
const faridah = p('Faridah Hassan', 'faridah.hassan@harimau-foods.com.my');
const dmitry = p('Дмитрий Соколов', 'dmitry.sokolov@petrovsky-logistics.ru');
const svetlana = p('Светлана Ким', 'svetlana.kim@petrovsky-logistics.ru');
const ya = p('я', 'me@ourcompany.example');

export const EXPECTED_THREADS: Record<string, ReadResult<ThreadContext>> = {
  [F.threadSingle]: thread('18c3d00000000777', 'Sample order, halal certificates', [open('18c3d00000000777', aziz, [me], [], 'Thu, Nov 19, 2026, 11:40 AM')], [aziz]),
  [F.threadFive]: thread('18c3f1a2b4d5e6f7', 'Renewal of the treasury services agreement 🤝', [
    collapsed('18c3f1a2b4d5e6f7', ana, 'Nov 2, 2026'),
    collapsed('18c3f1a2b4d5e6f8', me, 'Nov 3, 2026'),
    open('18c3f1a2b4d5e6fa', ana, [me], [budi, dewi], 'Tue, Nov 10, 2026, 2:31 PM'),
    collapsed('18c3f1a2b4d5e6fb', dewi, 'Nov 12, 2026'),
    open('18c3f1a2b4d5e6f9', ana, [me, dewi], [], 'Mon, Nov 23, 2026, 9:14 AM'),
  ], [ana, budi]),
  // The details popup's reply-to address is not a participant: only the header line is read.
  [F.threadCc]: thread('18c3e0000000000a', 'Delivery schedule for December', [
    collapsed('18c3e0000000000a', olga, 'Nov 16, 2026'),
    open('18c3e0000000000c', sergey, [me, ivan], [olga, pavel, anna], 'Fri, Nov 20, 2026, 4:02 PM'),
  ], [olga, sergey, pavel, anna]),
  [F.readingPane]: thread('18c4100000000001', 'Tariff review for 2027', [
    collapsed('18c4100000000001', me, 'Nov 16, 2026'),
    open('18c4100000000002', andrei, [me], [elena, p('Radu Stan', 'radu.stan@ourcompany.example')], 'Mon, Nov 23, 2026, 10:02 AM'),
  ], [andrei, elena]),
  [F.conversationOff]: thread('18c5000000000222', 'Re: Pallet labels for the Penang warehouse', [
    open('18c5000000000222', nurul, [me], [faridah, ivan], 'Sun, Nov 22, 2026, 3:45 PM'),
  ], [nurul, faridah]),
  [F.russian]: thread('18c6000000000101', 'Договор на 2027 год: согласование', [
    collapsed('18c6000000000101', dmitry, '12 нояб. 2026 г.'),
    collapsed('18c6000000000102', ya, '13 нояб. 2026 г.'),
    open('18c6000000000103', dmitry, [ya], [svetlana, ivan], 'пн, 23 нояб. 2026 г., 10:05'),
  ], [dmitry, svetlana]),
  [F.inboxTabs]: notList('threadContainer'),
  [F.inboxCompact]: notList('threadContainer'),
  [F.search]: notList('threadContainer'),
  [F.indonesian]: notList('threadContainer'),
  [F.unrecognised]: notList('threadContainer'),
};
