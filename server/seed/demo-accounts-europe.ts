import type { DemoAccount } from './demo-types';
import { event, keptPromises, monthlyOrders, ordersOf, promise, touches } from './stories';

/** Clients in Russia, Romania, Germany, Poland and Turkey. Comments name the signal each shows. */
export const EUROPE_ACCOUNTS: DemoAccount[] = [
  { // silence beyond the agreed rhythm
    ref: 'severtrans', name: 'ООО «СеверТрансЛогистик»', domains: ['severtrans.ru'], stage: 'repeat', owner: 'andrei', cadenceDays: 14,
    preferences: { channel: 'Phone first, then email', language: 'Русский' },
    contacts: [
      { name: 'Ольга Кузнецова', emails: ['olga.kuznetsova@severtrans.ru'], role: 'Директор по логистике', phone: '+7 812 555-01-23' },
      { name: 'Дмитрий Иванов', emails: ['d.ivanov@severtrans.ru'], role: 'Главный инженер' },
    ],
    story: [touches({ every: 10, from: 220, to: 45 })],
  },
  { // healthy
    ref: 'ural-bank', name: 'АО «Уральский Банк Развития»', domains: ['urbr.ru'], stage: 'loyal', owner: 'andrei', team: ['dewi'], cadenceDays: 14,
    specialTerms: 'Оплата по факту, 30 дней; SLA 99,9 % & выезд инженера за 2 часа',
    contacts: [
      { name: 'Алексей Смирнов', emails: ['a.smirnov@urbr.ru'], role: 'ИТ-директор' },
      { name: 'Елена Попова', emails: ['e.popova@urbr.ru'], role: 'Закупки' },
      { name: 'Павел Соколов', emails: ['p.sokolov@urbr.ru'], role: 'Сетевой инженер' },
    ],
    story: [touches({ every: 9, from: 240, to: 2 }), monthlyOrders(58_000), keptPromises()],
  },
  { // a competitor named in a recent note (in Russian)
    ref: 'volga-agro', name: 'ЗАО «Волга-Агро»', domains: ['volga-agro.ru'], stage: 'repeat', owner: 'andrei', cadenceDays: 21,
    contacts: [
      { name: 'Игорь Белов', emails: ['belov@volga-agro.ru'], role: 'Генеральный директор' },
      { name: 'Наталья Орлова', emails: ['orlova@volga-agro.ru'], role: 'Бухгалтерия' },
    ],
    story: [
      touches({ every: 10, from: 200, to: 4 }), monthlyOrders(12_000), keptPromises(),
      event(10, 'note', 'internal', 'Клиент сравнивает наше предложение с «МегаСвязь»: у них дешевле на 15 %'),
    ],
  },
  { // the owner left the company, and the client has gone quiet beyond its usual gap
    ref: 'balt-verf', name: 'ООО «Балтийские Верфи Сервис»', domains: ['baltverf-service.ru'], stage: 'repeat',
    owner: 'sergei', loggedBy: 'andrei',
    contacts: [
      { name: 'Андрей Морозов', emails: ['morozov@baltverf-service.ru'], role: 'Руководитель ИТ' },
      { name: 'Светлана Лебедева', emails: ['lebedeva@baltverf-service.ru'], role: 'Снабжение' },
    ],
    story: [touches({ every: 7, from: 200, to: 40 })],
  },
  { // healthy
    ref: 'gkb7', name: 'Городская клиническая больница № 7', domains: ['gkb7-kazan.ru'], stage: 'loyal', owner: 'andrei', cadenceDays: 30,
    contacts: [
      { name: 'Рустам Хайруллин', emails: ['hayrullin@gkb7-kazan.ru'], role: 'Заместитель главного врача' },
      { name: 'Марина Зайцева', emails: ['zaytseva@gkb7-kazan.ru'], role: 'Отдел ИТ' },
    ],
    story: [touches({ every: 14, from: 240, to: 7 }), keptPromises()],
  },
  { // an overdue commitment
    ref: 'romashka', name: 'ООО «Ромашка»', domains: ['romashka-trade.ru'], stage: 'buying', owner: 'andrei', cadenceDays: 21,
    contacts: [
      { name: 'Сергей Кузьмин', emails: ['kuzmin@romashka-trade.ru'], role: 'Директор' },
      { name: 'Анна Волкова', emails: ['volkova@romashka-trade.ru'], role: 'Офис-менеджер' },
    ],
    story: [
      touches({ every: 10, from: 150, to: 5 }), monthlyOrders(3_000),
      promise({ text: 'Send the contract annex with the new tariff', due: -10, createdDaysAgo: 30, contact: 0 }),
    ],
  },
  { // healthy, and a promoter
    ref: 'sib-energo', name: 'АО «Сибирская Энергосетевая Компания»', domains: ['sibenergoset.ru'], stage: 'promoter',
    owner: 'andrei', team: ['dewi'], cadenceDays: 14,
    contacts: [
      { name: 'Виктор Лебедев', emails: ['v.lebedev@sibenergoset.ru'], role: 'Директор по ИТ' },
      { name: 'Ирина Новикова', emails: ['i.novikova@sibenergoset.ru'], role: 'Закупки' },
      { name: 'Олег Фёдоров', emails: ['o.fedorov@sibenergoset.ru'], role: 'Эксплуатация сети' },
    ],
    story: [touches({ every: 8, from: 260, to: 1 }), monthlyOrders(75_000), keptPromises(2)],
  },
  { // healthy
    ref: 'marin-fiii', name: 'Marin & Fiii SRL', domains: ['marinfiii.ro'], stage: 'repeat', owner: 'andrei', cadenceDays: 30,
    contacts: [
      { name: 'Ion Marinescu', emails: ['ion.marinescu@marinfiii.ro'], role: 'Administrator' },
      { name: 'Elena Marinescu', emails: ['elena@marinfiii.ro'], role: 'Contabilitate' },
    ],
    story: [touches({ every: 14, from: 200, to: 6 }), monthlyOrders(2_500), keptPromises()],
  },
  { // only problems lately, and the promised corrected invoice is overdue
    ref: 'primaria', name: 'Primăria Orașului Valea Verde', domains: ['primariavaleaverde.ro'], stage: 'repeat', owner: 'dewi', cadenceDays: 30,
    contacts: [
      { name: 'Gheorghe Popa', emails: ['gheorghe.popa@primariavaleaverde.ro'], role: 'Șef Serviciu IT' },
      { name: 'Mihaela Stan', emails: ['mihaela.stan@primariavaleaverde.ro'], role: 'Direcția Economică' },
    ],
    story: [
      touches({ every: 20, from: 300, to: 100 }),
      event(75, 'billing', 'outbound', 'Reminder: invoice 2291 is unpaid', [1]),
      event(60, 'billing', 'inbound', 'Contested invoice 2291: wrong number of sites', [1]),
      event(35, 'outage', 'inbound', 'No connection at the town hall since the morning', [0]),
      event(15, 'billing', 'outbound', 'Second reminder about invoice 2291', [1]),
      promise({ text: 'Send the corrected invoice for 2291', due: -20, createdDaysAgo: 58, contact: 1 }),
    ],
  },
  { // healthy
    ref: 'banca-carpatica', name: 'Banca Carpatica Comercială SA', domains: ['bancacarpatica.ro'], stage: 'loyal',
    owner: 'andrei', team: ['dewi'], cadenceDays: 14,
    preferences: { language: 'Română', paymentTerms: 'Net 30, in lei', workingStyle: 'Wants written minutes after every call' },
    contacts: [
      { name: 'Andreea Ionescu', emails: ['andreea.ionescu@bancacarpatica.ro'], role: 'Director IT' },
      { name: 'Radu Constantin', emails: ['radu.constantin@bancacarpatica.ro'], role: 'Achiziții' },
      { name: 'Cristina Dumitru', emails: ['cristina.dumitru@bancacarpatica.ro'], role: 'Rețelistică' },
    ],
    story: [touches({ every: 9, from: 240, to: 2 }), monthlyOrders(47_000), keptPromises()],
  },
  { // shrinking orders
    ref: 'translogistic', name: 'Transilvania Logistic SRL', domains: ['translogistic.ro'], stage: 'repeat', owner: 'andrei', cadenceDays: 21,
    contacts: [
      { name: 'Vlad Munteanu', emails: ['vlad.munteanu@translogistic.ro'], role: 'Director operațional' },
      { name: 'Ioana Rusu', emails: ['ioana.rusu@translogistic.ro'], role: 'Achiziții' },
    ],
    story: [
      touches({ every: 10, from: 200, to: 3 }), keptPromises(),
      ordersOf([[160, 40_000], [130, 41_000], [100, 39_000], [80, 23_000], [50, 22_000], [20, 21_000]], 'fleet tracking SIM cards'),
    ],
  },
  { // a competitor named in a recent note
    ref: 'farmacia', name: 'Farmacia „Sănătatea” SRL', domains: ['farmaciasanatatea.ro'], stage: 'buying', owner: 'andrei', cadenceDays: 30,
    contacts: [
      { name: 'Maria Ionescu', emails: ['maria.ionescu@farmaciasanatatea.ro'], role: 'Administrator' },
      { name: 'Bogdan Ilie', emails: ['bogdan.ilie@farmaciasanatatea.ro'], role: 'IT' },
    ],
    story: [
      touches({ every: 12, from: 180, to: 6 }), monthlyOrders(1_800),
      event(30, 'note', 'internal', 'Dna. Ionescu said RoNet offered fibre & 4G backup in one package, 10% cheaper'),
    ],
  },
  { // the owner left the company; otherwise well looked after
    ref: 'codru', name: 'Fabrica de Mobilă Codru SA', domains: ['mobilacodru.ro'], stage: 'repeat', owner: 'sergei', loggedBy: 'dewi', cadenceDays: 30,
    contacts: [
      { name: 'Ștefan Codreanu', emails: ['stefan.codreanu@mobilacodru.ro'], role: 'Director general' },
      { name: 'Alina Barbu', emails: ['alina.barbu@mobilacodru.ro'], role: 'IT' },
    ],
    story: [touches({ every: 12, from: 200, to: 5 }), keptPromises()],
  },
  { // healthy
    ref: 'mueller', name: 'Müller & Söhne Maschinenbau GmbH', domains: ['mueller-soehne.de'], stage: 'loyal', owner: 'andrei', cadenceDays: 30,
    contacts: [
      { name: 'Klaus Müller', emails: ['k.mueller@mueller-soehne.de'], role: 'Geschäftsführer' },
      { name: 'Jürgen Weiß', emails: ['j.weiss@mueller-soehne.de'], role: 'IT-Leiter' },
    ],
    story: [touches({ every: 14, from: 240, to: 9 }), monthlyOrders(22_000), keptPromises()],
  },
  { // an overdue commitment, and only one person in touch
    ref: 'wcd', name: 'Warszawskie Centrum Danych Sp. z o.o.', domains: ['wcd.pl'], stage: 'buying', owner: 'andrei', cadenceDays: 21,
    contacts: [
      { name: 'Paweł Kowalski', emails: ['p.kowalski@wcd.pl'], role: 'Dyrektor techniczny' },
      { name: 'Agnieszka Nowak', emails: ['a.nowak@wcd.pl'], role: 'Zakupy' },
    ],
    story: [
      touches({ every: 10, from: 200, to: 4, people: [0] }),
      promise({ text: 'Confirm the cross-connect delivery date', due: -3, createdDaysAgo: 14, contact: 0 }),
    ],
  },
  { // healthy: a potential client met at a fair
    ref: 'anadolu', name: 'Anadolu Tekstil A.Ş.', domains: ['anadolutekstil.com.tr'], stage: 'potential', owner: 'andrei',
    contacts: [
      { name: 'Mehmet Yılmaz', emails: ['mehmet.yilmaz@anadolutekstil.com.tr'], role: 'Satın Alma Müdürü' },
      { name: 'Zeynep Kaya', emails: ['zeynep.kaya@anadolutekstil.com.tr'], role: 'BT Uzmanı' },
    ],
    story: [
      event(40, 'meeting', 'outbound', 'Met at the trade fair in Istanbul', [0]),
      event(25, 'email', 'outbound', 'Sent the proposal for the Bursa plant', [0]),
      event(20, 'call', 'inbound', 'Asked about "turnkey" installation & training', [1]),
      event(6, 'email', 'inbound', 'Asked for a reference client in the region', [1]),
    ],
  },
];
