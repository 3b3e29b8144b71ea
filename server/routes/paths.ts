/** `/v1/accounts/{id}` (the endpoint table's form) in Hono's `:id` form. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
