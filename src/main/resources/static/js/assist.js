/*
 * The assist panel (module assist): "Insert" puts a suggestion into the reply box; the reply sent from
 * it reports its final text (the server tells used from edited); "Dismiss" reports itself. In the reply
 * box, Ctrl+K (or "/" in an empty box) searches the macros; Enter inserts the chosen one.
 */
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  function post(url, fields) {
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) headers[header] = token;
    return fetch(url, { method: 'POST', headers: headers, body: new URLSearchParams(fields), credentials: 'same-origin', keepalive: true });
  }

  function base() {
    return (document.querySelector('meta[name="tandem-base"]') || {}).content || '/';
  }

  function area() {
    return document.getElementById('composer-text');
  }

  function insert(text, suggestionId) {
    var box = area();
    if (!box) return;
    box.value = text;
    if (suggestionId) {
      box.dataset.suggestionId = suggestionId;
    } else {
      delete box.dataset.suggestionId;
    }
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-assist-insert]');
    if (button) {
      insert(button.getAttribute('data-text'), button.getAttribute('data-suggestion-id'));
      return;
    }
    var dismiss = e.target.closest && e.target.closest('[data-assist-dismiss]');
    if (dismiss) {
      var card = dismiss.closest('.assist-suggestion');
      if (card) card.hidden = true;
    }
  });

  /* A reply sent from a suggestion: its final text is reported once the reply is stored. */
  var pending = null;
  document.addEventListener('htmx:beforeRequest', function (e) {
    var form = e.detail && e.detail.elt;
    if (!form || !form.matches || !form.matches('form.composer')) return;
    var box = area();
    var internal = form.querySelector('input[name="internal"]');
    if (box && box.dataset.suggestionId && !(internal && internal.value === 'true')) {
      pending = { id: box.dataset.suggestionId, text: box.value };
      delete box.dataset.suggestionId;
    }
  });
  document.addEventListener('reply-sent', function () {
    if (!pending) return;
    var sent = pending;
    pending = null;
    post(base() + 'assist/suggestions/' + sent.id + '/feedback', { outcome: 'SENT', text: sent.text });
  });

  /* ---------- Macro search in the reply box ---------- */
  var search = null;

  function conversationId() {
    var panel = document.getElementById('assist-panel');
    return panel ? panel.getAttribute('data-conversation-id') : null;
  }

  function closeSearch() {
    if (search) {
      search.remove();
      search = null;
    }
  }

  function render(list, macros) {
    list.innerHTML = '';
    macros.forEach(function (m, i) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.dataset.text = m.text;
      if (i === 0) li.classList.add('is-selected');
      var title = document.createElement('div');
      title.textContent = m.title;
      var text = document.createElement('div');
      text.className = 'assist-macro-text';
      text.textContent = m.text;
      li.appendChild(title);
      li.appendChild(text);
      li.addEventListener('mousedown', function (ev) {
        ev.preventDefault();
        choose(li);
      });
      list.appendChild(li);
    });
    if (!macros.length) {
      var none = document.createElement('li');
      none.className = 'muted';
      none.textContent = 'No macro matches.';
      list.appendChild(none);
    }
  }

  function choose(li) {
    if (!li || li.dataset.text === undefined) return;
    closeSearch();
    insert(li.dataset.text, null);
  }

  function query(input, list) {
    var id = conversationId();
    if (!id) return;
    fetch(base() + 'assist/macros/search?conversation=' + encodeURIComponent(id) + '&q=' + encodeURIComponent(input.value),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (macros) { if (search) render(list, macros); });
  }

  function openSearch() {
    var composer = document.querySelector('form.composer');
    if (!composer || search) return;
    search = document.createElement('div');
    search.className = 'assist-macro-search';
    search.setAttribute('data-testid', 'macro-search');
    var input = document.createElement('input');
    input.className = 'input';
    input.type = 'search';
    input.placeholder = 'Search macros…';
    input.setAttribute('aria-label', 'Search macros');
    var list = document.createElement('ul');
    list.setAttribute('role', 'listbox');
    search.appendChild(input);
    search.appendChild(list);
    composer.appendChild(search);
    input.addEventListener('input', function () { query(input, list); });
    input.addEventListener('keydown', function (e) {
      var items = Array.prototype.slice.call(list.querySelectorAll('li[role="option"]'));
      var at = items.findIndex(function (li) { return li.classList.contains('is-selected'); });
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        closeSearch();
        var box = area();
        if (box) box.focus();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (!items.length) return;
        if (at >= 0) items[at].classList.remove('is-selected');
        at = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items[at].classList.add('is-selected');
        items[at].scrollIntoView({ block: 'nearest' });
      } else if (e.key === 'Enter') {
        e.preventDefault();
        choose(items[at >= 0 ? at : 0]);
      }
    });
    input.addEventListener('blur', function () { setTimeout(closeSearch, 150); });
    input.focus();
    query(input, list);
  }

  document.addEventListener('keydown', function (e) {
    var box = area();
    if (!box || e.target !== box) return;
    if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) {
      e.preventDefault();
      openSearch();
    } else if (e.key === '/' && box.value === '') {
      e.preventDefault();
      openSearch();
    }
  });
})();
