/** Who wrote: the contact's name and role, and the account they belong to. */
export function ContactCard({ name, role, account }: { name: string; role: string | null; account: string }) {
  return (
    <section class="card contact-card" aria-label={name}>
      <p class="contact-name" data-testid="contact-name">{name}</p>
      {role && <p class="contact-role">{role}</p>}
      <p class="account-line" data-testid="account-name">{account}</p>
    </section>
  );
}
