import { emailDomain, normaliseEmail } from '../api';
import type { Settings } from './settings';

export type Exclusion = 'colleague' | 'never-look-up';

/**
 * Why an address must not be sent to the CRM, or null when it may. Colleagues are people at the
 * user's own company (by domain or a subdomain of it); the never-look-up list holds addresses
 * and domains the user chose to keep private.
 */
export function exclusionOf(
  address: string,
  settings: Pick<Settings, 'companyDomains' | 'neverLookUp'>,
): Exclusion | null {
  const email = normaliseEmail(address);
  const domain = emailDomain(email);
  const within = (d: string) => domain === d || domain.endsWith(`.${d}`);
  if (settings.companyDomains.some(within)) return 'colleague';
  const never = settings.neverLookUp.some((entry) => (entry.includes('@') ? entry === email : within(entry)));
  return never ? 'never-look-up' : null;
}
