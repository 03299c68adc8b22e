/**
 * The word sets and limits the attribution patterns read: what may stand between a cue and its content, what ends
 * a reported clause, what is no speaker.
 */
import { words } from '../language/words';
import labels from '../model/labels.json';
import cueData from '../model/cues.json';

/** "declined to comment": infinitives that carry no statement (first two words after "to"). */
export const NON_STATEMENTS = new Set((cueData.nonStatements as string[]).map((p) => p.split(' ').slice(1, 3).join(' ')));
export const NOT_SPEAKERS = new Set((labels.notSpeakers as string[]).map((w) => w.toLowerCase()));
export const NOT_SPEAKER_HEADS = new Set((labels.notSpeakerHeads as string[]).map((w) => w.toLowerCase()));
export const PREP_WORDS = words('cuePrepositions');
/** How far back a rule looks for a cue's subject or its sentence's main verb, in tokens. */
export const WINDOW = 200;
/** The longest content a cue reports, in tokens (a run-on "sentence" of a whole page is cut there). */
export const MAX_CONTENT = 600;
export const END_PUNCT = new Set(['.', '!', '?', ';']);
export const CLAUSE_START = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM']);
/** Prepositions of a short adjunct between a cue and its that-less content ("said on Friday he …"). */
export const ADJUNCT_PREPS = words('adjunctPreps');
export const OBJECT_PRONOUNS = words('objectPronouns');
/** Subordinators that end an object-content ("backed the plan … as she left …"). */
export const CUTTING_SCONJ = words('cuttingSubordinators');
export const TIME_WORDS = words('timeWords');
/** Between a cue and "that", only these may stand ("said in an interview with X — a local paper — that …"). */
export const SAFE_BEFORE_THAT = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PUNCT', 'CCONJ', 'ADV', 'PART', 'PRON', 'SYM']);
export const BE = words('formsOfBe');
export const MODALS = words('modals');
export const TIME_DETS = words('timeDets');
export const TIME_MODIFIERS = words('timeModifiers');
export const TIME_NOUNS = words('timeNouns');
export const DASH_SIGN = new Set(['―', '—', '–']);
