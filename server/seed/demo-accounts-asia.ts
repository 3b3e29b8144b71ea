import type { DemoAccount } from './demo-types';
import { event, keptPromises, monthlyOrders, orders, ordersOf, promise, touches } from './stories';

/** Clients in Indonesia, Malaysia, Vietnam and Kazakhstan. Comments name the signal each shows. */
export const ASIA_ACCOUNTS: DemoAccount[] = [
  { // healthy: agreed rhythm kept, three people in touch, steady orders
    ref: 'bank-sinar', name: 'PT Bank Sinar Nusantara Tbk', domains: ['banksinar.co.id'], stage: 'loyal',
    owner: 'dewi', team: ['nurul'], cadenceDays: 14,
    preferences: { channel: 'Email; WhatsApp for urgent matters', language: 'Bahasa Indonesia', paymentTerms: 'Net 45, invoices through the AP portal', workingStyle: 'Formal; the IT steering committee decides once a month' },
    specialTerms: '24/7 on-site support at the Jakarta HQ; price locked until the end of next year',
    contacts: [
      { name: 'Budi Santoso', emails: ['budi.santoso@banksinar.co.id'], role: 'Head of IT Infrastructure', phone: '+62 21 5550 1101' },
      { name: 'Siti Rahmawati', emails: ['siti.rahmawati@banksinar.co.id'], role: 'Procurement Manager' },
      { name: 'Agus Pratama', emails: ['agus.pratama@banksinar.co.id'], role: 'Network Lead' },
    ],
    story: [touches({ every: 9, from: 240, to: 3 }), monthlyOrders(42_000), keptPromises()],
  },
  { // only problems lately ("where is the payment?", "where is the connection?") and silence beyond the rhythm
    ref: 'dprd', name: 'Sekretariat DPRD Provinsi Nusa Timur', domains: ['dprd-nusatimur.go.id'], stage: 'loyal',
    owner: 'dewi', cadenceDays: 30,
    specialTerms: 'Non-standard contract since 2014: fixed monthly fee, outage credit per hour',
    contacts: [
      { name: 'Ir. Yohanes Manafe', emails: ['yohanes.manafe@dprd-nusatimur.go.id'], role: 'Kepala Bagian Umum' },
      { name: 'Maria Lodo', emails: ['maria.lodo@dprd-nusatimur.go.id'], role: 'IT staff' },
    ],
    story: [
      touches({ every: 20, from: 320, to: 110 }),
      event(80, 'billing', 'outbound', 'Reminder: invoice INV-2291 is 30 days overdue', [0]),
      event(62, 'outage', 'inbound', 'Connection down in the plenary hall since 09:00; session delayed', [1]),
      event(48, 'billing', 'inbound', 'Asked why the invoice shows two months', [0]),
      event(40, 'complaint', 'inbound', 'Formal letter: "the service is not what was agreed"', [0]),
    ],
  },
  { // reachable only by its domain: no contacts on file
    ref: 'kilang-sawit', name: 'PT Kilang Sawit Makmur', domains: ['kilangsawit.co.id'], stage: 'buying',
    owner: 'nurul', cadenceDays: 30, contacts: [],
    story: [touches({ every: 14, from: 180, to: 6 }), orders({ at: [15, 45, 75, 105, 135, 165], amount: 8_000, people: [] }), keptPromises()],
  },
  { // a competitor named in a recent note
    ref: 'samudra', name: 'PT Logistik Samudra Jaya', domains: ['samudrajaya.co.id'], stage: 'repeat',
    owner: 'nurul', team: ['dewi'], cadenceDays: 21,
    contacts: [
      { name: 'Agus Salim', emails: ['agus.salim@samudrajaya.co.id'], role: 'Operations Director' },
      { name: 'Dian Puspita', emails: ['dian.puspita@samudrajaya.co.id'], role: 'IT Manager' },
    ],
    story: [
      touches({ every: 10, from: 200, to: 4 }), monthlyOrders(15_000), keptPromises(),
      event(18, 'note', 'internal', 'Pak Agus mentioned Nusantara Net offered 20% lower for the same SLA & a free router swap'),
    ],
  },
  { // free-mail contact; single-threaded
    ref: 'batik', name: 'CV Batik Larasati', stage: 'buying', owner: 'dewi',
    preferences: { channel: 'WhatsApp', language: 'Bahasa Indonesia' },
    contacts: [{ name: 'Larasati Wulandari', emails: ['larasati.batik@gmail.com'], role: 'Owner', phone: '+62 812 3456 7890' }],
    story: [touches({ every: 15, from: 200, to: 5 }), orders({ at: [20, 50, 80, 110, 140, 170], amount: 900, what: 'business broadband, 24 months' })],
  },
  { // shrinking orders and cancellations, with overdue commitments: the client who "cancels bit by bit"
    ref: 'semen', name: 'PT Semen Gunung Kapur Tbk', domains: ['semengunungkapur.co.id'], stage: 'repeat',
    owner: 'andrei', team: ['dewi', 'nurul'], cadenceDays: 14,
    specialTerms: 'Non-standard: three plants on one contract; after-sales response within 4 hours at the Tuban plant',
    contacts: [
      { name: 'Hendra Wijaya', emails: ['hendra.wijaya@semengunungkapur.co.id'], role: 'Procurement Director' },
      { name: 'Rudi Hartono', emails: ['rudi.hartono@semengunungkapur.co.id'], role: 'Plant IT, Tuban' },
      { name: 'Yuliana Sari', emails: ['yuliana.sari@semengunungkapur.co.id'], role: 'Finance' },
    ],
    story: [
      touches({ every: 12, from: 240, to: 5 }),
      ordersOf([[160, 52_000], [130, 50_000], [100, 48_000], [80, 30_000], [50, 26_000], [20, 19_000]], 'site links for the three plants'),
      event(70, 'cancellation', 'inbound', 'Cancelled the backup line at the Tuban plant', [1]),
      event(35, 'cancellation', 'inbound', 'Cancelled video conferencing "until further notice"', [0]),
      promise({ text: 'Deliver the revised service model for the three plants', due: -25, createdDaysAgo: 60, contact: 0 }),
      promise({ text: 'Send the credit note for the outage in Tuban', due: -6, createdDaysAgo: 20, contact: 2 }),
    ],
  },
  { // healthy: a new prospect with little history yet
    ref: 'rs-harapan', name: 'RS Harapan Sehat', domains: ['rsharapansehat.co.id'], stage: 'prospect', owner: 'nurul',
    contacts: [
      { name: 'dr. Andi Firmansyah', emails: ['andi.firmansyah@rsharapansehat.co.id'], role: 'Direktur Umum' },
      { name: 'Rina Kusuma', emails: ['rina.kusuma@rsharapansehat.co.id'], role: 'IT Coordinator' },
    ],
    story: [
      event(10, 'meeting', 'outbound', 'Intro meeting: the hospital wants redundant links for the ICU', [0, 1], 'rs-harapan-intro'),
      event(3, 'email', 'inbound', 'Asked for the proposal in Bahasa Indonesia', [1]),
      promise({ text: 'Send a sketch of the redundant ICU links', due: 1, createdDaysAgo: 10, status: 'done', closedDaysAgo: 7, contact: 0, source: 'rs-harapan-intro' }),
      promise({ text: 'Send the proposal (in Bahasa Indonesia)', due: 4, createdDaysAgo: 3, contact: 1 }),
    ],
  },
  { // silence beyond twice the usual gap, no rhythm agreed
    ref: 'getah-perak', name: 'Kilang Getah Perak Sdn Bhd', domains: ['getahperak.com.my'], stage: 'repeat', owner: 'nurul',
    contacts: [
      { name: 'Mohd Faizal bin Ismail', emails: ['faizal@getahperak.com.my'], role: 'Plant Manager' },
      { name: 'Tan Mei Ling', emails: ['meiling.tan@getahperak.com.my'], role: 'Purchasing' },
    ],
    story: [touches({ every: 7, from: 180, to: 20 })],
  },
  { // healthy
    ref: 'rakyat-maju', name: 'Bank Rakyat Maju Berhad', domains: ['rakyatmaju.com.my', 'rakyatmaju.my'], stage: 'loyal',
    owner: 'nurul', team: ['andrei'], cadenceDays: 14,
    preferences: { language: 'English; Malay for site staff', paymentTerms: 'Net 30' },
    contacts: [
      { name: 'Ahmad Zulkifli', emails: ['ahmad.zulkifli@rakyatmaju.com.my'], role: 'CIO' },
      { name: 'Priya Nair', emails: ['priya.nair@rakyatmaju.com.my', 'priya.nair@rakyatmaju.my'], role: 'Vendor Manager' },
      { name: 'Lim Wei Jie', emails: ['weijie.lim@rakyatmaju.com.my'], role: 'Network Engineer' },
    ],
    story: [touches({ every: 8, from: 220, to: 2 }), monthlyOrders(36_000), keptPromises(1)],
  },
  { // single-threaded: only the managing director is ever in touch
    ref: 'tan-lim', name: 'Syarikat Pengangkutan Tan & Lim Sdn Bhd', domains: ['tanlim.com.my'], stage: 'buying',
    owner: 'andrei', cadenceDays: 21,
    contacts: [
      { name: 'Lim Chee Keong', emails: ['ck.lim@tanlim.com.my'], role: 'Managing Director' },
      { name: 'Tan Siew Ling', emails: ['siewling@tanlim.com.my'], role: 'Accounts' },
    ],
    story: [touches({ every: 10, from: 200, to: 4, people: [0] }), monthlyOrders(5_200), keptPromises()],
  },
  { // no owner at all
    ref: 'majlis', name: 'Majlis Perbandaran Tanjung Indah', domains: ['mpti.gov.my'], stage: 'repeat',
    owner: null, loggedBy: 'nurul', cadenceDays: 30,
    contacts: [
      { name: 'Encik Rosli bin Kassim', emails: ['rosli.kassim@mpti.gov.my'], role: 'Pegawai Teknologi Maklumat' },
      { name: 'Nor Azizah', emails: ['azizah@mpti.gov.my'], role: 'Finance' },
    ],
    story: [touches({ every: 12, from: 200, to: 6 }), keptPromises()],
  },
  { // only problems lately, and a competitor already on site
    ref: 'seri-pantai', name: 'Seri Pantai Resort & Spa', domains: ['seripantai.com.my'], stage: 'repeat', owner: 'andrei',
    contacts: [
      { name: 'Farah Hanim', emails: ['farah.hanim@seripantai.com.my'], role: 'General Manager' },
      { name: 'Daniel Wong', emails: ['daniel.wong@seripantai.com.my'], role: 'IT Executive' },
    ],
    story: [
      touches({ every: 14, from: 220, to: 100 }),
      event(70, 'outage', 'inbound', 'Wi-Fi down in the east wing for 6 hours', [1]),
      event(50, 'complaint', 'inbound', 'Guest reviews say "Wi-Fi drops every evening"', [0]),
      event(30, 'billing', 'inbound', 'Disputed the overage charge on the last invoice', [0]),
      event(12, 'complaint', 'inbound', 'The GM says Kilat Fibre has already surveyed the site', [0]),
    ],
  },
  { // healthy
    ref: 'klinik-lee', name: 'Klinik Pergigian Dr. Lee & Rakan', domains: ['kliniklee.com.my'], stage: 'buying',
    owner: 'nurul', cadenceDays: 30,
    contacts: [
      { name: 'Dr. Lee Soo Min', emails: ['drlee@kliniklee.com.my'], role: 'Principal Dentist' },
      { name: 'Aishah Rahman', emails: ['aishah@kliniklee.com.my'], role: 'Clinic Manager' },
    ],
    story: [touches({ every: 15, from: 120, to: 8 }), monthlyOrders(1_200, [1]), keptPromises(1)],
  },
  { // silence far beyond the agreed rhythm
    ref: 'hanoi-green', name: 'Hanoi Green Logistics JSC', domains: ['hanoigreen.vn'], stage: 'buying', owner: 'andrei', cadenceDays: 30,
    contacts: [
      { name: 'Nguyễn Văn An', emails: ['an.nguyen@hanoigreen.vn'], role: 'CEO' },
      { name: 'Trần Thị Mai', emails: ['mai.tran@hanoigreen.vn'], role: 'Office Manager' },
    ],
    story: [touches({ every: 20, from: 260, to: 70 })],
  },
  { // lost to a local provider; quiet since
    ref: 'almaty-grain', name: 'Almaty Grain Trading LLP', domains: ['almatygrain.kz'], stage: 'lost', owner: 'andrei',
    contacts: [
      { name: 'Айгерим Нурланова', emails: ['aigerim@almatygrain.kz'], role: 'Commercial Director' },
      { name: 'Daniyar Seitkali', emails: ['daniyar@almatygrain.kz'], role: 'IT' },
    ],
    story: [
      touches({ every: 14, from: 320, to: 110 }),
      event(115, 'cancellation', 'inbound', 'Cancelled all three lines: moving to a local provider', [0]),
      event(100, 'note', 'internal', 'Lost on price. They said they will not revisit this year.'),
    ],
  },
];
