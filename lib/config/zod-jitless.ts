import { z } from 'zod';

// Extension pages and the worker forbid eval by CSP. zod probes `new Function` when a schema is
// built, and Chrome reports the refused probe as an error even though zod catches it, so the
// compiled fast path is switched off before any schema exists. Import this module first.
z.config({ jitless: true });
