// The review report's only script. It reads nothing but the ids, classes and data-
// attributes the report writes (never article text), and it is allowed by its hash in the
// page's Content-Security-Policy, so the policy can forbid every other script.
//
// Choosing a finding (its link, or a URL ending in #finding-N, on load too) marks every
// piece of its spans with the class "selected"; Escape clears the marks.
(function () {
  'use strict';
  var status = document.getElementById('qc-status');

  function each(selector, f) {
    var found = document.querySelectorAll(selector);
    for (var i = 0; i < found.length; i++) {
      f(found[i]);
    }
  }

  function clear() {
    each('.selected', function (el) { el.classList.remove('selected'); });
    each('.finding[aria-current]', function (el) { el.removeAttribute('aria-current'); });
    if (status) { status.textContent = ''; }
  }

  // Marks the spans of finding n (its entry is item, a li.finding) and returns the first
  // marked piece in the text. Spans are matched by comparing ids, not by building selectors.
  function select(item, n) {
    clear();
    var wanted = (item.getAttribute('data-spans') || '').split(' ');
    var first = null;
    var count = 0;
    each('mark.fs', function (mark) {
      var ids = (mark.getAttribute('data-fs') || '').split(' ');
      for (var i = 0; i < ids.length; i++) {
        if (wanted.indexOf(ids[i]) >= 0) {
          mark.classList.add('selected');
          count++;
          if (!first) { first = mark; }
          return;
        }
      }
    });
    item.classList.add('selected');
    item.setAttribute('aria-current', 'true');
    if (status) {
      status.textContent = 'Finding ' + n + ': ' + wanted.length + (wanted.length === 1 ? ' span' : ' spans') + ' marked in the text';
    }
    return first;
  }

  // Whether an element is wholly inside the window (then scrolling would only make the page
  // jump).
  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }

  // The finding the URL fragment names (#finding-N, or one of its spans), if any: marks it,
  // and for #finding-N scrolls its first span into view (a span's own fragment is scrolled
  // to by the browser).
  function fromHash() {
    var m = /^#finding-([0-9]+)(-(primary|related-[0-9]+))?$/.exec(location.hash);
    if (!m) { return; }
    var item = document.getElementById('finding-' + m[1] + '-item');
    if (!item || !item.classList.contains('finding')) { return; }
    var first = select(item, m[1]);
    if (!m[2] && first && !inView(first)) {
      first.scrollIntoView({ block: 'center' });
    }
  }

  window.addEventListener('hashchange', fromHash);
  // choosing the finding (or span) already in the URL fires no hashchange: mark again (after
  // Escape), and let the browser scroll to a span as usual
  document.addEventListener('click', function (e) {
    var link = e.target instanceof Element ? e.target.closest('a[href^="#finding-"]') : null;
    if (link && link.getAttribute('href') === location.hash) {
      fromHash();
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { clear(); }
  });
  fromHash();
  // the browser scrolls to the fragment's element after this script has run: scroll to the
  // span once the page is laid out
  window.addEventListener('load', fromHash);
  document.documentElement.setAttribute('data-ready', 'true');
}());
