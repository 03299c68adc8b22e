/** The report's style sheet (inline in the page: the report loads nothing). */

const SANS = '"DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif';
const SERIF = 'Charter, "Bitstream Charter", Georgia, "DejaVu Serif", serif';

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f1; color: #1a1a1a; font: 15px/1.5 ${SANS}; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem .75rem 3rem; }
article.story { background: #fff; border: 1px solid #e0e0dc; border-radius: 8px; padding: 1.25rem 1.75rem 1.75rem; margin-bottom: 2rem; }
.story h1 { font: 700 1.55rem/1.25 ${SERIF}; margin: 0 0 .3rem; }
.summary { color: #666; font-size: .85rem; margin: 0; }
.bar { border-bottom: 1px solid #ececea; padding: .55rem 0; margin: 0 0 1rem; }
.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem .35rem; font-size: .8rem; }
.chip { font: inherit; color: inherit; display: inline-flex; align-items: center; gap: .35em; background: #fff; border: 1px solid #d4d4d0; border-radius: 999px; padding: .05rem .55rem .05rem .3rem; cursor: pointer; max-width: 22rem; }
.chip .nm { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip .n { color: #707070; font-variant-numeric: tabular-nums; }
.chip[aria-pressed="true"] { border-color: var(--ink); box-shadow: 0 0 0 2px var(--bg); font-weight: 700; }
.legend li.more, .m-less, .more-btn input { display: none; }
.legend:has(.more-toggle:checked) li.more { display: block; }
.legend:has(.more-toggle:checked) .m-less { display: inline; }
.legend:has(.more-toggle:checked) .m-more { display: none; }
.more-btn { color: #555; padding-left: .55rem; }
.sw { flex: none; display: inline-block; width: .95em; height: .95em; border-radius: 50%; background-color: var(--bg); border: 1.5px solid var(--ink); }
.tools { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; align-items: center; margin-top: .45rem; font-size: .75rem; color: #666; }
.tools label { cursor: pointer; color: #1a1a1a; font-size: .8rem; }
.key > span { margin-right: .8rem; }
.text { font: 1.06rem/1.7 ${SERIF}; }
.para { display: grid; grid-template-columns: 9rem minmax(0, 1fr); column-gap: 1.1rem; margin: 0 0 .85em; }
.para > p { grid-column: 2; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.who { grid-column: 1; display: flex; flex-direction: column; align-items: flex-end; gap: .25rem; padding-top: .3rem; font: .72rem/1.3 ${SANS}; text-align: right; }
.who .name { color: var(--ink); border-right: 4px solid var(--bg); padding-right: .35rem; cursor: pointer; overflow-wrap: anywhere; }
.story h1 .who { display: none; }
mark.q { color: inherit; background-color: var(--bg); border-radius: 2px; padding: .1em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.striped { background-image: repeating-linear-gradient(135deg, transparent 0 5px, rgba(255,255,255,.75) 5px 8px); }
mark.q.framed, .sw.framed { outline: 1.5px dotted var(--ink); outline-offset: -1px; }
mark.q.unattributed { outline: 1px dashed var(--ink); outline-offset: -1px; }
.src { text-decoration: underline 2px var(--ink); text-underline-offset: 3px; cursor: pointer; }
.mention { text-decoration: underline dotted 1.5px var(--ink); text-underline-offset: 3px; cursor: pointer; }
.cue { font-weight: 700; }
.boilerplate { color: #999; }
.story:has(.claims-toggle:checked) .claim { border-bottom: 2px solid #c62828; }
.story:has(.claims-toggle:checked) .claim.minor { border-bottom: 2px dashed #9e9e9e; }
.k-claim { display: none; }
.story:has(.claims-toggle:checked) .k-claim { display: inline; }
.k-worth { border-bottom: 2px solid #c62828; }
.k-minor { border-bottom: 2px dashed #9e9e9e; }
.story[data-focus] mark.q:not(.hit) { background-color: #f3f3f3; background-image: none; outline: none; color: #757575; }
.story[data-focus] mark.q.hit { outline: 2px solid var(--ink); outline-offset: 0; }
.story[data-focus] .mention.hit, .story[data-focus] .src.hit { background-color: var(--bg); border-radius: 2px; }
.story[data-focus] .who .name:not(.hit) { opacity: .3; }
.empty { color: #777; font-style: italic; font-size: .85rem; }
.qw-tip { position: fixed; z-index: 10; max-width: 24rem; pointer-events: none; background: #222; color: #fff; font: .8rem/1.4 ${SANS}; padding: .35rem .6rem; border-radius: 4px; box-shadow: 0 2px 10px rgba(0,0,0,.3); }
.qw-tip[hidden] { display: none; }
.qw-tip b { display: block; font-size: .88rem; }
.qw-tip div { color: #ddd; white-space: pre-line; }
@media (max-width: 40rem) {
  article.story { padding: 1rem; }
  .para { grid-template-columns: minmax(0, 1fr); }
  .para > p, .who { grid-column: 1; }
  .who { flex-direction: row; flex-wrap: wrap; justify-content: flex-start; padding: 0; }
}
@media print { .qw-tip { display: none; } }
`;
