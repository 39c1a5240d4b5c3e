(function () {
  'use strict';
  var search = document.getElementById('search');
  var status = document.getElementById('status');
  var papers = Array.prototype.slice.call(document.querySelectorAll('article.paper'));
  var folds = Array.prototype.slice.call(document.querySelectorAll('.fold'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.section')).reverse();
  var texts = papers.map(function (p) { return (p.getAttribute('data-search') || '').toLowerCase(); });
  var total = papers.length;

  // Pictures that cannot load (offline, moved) leave no broken-image icon behind.
  Array.prototype.forEach.call(document.querySelectorAll('figure img'), function (img) {
    var hide = function () { img.parentNode.hidden = true; };
    if (img.complete && img.naturalWidth === 0) { hide(); } else { img.addEventListener('error', hide); }
  });

  // Without the script every paper shows; with it, folds start closed behind their "more" button.
  folds.forEach(function (fold) {
    var items = fold.querySelector('.fold-items');
    var more = fold.querySelector('button.more');
    var hide = fold.querySelector('button.hide');
    fold.open = false;
    fold.apply = function (searching) {
      var show = searching || fold.open;
      items.hidden = !show;
      more.hidden = searching || fold.open;
      hide.hidden = searching || !fold.open;
      more.setAttribute('aria-expanded', String(show));
    };
    more.addEventListener('click', function () { fold.open = true; fold.apply(false); });
    hide.addEventListener('click', function () {
      fold.open = false;
      fold.apply(false);
      more.scrollIntoView({block: 'nearest'});
    });
    fold.apply(false);
  });

  function plural(n, noun) { return n + ' ' + noun + (n === 1 ? '' : 's'); }

  function filter() {
    var query = search ? search.value.trim().toLowerCase() : '';
    var terms = query ? query.split(/\s+/) : [];
    var shown = 0;
    papers.forEach(function (paper, i) {
      var match = terms.every(function (t) { return texts[i].indexOf(t) >= 0; });
      paper.hidden = !match;
      if (match) { shown++; }
    });
    folds.forEach(function (fold) { fold.apply(terms.length > 0); });
    document.body.classList.toggle('searching', terms.length > 0);
    sections.forEach(function (section) {
      section.hidden = terms.length > 0 && !section.querySelector('article.paper:not([hidden])');
    });
    if (status) {
      status.textContent = terms.length === 0 ? ''
        : shown === 0 ? 'No paper matches \u201c' + search.value.trim() + '\u201d.'
        : shown + ' of ' + plural(total, 'paper') + ' match \u201c' + search.value.trim() + '\u201d.';
    }
  }

  if (search) {
    search.addEventListener('input', filter);
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== search) { e.preventDefault(); search.focus(); }
      if (e.key === 'Escape' && document.activeElement === search) { search.value = ''; filter(); }
    });
  }
  filter();
}());
