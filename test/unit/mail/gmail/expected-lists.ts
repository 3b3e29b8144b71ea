import type { ListRow, Participant, ReadResult } from '../../../../lib/mail/types';
import { GMAIL_FIXTURES as F } from '../../../../lib/mail/gmail/fixtures';

/** What readListRows must answer for each fixture, written out by hand from the pages. */
const p = (name: string, email: string): Participant => ({ name, email });
const row = (threadId: string, ...senders: Participant[]): ListRow => ({ threadId, senders });
const rows = (...value: ListRow[]): ReadResult<ListRow[]> => ({ ok: true, value });
const fails = (...failed: string[]): ReadResult<ListRow[]> => ({ ok: false, reason: 'not-recognised', failed });

const ana = p('Ana Lestari', 'ana.lestari@bank-sinar.co.id');
const budi = p('Budi Santoso', 'budi.santoso@bank-sinar.co.id');
const aziz = p('Aziz Rahman', 'aziz.rahman.harimau@gmail.com');
const andrei = p('Andrei Ionescu', 'andrei.ionescu@carpathia-energie.ro');
const elena = p('Elena Marin', 'elena.marin@carpathia-energie.ro');
const nurul = p('Nurul Aisyah', 'nurul.aisyah@harimau-foods.com.my');
const finance = p('Harimau Foods Finance', 'finance@harimau-foods.com.my');

export const EXPECTED_LISTS: Record<string, ReadResult<ListRow[]>> = {
  // "me, Sergey, Olga (3)": every sender shown, ours left out; a colleagues-only row keeps its id.
  [F.inboxTabs]: rows(
    row('18c3f1a2b4d5e6f7', ana),
    row('18c3e0000000000a', p('Sergey Petrovsky', 'sergey.petrovsky@petrovsky-logistics.ru'), p('Olga Smirnova', 'olga.smirnova@petrovsky-logistics.ru')),
    row('18c3d00000000777', aziz),
    row('18c3c00000000555'),
  ),
  // "Andrei .. Elena (4)", a draft beside a sender, a row with only data-thread-id, a draft-only row.
  [F.inboxCompact]: rows(
    row('18c4000000000101', andrei, elena),
    row('18c4000000000202', budi),
    row('thread-f:1784300000000000303', finance),
    row('18c4000000000404'),
  ),
  [F.search]: rows(
    row('18c4000000000303', finance),
    row('18c4000000000505', p('Ion Popa', 'ion.popa@carpathia-energie.ro'), elena),
    row('18c4000000000606', aziz),
  ),
  // Each conversation spans 2-3 table rows; the id comes from the second.
  [F.readingPane]: rows(row('18c4100000000001', andrei), row('18c4000000000202', budi), row('18c3d00000000777', aziz)),
  [F.conversationOff]: rows(row('18c5000000000222', nurul), row('18c5000000000220', nurul), row('18c5000000000300', andrei)),
  [F.indonesian]: rows(row('18c3f1a2b4d5e6f7', ana, budi), row('18c3f1a2b4d5f555', p('Rina Wijaya', 'rina.wijaya@bank-sinar.co.id'))),
  [F.threadSingle]: fails('listBody'),
  [F.threadFive]: fails('listBody'),
  [F.threadCc]: fails('listBody'),
  [F.russian]: fails('listBody'),
  [F.unrecognised]: fails('listBody'),
};
