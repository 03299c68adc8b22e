/**
 * quotewire: quotations, reported speech, speakers and claims from English news copy.
 */
export type {
  Span,
  ExtractOptions,
  Dateline,
  Section,
  DocumentModel,
  SpeakerKind,
  Speaker,
  QuoteKind,
  CueStance,
  Cue,
  Quote,
  ClaimType,
  ClaimStance,
  EntityType,
  DatePrecision,
  ClaimEntity,
  Quantity,
  ClaimDate,
  Claim,
  Extraction,
} from './types';
export { extract, createExtractor } from './pipeline';
export type { Extractor } from './pipeline';
export { toWebAnnotations, toSchemaOrgClaims } from './export/index';
export type {
  WebAnnotation,
  WebAnnotationOptions,
  TextQuoteSelector,
  TextPositionSelector,
  AnnotationTarget,
  TextualBody,
  TextualBodyPurpose,
  AnnotationGenerator,
  SchemaOrgClaim,
  SchemaOrgClaimsOptions,
  SchemaOrgPerson,
  SchemaOrgOrganization,
  SchemaOrgPlace,
  SchemaOrgThing,
  SchemaOrgCreativeWork,
} from './export/index';
