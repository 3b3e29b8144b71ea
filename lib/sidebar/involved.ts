import type { Interaction } from '../api';

/** The names of the client's people an entry involved, in its order; ids not known (yet) are left out. */
export function involvedNames(item: Pick<Interaction, 'contactIds'>, contacts: readonly { id: string; name: string }[]): string[] {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return item.contactIds.flatMap((id) => names.get(id) ?? []);
}
