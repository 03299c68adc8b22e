/**
 * The demo page: paste a story, press the button, and see the report (the page `quotewire --format html`
 * writes, in a frame) and the JSON. Everything runs here: the page loads nothing from the network.
 */
import sample from '../fixtures/article.txt';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
};

const story = $<HTMLTextAreaElement>('story');
const published = $<HTMLInputElement>('published');
const status = $<HTMLElement>('status');
const frame = $<HTMLIFrameElement>('report');
const json = $<HTMLElement>('json');
const download = $<HTMLAnchorElement>('download');

/** Run quotewire on the text in the box and show the report and the JSON. */
function run(): void {
  const text = story.value;
  if (!text.trim()) {
    status.textContent = 'Paste a story first.';
    return;
  }
  const t0 = performance.now();
  let result: ReturnType<typeof quotewire.extract>;
  try {
    result = quotewire.extract(text, published.value ? { publishedAt: published.value } : {});
  } catch (err) {
    status.textContent = `Could not read it: ${err instanceof Error ? err.message : String(err)}`;
    return;
  }
  const ms = Math.round(performance.now() - t0);
  frame.srcdoc = quotewire.renderHtmlPage([{ text, result }]);
  const body = JSON.stringify(result, null, 2);
  json.textContent = body;
  URL.revokeObjectURL(download.href);
  download.href = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  download.hidden = false;
  const speakers = new Set(result.quotes.map((q) => q.speakerId).filter((id) => id != null)).size;
  status.textContent = `${result.quotes.length} quotes from ${speakers} speakers, ${result.claims.length} claims, in ${ms} ms.`;
  document.body.classList.add('done');
}

/** Show one of the two views. */
function show(tab: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    const on = b.dataset.tab === tab;
    b.setAttribute('aria-selected', String(on));
    $(b.dataset.tab === 'json' ? 'json-view' : 'report').hidden = !on;
  }
}

$('run').addEventListener('click', () => {
  status.textContent = 'Reading…';
  // let the page paint the message before the (synchronous) extraction
  setTimeout(run, 20);
});
$('sample').addEventListener('click', () => {
  story.value = sample;
  published.value = '2023-05-02';
  $('run').click();
});
story.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('run').click();
});
for (const b of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
  b.addEventListener('click', () => show(b.dataset.tab ?? 'report'));
}
status.textContent = 'Ready. Nothing you paste leaves this page.';
