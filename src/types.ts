/**
 * quotewire's public types: everything `extract()` returns, and the options it takes.
 * All offsets are UTF-16 code units into the input string: `span.text === input.slice(span.start, span.end)`.
 * Every object here is plain data (no classes, no cycles), so `JSON.stringify(result)` round-trips.
 */

/** A stretch of the input text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Options for {@link extract} and {@link createExtractor}. */
export interface ExtractOptions {
  /** Publication date of the story (ISO `YYYY-MM-DD` or a full ISO timestamp); anchors relative dates in claims. */
  publishedAt?: string;
  /**
   * Canonical URL of the story (or another IRI that names it, such as a urn). Carried into the result as
   * {@link Extraction.url}, and from there it is the default target source of `toWebAnnotations` and the
   * default `url` of `toSchemaOrgClaims`. An empty string is no URL.
   */
  url?: string;
  /** Longest input accepted, in UTF-16 code units (default 8,000,000). Longer input throws a RangeError. */
  maxLength?: number;
}

export interface Dateline {
  span: Span;
  /** "WASHINGTON", "LONDON" — the place the story was filed from. */
  place: string | null;
  /** "AP", "Reuters" — the agency or outlet named in the dateline. */
  agency: string | null;
}

export interface Section {
  heading: Span | null;
  start: number;
  end: number;
}

export interface DocumentModel {
  headline: Span | null;
  dateline: Dateline | null;
  sections: Section[];
  paragraphs: Span[];
  sentences: Span[];
  /** Newsletter prompts, "Read more", "Advertisement", photo credits: never a source of quotes or claims. */
  boilerplate: Span[];
}

export type SpeakerKind = 'person' | 'organization' | 'group' | 'anonymous' | 'unknown';

export interface Speaker {
  id: string;
  /** The fullest name used: "Jane Doe", or for an unnamed source its fullest description. */
  name: string;
  kind: SpeakerKind;
  /** "spokesperson", "secretary of state". */
  title?: string;
  /** "the Foreign Ministry", "the State Department". */
  affiliation?: string;
  /** Other names the story uses for this speaker ("Doe", "the spokesperson"). */
  aliases: string[];
  /** Every mention in the text, pronouns included, in text order. */
  mentions: Span[];
  /** The id of the speaker this one speaks for (an office, a spokesperson, a readout). */
  speaksFor?: string;
}

export type QuoteKind = 'direct' | 'partial' | 'mixed' | 'indirect';

export type CueStance = 'neutral' | 'assertive' | 'hedged' | 'denial' | 'commitment' | 'ruling' | 'question' | 'opinion';

export interface Cue {
  span: Span;
  /** The cue's base form: "say", "according to", "stress". */
  lemma: string;
  /** The stance class of the cue, from the lexicon. */
  stance: CueStance;
}

export interface Quote {
  id: string;
  kind: QuoteKind;
  /** direct/partial: inside the quote marks; mixed/indirect: the reported clause. Covers all of `spans`. */
  content: Span;
  /** The parts, when the content is interrupted (`"…," he said, "…"`). */
  spans?: Span[];
  cue: Cue | null;
  /** The mention that names the source here ("she", "the official"). */
  source: Span | null;
  speakerId: string | null;
  /** Index into `document.paragraphs`. */
  paragraph: number;
  /** Index into `document.sentences`. */
  sentence: number;
  /** 0..1: lower for floating or guessed attributions. */
  confidence: number;
  /**
   * A follow-on quote (no cue of its own, its speaker carried over): the id of the quote it continues, so
   * `"A," X said. "B."` can be read as one statement in two quotes. Absent on every other quote.
   */
  continues?: string;
}

export type ClaimType = 'quantity' | 'temporal' | 'event' | 'comparison' | 'causal' | 'rule' | 'prediction' | 'position';
export type ClaimStance = 'asserted' | 'reported' | 'hedged' | 'denied' | 'committed' | 'ruled';
export type EntityType = 'person' | 'organization' | 'place' | 'other';
/**
 * How precise a {@link ClaimDate} is. `quarter` ("2023-Q3"), `half` ("2023-H1") and `season` ("2022-SU") are the
 * TIMEX3 (ISO-TimeML) forms; a season is SP, SU, FA (fall/autumn) or WI, of the year it starts in.
 */
export type DatePrecision = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade';

export interface ClaimEntity {
  span: Span;
  type: EntityType;
  speakerId?: string;
}

export interface Quantity {
  span: Span;
  value: number;
  /**
   * "%", "km²", "km", "USD", "people" … or null for a bare count. "ratio": a proportion written in words, the value
   * being the proportion itself — a fraction of a whole ("two-thirds" 0.667, "half of" 0.5) or a multiple
   * ("twice as many" 2, "three times the" 3, "doubled" 2).
   */
  unit: string | null;
  /** "approximate", "at-least", "at-most", "range", "up-to" where the text hedges the number. */
  qualifier?: 'approximate' | 'at-least' | 'at-most' | 'range' | 'up-to';
  /** Upper bound of a range ("between 5 and 10"). */
  high?: number;
}

export interface ClaimDate {
  span: Span;
  /**
   * "2023-04-23", "2023-W17" (ISO week), "2022-12", "2023-Q3" (quarter), "2024-H1" (half), "2022-SU" (season),
   * "1991", "1990s"; "--04-23" when the year is not known; null when not resolvable.
   */
  value: string | null;
  precision: DatePrecision;
}

export interface Claim {
  id: string;
  text: Span;
  quoteId: string | null;
  speakerId: string | null;
  types: ClaimType[];
  checkworthiness: number;
  reasons: string[];
  stance: ClaimStance;
  negated: boolean;
  entities: ClaimEntity[];
  quantities: Quantity[];
  dates: ClaimDate[];
}

export interface Extraction {
  schemaVersion: 1;
  /** The story's URL, as given in `options.url`; absent when none was given. The exports' default source. */
  url?: string;
  document: DocumentModel;
  speakers: Speaker[];
  quotes: Quote[];
  claims: Claim[];
}
