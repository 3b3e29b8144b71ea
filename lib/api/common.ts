import { z } from 'zod';
import { normaliseEmail } from './email';

export { emailDomain, normaliseEmail } from './email';

/** Server-made record id (a UUID). */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** An instant, ISO 8601 with offset, e.g. `2026-11-23T10:00:00.000Z`. */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A calendar day, `YYYY-MM-DD` (due dates). */
export const Day = z.iso.date();
export type Day = z.infer<typeof Day>;


/** An email address, normalised (trimmed, lower-case) before it is checked. */
export const Email = z
  .string()
  .max(320)
  .transform(normaliseEmail)
  .pipe(z.email({ pattern: z.regexes.html5Email }));
export type Email = z.infer<typeof Email>;


/** A domain name such as `bank-sinar.co.id`, normalised. */
export const Domain = z
  .string()
  .max(253)
  .transform((d) => d.trim().toLowerCase().replace(/^@/, ''))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain name such as example.com'));
export type Domain = z.infer<typeof Domain>;

/** Free text a person typed; bounded so one field can't exhaust memory. */
export const Text = (max: number) => z.string().trim().max(max);

/** Every error the API returns has this body. */
export const ApiError = z.object({
  error: z.object({
    /** Stable machine code, e.g. `validation`, `not_found`, `conflict`, `unauthorized`. */
    code: z.string(),
    /** A sentence for a person. */
    message: z.string(),
    /** For validation errors: the path of the offending field, e.g. `body.contacts.0.email`. */
    field: z.string().optional(),
    /** Extra data, e.g. the current record on a 409. */
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
