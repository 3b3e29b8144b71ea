// Without zod, so pages that only check a domain do not load the lookup's schemas.

/**
 * Free-mail domains never match an account by domain: many unrelated people share them.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com',
  'ymail.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.com',
  'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'zoho.com', 'yandex.ru', 'yandex.com', 'ya.ru', 'mail.ru',
  'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru', 'yahoo.co.id', 'yahoo.com.my', 'yahoo.ro', 'hotmail.co.uk',
  'outlook.co.id', 'rocketmail.com', 'qq.com', '163.com', 'tutanota.com', 'fastmail.com', 'hey.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}
