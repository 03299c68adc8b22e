/**
 * How speaker resolution weighs the candidates for a pronoun or a definite description: the highest score wins.
 * Distances are in sentences. One table, so that a change to the resolver's preferences is a change here, with its
 * reason beside it.
 *
 * Pronouns ("he said", "she added"): candidates of the right gender, number and kind seen in the last
 * `PRONOUN.window` sentences outside quotes.
 * | weight                 | value | why                                                                          |
 * |------------------------|-------|------------------------------------------------------------------------------|
 * | `perSentence`          | −0.6  | the nearer mention is the likelier antecedent                                |
 * | `lastSpeaker`          | +3    | reporting runs on: "he said" usually continues the speaker just quoted        |
 * | `speaksForLast`        | +2.5  | the last speaker cannot be "he" (an office, a spokesman's statement): whom it speaks for |
 * | `subjectHere`          | +2    | the subject of this very sentence                                            |
 * | `subjectBefore`        | +3    | a new subject introduced in the sentence before is what "he" picks up…       |
 * | `subjectBeforeIsLast`  | +0.5  | …but less when that subject is the last speaker, who already has `lastSpeaker` |
 * | `spoke`                | +0.3  | someone already quoted in the story                                          |
 *
 * Definite descriptions ("the official", "the company"): candidates whose head, class or title fit, mentioned in
 * the last `DESCRIPTION.window` sentences.
 * | weight        | value | why                                                                               |
 * |---------------|-------|-----------------------------------------------------------------------------------|
 * | `affinity`    | ×2    | a shared affiliation ("the Treasury official" and a Treasury aide) or a clash       |
 * | `perSentence` | −0.05 | nearer is likelier, weakly: descriptions reach far back                           |
 * | `lastSpeaker` | +0.5  | the speaker just quoted                                                           |
 * | `spoke`       | +0.5  | someone already quoted: "the company" is the story's company, not a rival named in passing |
 * | `floor`       | −3    | below this the description is someone new                                         |
 *
 * Affiliation affinity: 0 when either side has none; `base` + `perShared` for each shared affiliation word (at most
 * `maxShared`); `clash` when both have affiliations and none is shared.
 */
export const PRONOUN = {
  window: 12,
  perSentence: -0.6,
  lastSpeaker: 3,
  speaksForLast: 2.5,
  subjectHere: 2,
  subjectBefore: 3,
  subjectBeforeIsLast: 0.5,
  spoke: 0.3,
} as const;

export const DESCRIPTION = {
  window: 60,
  affinity: 2,
  perSentence: -0.05,
  lastSpeaker: 0.5,
  spoke: 0.5,
  floor: -3,
} as const;

export const AFFINITY = {
  base: 1,
  perShared: 0.3,
  maxShared: 3,
  clash: -1.5,
} as const;
