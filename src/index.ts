/**
 * quotewire: quotations, reported speech, speakers and claims from English news copy.
 */
export type * from './types';
export { extract, createExtractor } from './pipeline';
