/**
 * quotewire: quotations, reported speech, speakers and claims from English news copy.
 */
export type * from './types';
export { extract, createExtractor } from './pipeline';
export type { Extractor } from './pipeline';
export { toWebAnnotations, toSchemaOrgClaims } from './export/index';
export type * from './export/index';
