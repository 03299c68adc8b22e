import { readFileSync } from 'node:fs';
import { extract } from '../src/index';
const text = readFileSync(process.argv[2] ?? 'fixtures/article.txt', 'utf8');
const r = extract(text);
const name = new Map(r.speakers.map((s) => [s.id, s.name]));
for (const q of r.quotes) console.log(`${q.id} ${q.kind.padEnd(8)} ${(q.cue?.lemma ?? '-').padEnd(12)} [${q.source?.text ?? '-'}] => ${name.get(q.speakerId ?? '') ?? '?'} | ${q.content.start}-${q.content.end} ${q.content.text.slice(0, 70)}`);
for (const s of r.speakers) console.log(s.id, s.kind, JSON.stringify(s.name), s.title ?? '', '|', s.affiliation ?? '', '|', s.speaksFor ?? '', s.mentions.map((m) => m.text).join('; '));
