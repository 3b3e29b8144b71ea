/** Import and export of a team's CRM data (docs/import-format.md). */
export { Bundle, BUNDLE_VERSION, type BundleInput } from './format';
export { BundleError, type BundleIssue, formatIssue } from './errors';
export { importBundle, importParsedInto, parseBundle, type ImportOptions } from './import-bundle';
export { importFile, importText, detectKind, type FileKind } from './import-file';
export { exportBundle } from './export-bundle';
export type { ImportSummary } from './write-bundle';
