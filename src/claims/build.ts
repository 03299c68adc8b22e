/**
 * buildClaims: one Claim per check-worthy statement of a story.
 *
 * Units of text that become claims:
 *   - direct / mixed / indirect quotes: each sentence of the quote's content (of each part, for an interrupted quote),
 *     attributed to the quote's speaker (`quoteId`, `speakerId`). For reported speech that is the reported clause.
 *   - partial quotes (a few quoted words inside the reporter's sentence): the sentence that holds them, attributed to
 *     the quote's speaker — the fragment alone is rarely a checkable statement — up to the words (content, cue,
 *     source) of any other quote in that sentence, and not at all when another quote's claim already holds them.
 *   - narrative sentences in the article's own voice (`quoteId: null`, `speakerId: null`: the publication): a sentence
 *     with no quoted words is a claim; one whose characters are less than half quoted gives its longest unquoted
 *     stretch (four words or more); one at least half quoted gives nothing. The headline and section headings are
 *     included, with the `headline` reason lowering their score. A dateline at the start of a sentence is cut off.
 *   - never anything that overlaps `document.boilerplate`.
 * Quotes are taken in text order (a longer one first at the same start); a quote that nests in or repeats text an
 * earlier quote's claims already hold only claims what is left (usually nothing), so nested quotations stay linear.
 * When the attribution before a quote's content dates the statement ("The agency ruled on March 3 that …"),
 * the claim starts at the attribution so that the date stays in the claim.
 * Claim text is trimmed of white space, a leading "that", opening quote marks, and trailing commas, colons and quote
 * marks. Units with fewer than three words are dropped. Claims come out in text order, ids "c1", "c2", …
 *
 * Stance: quotes take the cue's stance class (neutral → 'reported', assertive → 'asserted', hedged → 'hedged',
 * denial → 'denied', commitment → 'committed', ruling → 'ruled', question and opinion → 'reported' with the
 * `question` / `opinion` reasons); a quote with no cue is 'reported'. The article's own sentences are 'asserted'.
 * A 'reported' or 'asserted' claim whose own words hedge ("perhaps", "reportedly", "may") becomes 'hedged'.
 */
import type { Tokens } from '../language/tokens';
import type { Claim, ClaimEntity, ClaimStance, CueStance, DocumentModel, Quote, Speaker } from '../types';
import { tokensIn } from './tokens';
import { datesInTokens, pubDate, storyAnchors, type CalendarDate, type PubDate, type StoryAnchors } from './dates';
import { quantitiesInTokens } from './quantities';
import { buildEntityContext, entitiesInTokens } from './entities';
import { scoreFeatures } from './checkworthy';
import { ClaimStory, isSpan } from './story';
import { UnitFinder, type Unit } from './units';
import { firstNotBefore } from '../language/search';

export interface BuildClaimsInput {
  /** The story, exactly as given to extract(). */
  text: string;
  document: DocumentModel;
  quotes: Quote[];
  speakers: Speaker[];
  /** The story's shared tokens (`tokenize(text)`, as the pipeline read them); read again when not given. */
  tokens?: Tokens;
  /** The calendar date of publication (`publishedAt`, parsed by src/options.ts); anchors dates without a year and relative dates. */
  published?: CalendarDate | null;
}

const STANCE: Record<CueStance, ClaimStance> = {
  neutral: 'reported',
  assertive: 'asserted',
  hedged: 'hedged',
  denial: 'denied',
  commitment: 'committed',
  ruling: 'ruled',
  question: 'reported',
  opinion: 'reported',
};

export function buildClaims(input: BuildClaimsInput): Claim[] {
  const text = input && typeof input.text === 'string' ? input.text : '';
  if (!text.length) return [];
  const doc: Partial<DocumentModel> = input.document && typeof input.document === 'object' ? input.document : {};
  const quotes = Array.isArray(input.quotes) ? input.quotes.filter((q) => q && isSpan(q.content)) : [];
  const speakers = Array.isArray(input.speakers) ? input.speakers.filter((s) => s && typeof s.id === 'string') : [];
  const story = new ClaimStory(text, doc, input.tokens);
  const units = new UnitFinder(story).find(quotes);
  // names: one pass over the whole story (sentence starts and title-case lines are judged in their real context);
  // each claim takes the names that lie inside it
  const entities = entitiesInTokens(text, story.toks, buildEntityContext(text, speakers, story.toks));
  const speakerById = new Map(speakers.map((s) => [s.id, s]));
  const pub = pubDate(input.published);
  const anchors = storyAnchors(text, story.toks, pub);
  units.sort((x, y) => x.start - y.start || x.end - y.end);
  const claims: Claim[] = [];
  for (const u of units) {
    const claim = claimOf(story, u, { entities, speakerById, pub, anchors });
    if (claim) claims.push(claim);
  }
  claims.forEach((c, i) => {
    c.id = `c${i + 1}`;
  });
  return claims;
}

/** What every claim of the story reads besides its own unit. */
interface StoryFacts {
  /** The story's entities, in text order. */
  entities: readonly ClaimEntity[];
  speakerById: ReadonlyMap<string, Speaker>;
  pub: PubDate | null;
  /** The story's dates: what "the same day", "a year earlier" refer back to. */
  anchors: StoryAnchors;
}

/** The claim of one unit (its id still blank), or null when the unit has fewer than three words. */
function claimOf(story: ClaimStory, u: Unit, facts: StoryFacts): Claim | null {
  const { text } = story;
  const toks = tokensIn(text, story.toks, u.start, u.end);
  let words = 0;
  for (const t of toks) if (t.k === 'w' || t.k === 'n') words++;
  if (words < 3) return null;
  const dated = datesInTokens(text, toks, facts.pub, facts.anchors);
  const quantities = quantitiesInTokens(text, toks, dated);
  const dates = dated.map((d) => d.date);
  const entities = entitiesIn(facts.entities, u.start, u.end);
  const q = u.quote;
  const speaker = q && q.speakerId ? (facts.speakerById.get(q.speakerId) ?? null) : null;
  const cueStance: CueStance | null = q
    ? q.cue && typeof q.cue.stance === 'string' && Object.hasOwn(STANCE, q.cue.stance)
      ? q.cue.stance
      : 'neutral'
    : null;
  const f = scoreFeatures({ toks, quantities, dates, entities, cueStance, speaker, headline: u.headline, quoted: !!q });
  let stance: ClaimStance = q ? STANCE[cueStance ?? 'neutral'] : 'asserted';
  if ((stance === 'reported' || stance === 'asserted') && f.hedged) stance = 'hedged';
  return {
    id: '',
    text: { start: u.start, end: u.end, text: text.slice(u.start, u.end) },
    quoteId: q ? (q.id ?? null) : null,
    speakerId: q ? (q.speakerId ?? null) : null,
    types: f.types,
    checkworthiness: f.checkworthiness,
    reasons: f.reasons,
    stance,
    negated: f.negated,
    entities,
    quantities,
    dates,
  };
}

/** Copies of the story's entities inside [a, b) (claims share no objects). */
function entitiesIn(all: readonly ClaimEntity[], a: number, b: number): ClaimEntity[] {
  const lo = firstNotBefore(all.length, (i) => all[i].span.start < a);
  const out: ClaimEntity[] = [];
  for (let i = lo; i < all.length && all[i].span.start < b; i++) {
    const e = all[i];
    if (e.span.end > b) continue;
    // the same keys in the same order as the story's entity
    const copy: ClaimEntity = { span: { start: e.span.start, end: e.span.end, text: e.span.text }, type: e.type };
    if (e.speakerId !== undefined) copy.speakerId = e.speakerId;
    out.push(copy);
  }
  return out;
}
