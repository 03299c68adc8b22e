/**
 * The explainable reasons of check-worthiness and their hand weights (the table in checkworthy.ts's header).
 * The hand-weighted score, clamp(BASE_SCORE + Σ weight, 0, 1), is one input of the learned model (checkmodel.ts):
 * it keeps the "is this a checkable factual claim" view in the score, next to what fact-checkers chose to check.
 */
export const REASON_WEIGHTS = {
  quantity: 0.25,
  date: 0.1,
  'named-entity': 0.1,
  comparison: 0.1,
  causal: 0.1,
  legal: 0.1,
  event: 0.05,
  'attributed-official': 0.05,
  prediction: -0.05,
  hedged: -0.1,
  vague: -0.1,
  headline: -0.1,
  opinion: -0.15,
  intention: -0.15,
  short: -0.15,
  'first-person-opinion': -0.2,
  question: -0.25,
} as const;
/** A reason found by the explainable features. */
export type Reason = keyof typeof REASON_WEIGHTS;
export const BASE_SCORE = 0.3;
export const REASON_ORDER = Object.keys(REASON_WEIGHTS) as Reason[];
const REASON_WEIGHT_LIST = REASON_ORDER.map((r) => REASON_WEIGHTS[r]);

/**
 * The learned n-gram part's verdict, as a reason: the claim's words and word pairs are like those of statements
 * fact-checkers chose to check (`checked-wording`), or like those they left (`unchecked-wording`).
 */
export const WORDING_REASONS = ['checked-wording', 'unchecked-wording'] as const;
/** Every reason a claim can give. */
export type ReasonName = Reason | (typeof WORDING_REASONS)[number];
export const REASONS: readonly ReasonName[] = [...REASON_ORDER, ...WORDING_REASONS];

/** The hand-weighted score of a set of reasons (bits in REASON_ORDER): BASE_SCORE plus their weights, clamped to 0..1. */
export function handScore(why: number): number {
  let score = BASE_SCORE;
  for (let i = 0; i < REASON_ORDER.length; i++) if (why & (1 << i)) score += REASON_WEIGHT_LIST[i];
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
