/**
 * The word sets and limits the attribution patterns read: what may stand between a cue and its content, what ends
 * a reported clause, what is no speaker.
 */
import labels from '../model/labels.json';
import cueData from '../model/cues.json';

/** "declined to comment": infinitives that carry no statement (first two words after "to"). */
export const NON_STATEMENTS = new Set((cueData.nonStatements as string[]).map((p) => p.split(' ').slice(1, 3).join(' ')));
export const NOT_SPEAKERS = new Set((labels.notSpeakers as string[]).map((w) => w.toLowerCase()));
export const NOT_SPEAKER_HEADS = new Set((labels.notSpeakerHeads as string[]).map((w) => w.toLowerCase()));
export const PREP_WORDS = new Set(['to', 'for', 'with', 'about', 'on', 'at', 'in', 'into', 'from', 'by', 'of', 'over', 'against', 'upon', 'after', 'before']);
/** How far back a rule looks for a cue's subject or its sentence's main verb, in tokens. */
export const WINDOW = 200;
/** The longest content a cue reports, in tokens (a run-on "sentence" of a whole page is cut there). */
export const MAX_CONTENT = 600;
export const END_PUNCT = new Set(['.', '!', '?', ';']);
export const CLAUSE_START = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM']);
/** Prepositions of a short adjunct between a cue and its that-less content ("said on Friday he …"). */
export const ADJUNCT_PREPS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'late', 'early', 'earlier']);
export const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'it']);
/** Subordinators that end an object-content ("pledged support … as he spoke …"). */
export const CUTTING_SCONJ = new Set(['as', 'when', 'while', 'because', 'after', 'before', 'since', 'although', 'though', 'unless', 'until', 'where', 'whereas']);
export const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'earlier', 'later', 'last', 'this', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'recently', 'again']);
/** Between a cue and "that", only these may stand ("said in phone calls with X — Y — that …"). */
export const SAFE_BEFORE_THAT = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PUNCT', 'CCONJ', 'ADV', 'PART', 'PRON', 'SYM']);
export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', 'am']);
export const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'can', 'must', 'shall', "'ll", '’ll']);
export const TIME_DETS = new Set(['the', 'that', 'this', 'a']);
export const TIME_MODIFIERS = new Set(['next', 'following', 'previous', 'same', 'other', 'last']);
export const TIME_NOUNS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'time']);
export const DASH_SIGN = new Set(['―', '—', '–']);
