/**
 * Freeze what quotewire takes from compromise into data files, so reading a story never loads compromise:
 *  - src/model/generated/cue-forms.json: every cue verb's inflections and every noun cue's plural (compromise's conjugation);
 *  - src/model/generated/name-words.json: first names with their gender, country/place words and organisation words
 *    from compromise's lexicon.
 * Run `npm run lexicons` after editing src/model/cues.json; tests/lexicon.test.ts fails while the frozen
 * files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freezeNameWords, freezeCueForms } from './lexicons';

const model = (name: string) => fileURLToPath(new URL(`../src/model/generated/${name}`, import.meta.url));
writeFileSync(model('cue-forms.json'), JSON.stringify(freezeCueForms(), null, 1) + '\n');
writeFileSync(model('name-words.json'), JSON.stringify(freezeNameWords(), null, 1) + '\n');
console.log('wrote src/model/generated/cue-forms.json and src/model/generated/name-words.json');
