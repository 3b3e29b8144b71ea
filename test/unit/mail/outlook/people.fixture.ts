import type { Participant } from '../../../../lib/mail/types';
import type { NameOnlyParticipant } from '../../../../lib/mail/outlook/types';

/** The people and ids the Outlook fixture pages show (see test/fixtures/outlook/README.md). */
export const P = {
  me: { name: 'Me Sales', email: 'me@ourcompany.example' },
  rina: { name: 'Rina Wijaya', email: 'rina.wijaya@ourcompany.example' },
  tomasz: { name: 'Tomasz Nowak', email: 'tomasz.nowak@ourcompany.example' },
  dewi: { name: 'Dewi Lestari', email: 'dewi.lestari@bank-sinar.co.id' },
  budi: { name: 'Budi Santoso', email: 'budi.santoso@bank-sinar.co.id' },
  siti: { name: 'Siti Rahmawati', email: 'siti.rahmawati@bank-sinar.co.id' },
  sergei: { name: 'Сергей Петровский', email: 's.petrovsky@petrovsky-logistics.ru' },
  nurul: { name: 'Nurul Aisyah binti Ahmad', email: 'nurul.aisyah@harimau-foods.com.my' },
  lim: { name: 'Lim Wei Ming', email: 'weiming.lim@harimau-foods.com.my' },
  finance: { name: '', email: 'finance@harimau-foods.com.my' },
  andrei: { name: 'Andrei Popescu', email: 'andrei.popescu@carpathia-energie.ro' },
  ana: { name: 'Ana Ionescu', email: 'ana.ionescu@carpathia-energie.ro' },
  mihai: { name: 'Mihai Dumitru', email: 'mihai.dumitru@carpathia-energie.ro' },
} satisfies Record<string, Participant>;

export function nameOnly(name: string): NameOnlyParticipant {
  return { name, email: null, addressUncertain: true };
}

/** Conversation ids (data-convid) of the list rows. */
export const CONV = {
  dewi: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAOk3Xx1rRb5Ho8Zq9n2Yb1s=',
  sergei: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAG2pLq7TtUVEsc0yUu3xAbA=',
  nurul: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAHc8sWmF+0JCl7RxT4mZq2I=',
  andrei: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAJv1yQ0kD2hOn6eX/8uJw9c=',
  rina: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQADq4tIh1+UxDlXfZ3aQeR0o=',
  budi: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAE1zPq2dUyZKjV8cQ7HoNfE=',
  lim: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAF4kWq9cM0tNoPz6R1yVb2U=',
  ana: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAB7nYx3eQ8pCsR2mT6kLu5w=',
} as const;

/** Message ids (MSG_<id>_FROM) of the expanded messages. */
export const MSG = (n: string) => `AAMkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgBGAAAA${n}`;

export const OPTS = { ownAddresses: ['me@ourcompany.example'], companyDomains: ['ourcompany.example'] };
