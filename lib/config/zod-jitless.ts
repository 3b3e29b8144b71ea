// Extension pages and the worker forbid eval by CSP. zod probes `new Function` the first time an
// object schema parses, and Chrome reports the refused probe as an error even though zod catches
// it, so the compiled fast path is switched off before any schema is used. Import this module first.
//
// zod keeps its settings in one object on `globalThis` (`__zod_globalConfig`, shared by every
// copy of zod and reused when it loads), which is what `z.config({ jitless: true })` writes.
// Written here without importing zod, so a page whose first screen needs no zod (the sidebar)
// does not load part of it for this. test/unit/config/zod-jitless.test.ts checks zod reads it.
const shared = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(shared.__zod_globalConfig ??= {}).jitless = true;

export {};
