/**
 * The report's one inline script: a tooltip naming the speaker of what the pointer is over (the `title`
 * attributes become its text, so the page still names speakers with scripts off), and a click on a speaker
 * (its chip, its name in the margin, one of its quotes or mentions) highlighting that speaker's quotes and
 * mentions; a second click or Escape clears it. The claims toggle needs no script (CSS `:has`).
 *
 * The page's Content-Security-Policy lets this script run by its hash and nothing else; REPORT_SCRIPT_HASH
 * must be updated with the script (tests/html.test.ts checks it and prints the right value).
 */
export const REPORT_SCRIPT = `(function () {
  var tip = document.createElement('div');
  tip.className = 'qw-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  var head = tip.appendChild(document.createElement('b'));
  var rest = tip.appendChild(document.createElement('div'));
  document.body.appendChild(tip);
  var titled = document.querySelectorAll('.story [title]');
  for (var i = 0; i < titled.length; i++) {
    titled[i].setAttribute('data-tip', titled[i].getAttribute('title'));
    titled[i].removeAttribute('title');
  }
  function tipText(target) {
    var el = target.closest('[data-tip]:not(.claim)');
    var story = target.closest('.story');
    var claim = story && story.querySelector('.claims-toggle:checked') ? target.closest('.claim') : null;
    var lines = el ? el.getAttribute('data-tip').split('\\n') : [];
    if (claim) lines.push(claim.getAttribute('data-tip'));
    return lines.length ? lines : null;
  }
  document.addEventListener('mouseover', function (e) {
    var lines = e.target instanceof Element ? tipText(e.target) : null;
    if (!lines) { tip.hidden = true; return; }
    head.textContent = lines[0];
    rest.textContent = lines.slice(1).join('\\n');
    tip.hidden = false;
    var x = Math.max(4, Math.min(e.clientX + 12, window.innerWidth - tip.offsetWidth - 4));
    var y = e.clientY + 18 + tip.offsetHeight > window.innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 18;
    tip.style.left = x + 'px';
    tip.style.top = Math.max(4, y) + 'px';
  });
  document.addEventListener('scroll', function () { tip.hidden = true; }, true);
  function focus(story, id) {
    if (id === null) story.removeAttribute('data-focus');
    else story.setAttribute('data-focus', id);
    var els = story.querySelectorAll('[data-speaker]');
    for (var i = 0; i < els.length; i++) {
      var on = id !== null && els[i].getAttribute('data-speaker') === id;
      els[i].classList.toggle('hit', on);
      if (els[i].tagName === 'BUTTON') els[i].setAttribute('aria-pressed', String(on));
    }
  }
  document.addEventListener('click', function (e) {
    var el = e.target instanceof Element ? e.target.closest('.story [data-speaker]') : null;
    if (!el) return;
    var story = el.closest('.story');
    var id = el.getAttribute('data-speaker');
    focus(story, story.getAttribute('data-focus') === id ? null : id);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var stories = document.querySelectorAll('.story[data-focus]');
    for (var i = 0; i < stories.length; i++) focus(stories[i], null);
  });
})();`;

/** The CSP source for REPORT_SCRIPT: `'sha256-…'` of its text. */
export const REPORT_SCRIPT_HASH = "'sha256-uyDug75DTv3o1eplxTxgV5dFtZa3cLQkEU/8MciJN+I='";
