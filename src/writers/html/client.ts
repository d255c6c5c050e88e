/**
 * The page's script, inline (no network, works from file://): fit slides to
 * the window, arrows move between slides, `n` notes, `f` facts, `g` one slide
 * or all; the citation card on hover, focus or tap. With `data-live` (preview)
 * it listens to the server's events: reload after a good build, an error
 * overlay after a broken one. Text from the server is set as textContent only.
 */
export const CLIENT_SCRIPT = `(function () {
  var body = document.body, root = document.documentElement;
  var items = [].slice.call(document.querySelectorAll('main > .slide, main > .page'));
  var counter = document.getElementById('counter');
  var tip = document.getElementById('tip');
  var cur = 0;
  var store = { get: function (k) { try { return sessionStorage.getItem(k); } catch (e) { return null; } }, set: function (k, v) { try { sessionStorage.setItem(k, v); } catch (e) {} } };
  ['show-notes', 'show-facts', 'single'].forEach(function (c) { var v = store.get('gr-' + c); if (v !== null) body.classList.toggle(c, v === '1'); });
  function pressed() {
    [].forEach.call(document.querySelectorAll('[data-toggle]'), function (b) { b.setAttribute('aria-pressed', body.classList.contains(b.getAttribute('data-toggle')) ? 'true' : 'false'); });
  }
  function fit() {
    if (!body.classList.contains('deck')) return;
    var single = body.classList.contains('single');
    var bar = document.querySelector('.toolbar');
    var w = window.innerWidth - (single && body.classList.contains('show-facts') ? 360 : 0) - 24;
    var s = w / 1280;
    if (single) s = Math.min(s, (window.innerHeight - (bar ? bar.offsetHeight : 0) - (body.classList.contains('show-notes') ? 190 : 0) - 40) / 720);
    root.style.setProperty('--scale', String(Math.max(0.2, Math.min(s, 1.5))));
  }
  function go(i, scroll) {
    if (!items.length) return;
    cur = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el, k) { el.classList.toggle('current', k === cur); });
    if (counter) counter.textContent = (cur + 1) + ' / ' + items.length;
    if (history.replaceState) history.replaceState(null, '', '#' + items[cur].id);
    if (scroll && !body.classList.contains('single')) items[cur].scrollIntoView({ block: 'start' });
    hideTip();
  }
  function toggle(c) {
    body.classList.toggle(c);
    store.set('gr-' + c, body.classList.contains(c) ? '1' : '0');
    pressed(); fit(); go(cur, true);
  }
  function card(el) { return document.getElementById('cite-' + el.getAttribute('data-cite')); }
  function showTip(el) {
    var c = card(el);
    if (!c || !tip) return;
    tip.innerHTML = '';
    tip.appendChild(c.cloneNode(true));
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var tw = tip.offsetWidth, th = tip.offsetHeight;
    var x = Math.min(Math.max(8, r.left), window.innerWidth - tw - 8);
    var y = r.bottom + 8 + th > window.innerHeight ? r.top - th - 8 : r.bottom + 8;
    tip.style.left = x + 'px'; tip.style.top = Math.max(8, y) + 'px';
  }
  function hideTip() { if (tip) tip.hidden = true; }
  function fig(t) { return t && t.closest ? t.closest('.fig') : null; }
  document.addEventListener('mouseover', function (e) { var f = fig(e.target); if (f) showTip(f); });
  document.addEventListener('mouseout', function (e) { if (fig(e.target) && document.activeElement !== fig(e.target)) hideTip(); });
  document.addEventListener('focusin', function (e) { var f = fig(e.target); if (f) showTip(f); });
  document.addEventListener('focusout', function (e) { if (fig(e.target)) hideTip(); });
  document.addEventListener('click', function (e) {
    var f = fig(e.target);
    if (f) { f.focus(); showTip(f); return; }
    var li = e.target.closest && e.target.closest('.facts li[data-cite]');
    if (li) {
      var id = li.getAttribute('data-cite');
      [].forEach.call(document.querySelectorAll('.fig.lit'), function (x) { x.classList.remove('lit'); });
      [].forEach.call(items[cur].querySelectorAll('.fig[data-cite="' + id + '"]'), function (x) { x.classList.add('lit'); });
    }
    var b = e.target.closest && e.target.closest('[data-toggle]');
    if (b) toggle(b.getAttribute('data-toggle'));
  });
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown' || k === ' ') go(cur + 1, true);
    else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp') go(cur - 1, true);
    else if (k === 'Home') go(0, true);
    else if (k === 'End') go(items.length - 1, true);
    else if (k === 'n' || k === 'N') toggle('show-notes');
    else if (k === 'f' || k === 'F') toggle('show-facts');
    else if (k === 'g' || k === 'G') toggle('single');
    else if (k === 'Escape') hideTip();
    else return;
    e.preventDefault();
  });
  window.addEventListener('resize', fit);
  window.addEventListener('hashchange', function () { var k = items.map(function (el) { return '#' + el.id; }).indexOf(location.hash); if (k >= 0 && k !== cur) go(k, true); });
  var start = items.map(function (el) { return '#' + el.id; }).indexOf(location.hash);
  pressed(); fit(); go(start < 0 ? 0 : start, start >= 0);
  var live = body.getAttribute('data-live');
  if (live && window.EventSource) {
    var overlay = document.getElementById('gr-error');
    var es = new EventSource(live);
    es.addEventListener('hello', function (e) { if (e.data !== body.getAttribute('data-version')) location.reload(); });
    es.addEventListener('reload', function () { location.reload(); });
    es.addEventListener('failed', function (e) {
      var d = JSON.parse(e.data);
      overlay.querySelector('h2').textContent = d.title;
      overlay.querySelector('pre').textContent = d.message;
      overlay.hidden = false;
    });
  }
})();`;
