import type { Participant, ReadResult, ThreadContext, ThreadMessage } from '../../../../lib/mail/types';
import { GMAIL_FIXTURES as F } from '../../../../lib/mail/gmail/fixtures';

/** What readThread must answer for each fixture, written out by hand from the pages. */
const p = (name: string, email: string): Participant => ({ name, email });
const me = p('me', 'me@ourcompany.example');
const ana = p('Ana Lestari', 'ana.lestari@bank-sinar.co.id');
const budi = p('Budi Santoso', 'budi.santoso@bank-sinar.co.id');
const dewi = p('Dewi Kartika', 'dewi.kartika@ourcompany.example');
const ivan = p('Ivan Volkov', 'ivan.volkov@ourcompany.example');
const collapsed = (messageId: string, from: Participant): ThreadMessage => ({ messageId, from, to: [], cc: [], expanded: false });
const open = (messageId: string, from: Participant, to: Participant[], cc: Participant[]): ThreadMessage => ({ messageId, from, to, cc, expanded: true });
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
  [F.threadSingle]: thread('18c3d00000000777', 'Sample order, halal certificates', [open('18c3d00000000777', aziz, [me], [])], [aziz]),
  [F.threadFive]: thread('18c3f1a2b4d5e6f7', 'Renewal of the treasury services agreement 🤝', [
    collapsed('18c3f1a2b4d5e6f7', ana),
    collapsed('18c3f1a2b4d5e6f8', me),
    open('18c3f1a2b4d5e6fa', ana, [me], [budi, dewi]),
    collapsed('18c3f1a2b4d5e6fb', dewi),
    open('18c3f1a2b4d5e6f9', ana, [me, dewi], []),
  ], [ana, budi]),
  // The details popup's reply-to address is not a participant: only the header line is read.
  [F.threadCc]: thread('18c3e0000000000a', 'Delivery schedule for December', [
    collapsed('18c3e0000000000a', olga),
    open('18c3e0000000000c', sergey, [me, ivan], [olga, pavel, anna]),
  ], [olga, sergey, pavel, anna]),
  [F.readingPane]: thread('18c4100000000001', 'Tariff review for 2027', [
    collapsed('18c4100000000001', me),
    open('18c4100000000002', andrei, [me], [elena, p('Radu Stan', 'radu.stan@ourcompany.example')]),
  ], [andrei, elena]),
  [F.conversationOff]: thread('18c5000000000222', 'Re: Pallet labels for the Penang warehouse', [
    open('18c5000000000222', nurul, [me], [faridah, ivan]),
  ], [nurul, faridah]),
  [F.russian]: thread('18c6000000000101', 'Договор на 2027 год: согласование', [
    collapsed('18c6000000000101', dmitry),
    collapsed('18c6000000000102', ya),
    open('18c6000000000103', dmitry, [ya], [svetlana, ivan]),
  ], [dmitry, svetlana]),
  [F.inboxTabs]: notList('threadContainer'),
  [F.inboxCompact]: notList('threadContainer'),
  [F.search]: notList('threadContainer'),
  [F.indonesian]: notList('threadContainer'),
  [F.unrecognised]: notList('threadContainer'),
};
