/**
 * The wire contract between the CRM server and the extension: one set of zod schemas that the
 * server validates requests with, the extension validates responses with, and the OpenAPI
 * document is generated from.
 */
export * from './common';
export * from './kinds';
export * from './entities';
export * from './risk';
export * from './lookup';
export * from './writes';
export * from './reads';
export * from './edits';
export * from './search';
export * from './attention';
export { ENDPOINTS } from './endpoints';
