/**
 * The claims stage: typed, check-worthiness-scored claims from a story's quotes and narrative.
 * The pipeline calls {@link buildClaims}; the finders are exported for reuse and testing.
 */
export { buildClaims, type BuildClaimsInput } from './build';
export { findQuantities } from './quantities';
export { findDates } from './dates';
export { findEntities, buildEntityContext, type EntityContext } from './entities';
export {
  scoreFeatures,
  REASON_WEIGHTS,
  REASONS,
  BASE_SCORE,
  type Reason,
  type ReasonName,
  type FeatureInput,
  type Features,
} from './checkworthy';
