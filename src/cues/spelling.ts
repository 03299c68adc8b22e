/**
 * English spelling rules for verb forms and plurals, used where compromise has no answer
 * (and at run time for a lexicon entry that was added without regenerating the frozen forms).
 */

/** Double the final consonant before -ed/-ing: "quip" -> "quipp", "rebut" -> "rebutt". */
export function doubled(v: string): string {
  // consonant-vowel-consonant ending, final consonant not w/x/y
  if (!/(?:^|[^aeiou]|qu)[aeiou][b-df-hj-np-tvz]$/.test(v)) return v;
  const vowelGroups = v.match(/[aeiouy]+/g)?.length ?? 0;
  // one syllable, or a stressed final syllable that English doubles (rebut, admit, refer, compel, occur, regret, control)
  if (vowelGroups <= 1 || /(?:but|mit|fer|pel|cur|gret|trol)$/.test(v)) return v + v[v.length - 1];
  return v;
}

export function ruleS(v: string): string {
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ies';
  if (/(?:^|[^aeiou]|qu)[aeiou]z$/.test(v)) return v + 'zes';
  if (/(?:s|sh|ch|x|z|o)$/.test(v)) return v + 'es';
  return v + 's';
}

export function rulePast(v: string): string {
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied';
  if (v.endsWith('e')) return v + 'd';
  return doubled(v) + 'ed';
}

export function ruleGerund(v: string): string {
  if (/ie$/.test(v)) return v.slice(0, -2) + 'ying';
  if (/[^aeiouy]e$/.test(v) && v !== 'be') return v.slice(0, -1) + 'ing';
  return doubled(v) + 'ing';
}
