/**
 * Export formats: W3C Web Annotations, schema.org Claim JSON-LD. The JSON Schema of the whole Extraction ships as
 * `quotewire/schema.json` (src/export/schema.json, copied to the package root by the build).
 */
export {
  toWebAnnotations,
  textFromSpans,
  ANNOTATION_CONTEXT,
  type WebAnnotation,
  type WebAnnotationOptions,
  type TextQuoteSelector,
  type TextPositionSelector,
  type AnnotationTarget,
  type TextualBody,
  type TextualBodyPurpose,
  type AnnotationGenerator,
} from './webAnnotations';
export {
  toSchemaOrgClaims,
  SCHEMA_ORG_CONTEXT,
  type SchemaOrgClaim,
  type SchemaOrgClaimsOptions,
  type SchemaOrgPerson,
  type SchemaOrgOrganization,
  type SchemaOrgPlace,
  type SchemaOrgThing,
  type SchemaOrgCreativeWork,
} from './schemaOrg';
export { CodePointIndex } from './codepoints';
