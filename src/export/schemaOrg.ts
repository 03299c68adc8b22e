/**
 * schema.org `Claim` JSON-LD (https://schema.org/Claim), ready to wrap in a ClaimReview's `itemReviewed`.
 *
 * One object per claim that has a speaker. `author` is the speaker: a Person for person / anonymous / unknown
 * speakers, an Organization for organization / group speakers; a person's title becomes `jobTitle`, and the
 * organisation they speak for (`speaksFor` when it names an organisation, else `affiliation`) becomes `affiliation`.
 * `appearance` is the story (a CreativeWork with its `url` — `opts.url`, else the `url` the result was extracted
 * with — and `datePublished` when known); the claim's own `datePublished` is the story's. `mentions` lists the
 * people, organisations and places the claim names.
 *
 * The article's own claims (quoteId and speakerId null) have no speaker: they are left out unless
 * `opts.publisher` names the publication, in which case they are included with that Organization as author.
 * Claims with a quote but no resolved speaker are left out (there is no one to name as author).
 */
import type { Claim, EntityType, Extraction, Speaker } from '../types';

export const SCHEMA_ORG_CONTEXT = 'https://schema.org' as const;

export interface SchemaOrgOrganization {
  '@type': 'Organization';
  name: string;
}

export interface SchemaOrgPerson {
  '@type': 'Person';
  name: string;
  jobTitle?: string;
  affiliation?: SchemaOrgOrganization;
}

export interface SchemaOrgPlace {
  '@type': 'Place';
  name: string;
}

export interface SchemaOrgThing {
  '@type': 'Thing';
  name: string;
}

export interface SchemaOrgCreativeWork {
  '@type': 'CreativeWork';
  url: string;
  datePublished?: string;
}

export interface SchemaOrgClaim {
  '@context': typeof SCHEMA_ORG_CONTEXT;
  '@type': 'Claim';
  /** The claim id in the extraction ("c12"). */
  identifier: string;
  text: string;
  author: SchemaOrgPerson | SchemaOrgOrganization;
  appearance: SchemaOrgCreativeWork;
  datePublished?: string;
  mentions?: (SchemaOrgPerson | SchemaOrgOrganization | SchemaOrgPlace | SchemaOrgThing)[];
}

export interface SchemaOrgClaimsOptions {
  /** URL of the story (`appearance.url`). Default: the result's `url` (`options.url` given to extract()); one of the two is required. */
  url?: string;
  /** Publication date of the story (ISO 8601). */
  datePublished?: string;
  /** Name of the publication: include the article's own claims with it as author. */
  publisher?: string;
  /** Leave out claims scoring below this check-worthiness (default 0: keep all). */
  minCheckworthiness?: number;
}

function author(sp: Speaker, byId: Map<string, Speaker>): SchemaOrgPerson | SchemaOrgOrganization {
  const name = sp.name;
  if (sp.kind === 'organization' || sp.kind === 'group') return { '@type': 'Organization', name };
  const p: SchemaOrgPerson = { '@type': 'Person', name };
  if (sp.title) p.jobTitle = sp.title;
  const principal = sp.speaksFor ? byId.get(sp.speaksFor) : undefined;
  if (principal && (principal.kind === 'organization' || principal.kind === 'group'))
    p.affiliation = { '@type': 'Organization', name: principal.name };
  else if (sp.affiliation) p.affiliation = { '@type': 'Organization', name: sp.affiliation };
  return p;
}

const ENTITY_TYPE: Record<EntityType, 'Person' | 'Organization' | 'Place' | 'Thing'> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  other: 'Thing',
};

function mentions(c: Claim): SchemaOrgClaim['mentions'] {
  const seen = new Set<string>();
  const out: NonNullable<SchemaOrgClaim['mentions']> = [];
  for (const e of Array.isArray(c.entities) ? c.entities : []) {
    if (!e || !e.span || typeof e.span.text !== 'string') continue;
    const t = Object.hasOwn(ENTITY_TYPE, e.type) ? ENTITY_TYPE[e.type] : 'Thing';
    const name = e.span.text.replace(/\s+/g, ' ').trim();
    const key = `${t}:${name}`;
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push({ '@type': t, name });
  }
  return out.length ? out : undefined;
}

/** The story's URL: the explicit option, else the URL the result was extracted with. */
function urlOf(result: Extraction, opts: SchemaOrgClaimsOptions): string {
  if (typeof opts.url === 'string' && opts.url) return opts.url;
  if (typeof result?.url === 'string' && result.url) return result.url;
  throw new TypeError(
    "quotewire.toSchemaOrgClaims: no URL for the claims' appearance: pass opts.url, or extract the story with options.url",
  );
}

export function toSchemaOrgClaims(result: Extraction, opts: SchemaOrgClaimsOptions = {}): SchemaOrgClaim[] {
  const url = urlOf(result, opts);
  const byId = new Map<string, Speaker>();
  for (const s of Array.isArray(result?.speakers) ? result.speakers : []) if (s && typeof s.id === 'string') byId.set(s.id, s);
  const appearance: SchemaOrgCreativeWork = { '@type': 'CreativeWork', url };
  if (opts.datePublished) appearance.datePublished = opts.datePublished;
  const min = typeof opts.minCheckworthiness === 'number' ? opts.minCheckworthiness : 0;
  const out: SchemaOrgClaim[] = [];
  for (const c of Array.isArray(result?.claims) ? result.claims : []) {
    if (!c || !c.text || typeof c.text.text !== 'string' || c.checkworthiness < min) continue;
    let who: SchemaOrgPerson | SchemaOrgOrganization | null = null;
    const sp = c.speakerId ? byId.get(c.speakerId) : undefined;
    if (sp) who = author(sp, byId);
    else if (c.quoteId === null && c.speakerId === null && opts.publisher) who = { '@type': 'Organization', name: opts.publisher };
    if (!who) continue;
    const claim: SchemaOrgClaim = {
      '@context': SCHEMA_ORG_CONTEXT,
      '@type': 'Claim',
      identifier: c.id,
      text: c.text.text,
      author: who,
      appearance: { ...appearance },
    };
    if (opts.datePublished) claim.datePublished = opts.datePublished;
    const m = mentions(c);
    if (m) claim.mentions = m;
    out.push(claim);
  }
  return out;
}
