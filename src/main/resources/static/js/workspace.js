/*
 * Tandem workspace behaviour, loaded by layout.html on every signed-in page. No framework beyond
 * htmx; the Content-Security-Policy forbids inline scripts, so everything interactive lives here:
 * CSRF header for htmx, toasts, keyboard shortcuts, dialogs, local times, the inbox selection,
 * the conversation composer and timeline scrolling, and the unread count in the tab title.
 */
(function () {
  'use strict';

  var base = (document.querySelector('meta[name="tandem-base"]') || {}).content || '/';
  var baseTitle = document.title;

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  /* ---------- htmx: CSRF, errors ---------- */

  document.addEventListener('htmx:configRequest', function (e) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      e.detail.headers[header] = token;
    }
    var elt = e.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute('data-after-last-message')) {
      var last = lastMessageId();
      if (last) {
        e.detail.parameters.after = last;
      }
    }
  });

  document.addEventListener('htmx:responseError', function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    if (status === 401) {
      toast('error', 'Your session ended. Sign in again to continue.');
      return;
    }
    toast('error', status >= 500 ? 'Something went wrong on our side (' + status + '). Please try again.'
      : 'The request was refused (' + status + ').');
  });

  document.addEventListener('htmx:sendError', function () {
    toast('error', 'Cannot reach Tandem. Check your connection; changes were not saved.');
  });

  // A redirect to the sign-in page answered an htmx request: the session is gone.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var url = e.detail.xhr && e.detail.xhr.responseURL;
    if (url && /\/login(\?|$)/.test(url)) {
      e.detail.shouldSwap = false;
      window.location.href = base + 'login';
    }
  });

  /* ---------- Toasts ---------- */

  function toast(kind, message) {
    var box = document.getElementById('toasts');
    if (!box) return;
    var el = document.createElement('div');
    el.className = 'toast toast-' + kind;
    el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    var text = document.createElement('span');
    text.className = 'toast-text';
    text.textContent = message;
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'toast-close';
    close.setAttribute('data-dismiss-toast', '');
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '\u00d7';
    el.appendChild(text);
    el.appendChild(close);
    box.appendChild(el);
    scheduleDismiss(el);
  }

  function scheduleDismiss(el) {
    if (el.dataset.scheduled) return;
    el.dataset.scheduled = '1';
    var delay = el.classList.contains('toast-error') ? 8000 : 4000;
    setTimeout(function () { dismiss(el); }, delay);
  }

  function dismiss(el) {
    el.classList.add('is-leaving');
    setTimeout(function () { el.remove(); }, 220);
  }

  function armToasts() {
    document.querySelectorAll('#toasts .toast').forEach(scheduleDismiss);
  }

  document.addEventListener('click', function (e) {
    var closer = e.target.closest('[data-dismiss-toast]');
    if (closer) {
      dismiss(closer.closest('.toast'));
    }
  });

  /* ---------- Dialogs ---------- */

  document.addEventListener('click', function (e) {
    var opener = e.target.closest('[data-open-dialog]');
    if (opener) {
      openDialog(opener.getAttribute('data-open-dialog'));
      return;
    }
    var closer = e.target.closest('[data-close-dialog]');
    if (closer) {
      var dialog = closer.closest('dialog');
      if (dialog) dialog.close();
    }
  });

  function openDialog(id) {
    var dialog = document.getElementById(id);
    if (dialog && !dialog.open) {
      dialog.showModal();
      var first = dialog.querySelector('[autofocus], select, input, textarea');
      if (first) first.focus();
    }
  }

  // Click on the backdrop closes a dialog.
  document.addEventListener('mousedown', function (e) {
    if (e.target.tagName === 'DIALOG' && e.target.open) {
      var r = e.target.getBoundingClientRect();
      if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) {
        e.target.close();
      }
    }
  });

  /* ---------- Times ---------- */

  function relative(date) {
    var seconds = Math.round((Date.now() - date.getTime()) / 1000);
    if (seconds < 45) return 'now';
    var minutes = Math.round(seconds / 60);
    if (minutes < 60) return minutes + 'm';
    var hours = Math.round(minutes / 60);
    if (hours < 24) return hours + 'h';
    var days = Math.round(hours / 24);
    if (days < 7) return days + 'd';
    return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  }

  function renderTimes(root) {
    (root || document).querySelectorAll('time[datetime][data-format]').forEach(function (el) {
      var date = new Date(el.getAttribute('datetime'));
      if (isNaN(date)) return;
      var format = el.getAttribute('data-format');
      if (format === 'relative') {
        el.textContent = relative(date);
      } else if (format === 'ago') {
        var r = relative(date);
        el.textContent = r === 'now' ? 'just now' : /^\d+[mhd]$/.test(r) ? r + ' ago' : 'on ' + r;
      } else if (format === 'time') {
        el.textContent = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
      } else if (format === 'day') {
        var today = new Date();
        var yesterday = new Date(Date.now() - 86400000);
        el.textContent = date.toDateString() === today.toDateString() ? 'Today'
          : date.toDateString() === yesterday.toDateString() ? 'Yesterday'
          : date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
      } else if (format === 'datetime') {
        el.textContent = date.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
      } else if (format === 'date') {
        var sameYear = date.getFullYear() === new Date().getFullYear();
        el.textContent = date.toLocaleDateString(undefined, sameYear ? { day: 'numeric', month: 'short' }
          : { day: 'numeric', month: 'short', year: 'numeric' });
      }
      if (!el.title) {
        el.title = date.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });
      }
    });
  }
  setInterval(function () { renderTimes(document); }, 30000);

  /* ---------- First-response countdowns: ticked here from data-due, no server polling ---------- */

  function clockText(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    var mm = h > 0 && m < 10 ? '0' + m : '' + m;
    return (h > 0 ? h + ':' : '') + mm + ':' + (s < 10 ? '0' + s : s);
  }

  function tickCountdowns() {
    var now = Date.now();
    document.querySelectorAll('.sla[data-due]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('data-due'));
      if (isNaN(due)) return;
      var since = Date.parse(el.getAttribute('data-since') || '');
      var left = Math.round((due - now) / 1000);
      var windowSeconds = isNaN(since) ? left : Math.round((due - since) / 1000);
      el.textContent = left >= 0 ? 'responds in ' + clockText(left) : 'overdue ' + clockText(-left);
      el.classList.toggle('sla-overdue', left < 0);
      el.classList.toggle('sla-soon', left >= 0 && (left <= 60 || left * 2 <= windowSeconds));
      el.classList.toggle('sla-ok', left >= 0 && left > 60 && left * 2 > windowSeconds);
    });
  }
  setInterval(tickCountdowns, 1000);
  document.addEventListener('htmx:afterSettle', tickCountdowns);

  /* ---------- Inbox selection ---------- */

  var selectedId = null;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-list-item]'));
  }

  function select(row, scroll) {
    rows().forEach(function (r) { r.classList.remove('is-selected'); r.removeAttribute('aria-selected'); });
    if (!row) return;
    row.classList.add('is-selected');
    row.setAttribute('aria-selected', 'true');
    selectedId = row.getAttribute('data-list-item');
    if (scroll) row.scrollIntoView({ block: 'nearest' });
  }

  function restoreSelection() {
    var all = rows();
    if (!all.length) return;
    var again = selectedId && all.filter(function (r) { return r.getAttribute('data-list-item') === selectedId; })[0];
    select(again || all[0], false);
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var current = all.findIndex(function (r) { return r.classList.contains('is-selected'); });
    var next = Math.max(0, Math.min(all.length - 1, current < 0 ? 0 : current + step));
    select(all[next], true);
  }

  document.addEventListener('mouseover', function (e) {
    var row = e.target.closest && e.target.closest('[data-list-item]');
    if (row && !row.classList.contains('is-selected') && e.movementX + e.movementY !== 0) {
      select(row, false);
    }
  });

  /* ---------- Keyboard shortcuts ---------- */

  var pendingG = false;
  var pendingTimer = null;
  var views = { q: 'queued', m: 'mine', a: 'ai', o: 'open', r: 'resolved' };

  function visible(el) {
    return el && !el.disabled && el.getAttribute('aria-disabled') !== 'true' && el.getClientRects().length > 0;
  }

  function activate(el) {
    if (el.matches('input, textarea, select')) {
      el.focus();
    } else {
      el.click();
    }
  }

  document.addEventListener('keydown', function (e) {
    var target = e.target;
    var typing = target.closest && target.closest('input, textarea, select, [contenteditable="true"]');

    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && typing) {
      var form = target.closest('form');
      if (form) {
        e.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing) {
      if (e.key === 'Escape' && !target.closest('dialog')) target.blur();
      return;
    }
    if (document.querySelector('dialog[open]')) return;
    if (e.target.closest && e.target.closest('details[open]') && e.key === 'Escape') {
      e.target.closest('details[open]').removeAttribute('open');
      return;
    }

    var key = e.key;
    if (pendingG) {
      pendingG = false;
      clearTimeout(pendingTimer);
      if (views[key]) {
        e.preventDefault();
        var tab = document.querySelector('[data-view-tab="' + views[key] + '"]');
        if (tab) tab.click(); else window.location.href = base + 'inbox?view=' + views[key];
      }
      return;
    }
    if (key === 'g') {
      pendingG = true;
      pendingTimer = setTimeout(function () { pendingG = false; }, 1500);
      return;
    }
    if (key === '?') {
      e.preventDefault();
      openDialog('shortcuts-help');
      return;
    }
    if (key === 'j' || key === 'ArrowDown' && rows().length) {
      if (rows().length) { e.preventDefault(); move(1); }
      return;
    }
    if (key === 'k' || key === 'ArrowUp' && rows().length) {
      if (rows().length) { e.preventDefault(); move(-1); }
      return;
    }
    if ((key === 'Enter' || key === 'o') && rows().length && !target.closest('a, button')) {
      var selected = document.querySelector('[data-list-item].is-selected');
      if (selected) { e.preventDefault(); selected.click(); }
      return;
    }
    var candidates = document.querySelectorAll('[data-shortcut="' + (key === 'Esc' ? 'Escape' : key) + '"]');
    for (var i = 0; i < candidates.length; i++) {
      if (visible(candidates[i])) {
        e.preventDefault();
        activate(candidates[i]);
        return;
      }
    }
  });

  /* ---------- Composer ---------- */

  function setMode(composer, mode) {
    composer.classList.toggle('is-note', mode === 'note');
    composer.querySelectorAll('[data-mode]').forEach(function (tab) {
      var active = tab.getAttribute('data-mode') === mode;
      tab.classList.toggle('is-active', active);
      tab.setAttribute('aria-pressed', active ? 'true' : 'false');
    });
    var internal = composer.querySelector('input[name="internal"]');
    if (internal) internal.value = mode === 'note' ? 'true' : 'false';
    var area = composer.querySelector('textarea');
    if (area) {
      area.placeholder = area.getAttribute(mode === 'note' ? 'data-placeholder-note' : 'data-placeholder-reply');
      area.focus();
    }
    var send = composer.querySelector('.btn-send-label');
    if (send) send.textContent = mode === 'note' ? 'Add note' : 'Send';
  }

  document.addEventListener('click', function (e) {
    var tab = e.target.closest('[data-mode]');
    if (tab) {
      e.preventDefault();
      setMode(tab.closest('.composer'), tab.getAttribute('data-mode'));
    }
  });

  function autosize(area) {
    area.style.height = 'auto';
    area.style.height = Math.min(area.scrollHeight, 240) + 'px';
  }

  document.addEventListener('input', function (e) {
    if (e.target.matches('.composer textarea')) autosize(e.target);
  });

  document.addEventListener('reply-sent', function () {
    var composer = document.querySelector('.composer');
    if (!composer) return;
    var area = composer.querySelector('textarea');
    if (area) {
      area.value = '';
      autosize(area);
      area.focus();
    }
    stickToBottom = true;
  });

  document.addEventListener('transfer-done', function () {
    var dialog = document.getElementById('transfer-dialog');
    if (dialog) {
      dialog.close();
      var form = dialog.querySelector('form');
      if (form) form.reset();
    }
  });

  /* ---------- Timeline ---------- */

  var stickToBottom = true;

  function timeline() {
    return document.getElementById('timeline');
  }

  function lastMessageId() {
    var all = document.querySelectorAll('#timeline [data-message-id]');
    return all.length ? all[all.length - 1].getAttribute('data-message-id') : null;
  }

  function atBottom(el) {
    return el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  }

  function scrollToBottom() {
    var el = timeline();
    if (el) el.scrollTop = el.scrollHeight;
  }

  document.addEventListener('scroll', function (e) {
    if (e.target && e.target.id === 'timeline') stickToBottom = atBottom(e.target);
  }, true);

  // Two requests (the answer to our own reply and the live event) may bring the same message.
  function dropDuplicateMessages() {
    var seen = {};
    document.querySelectorAll('#timeline [data-message-id]').forEach(function (el) {
      var id = el.getAttribute('data-message-id');
      if (seen[id]) el.remove(); else seen[id] = true;
    });
  }

  /* ---------- Unread count in the tab title ---------- */

  var unread = 0;

  function updateTitle() {
    baseTitle = document.title.replace(/^\(\d+\) /, '');
    var queued = document.querySelector('[data-title-count]');
    var count = unread || (queued ? parseInt(queued.getAttribute('data-title-count'), 10) : 0);
    document.title = count > 0 ? '(' + count + ') ' + baseTitle : baseTitle;
  }

  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      unread = 0;
      updateTitle();
    }
  });

  /* ---------- Live connection ---------- */

  var opened = 0;

  document.addEventListener('htmx:sseOpen', function () {
    opened += 1;
    document.body.classList.add('is-live');
    // After a reconnect, catch up on whatever happened while the stream was away.
    if (opened > 1) htmx.trigger(document.body, 'tandem:resync');
  });

  var checkingSession = false;

  document.addEventListener('htmx:sseError', function () {
    document.body.classList.remove('is-live');
    // A stream that fails may mean the session ended: then go to the sign-in page rather than retry forever.
    if (checkingSession || !window.fetch) return;
    checkingSession = true;
    fetch(base + 'inbox/badge', { redirect: 'manual', credentials: 'same-origin', headers: { 'HX-Request': 'true' } }).then(function (r) {
      if (r.type === 'opaqueredirect' || r.status === 401) window.location.href = base + 'login?expired';
    }).catch(function () { /* offline: the stream retries by itself */ }).then(function () {
      checkingSession = false;
    });
  });

  document.addEventListener('htmx:sseMessage', function (e) {
    if (e.detail && e.detail.type === 'message' && document.hidden) {
      unread += 1;
      updateTitle();
    }
  });

  /* ---------- After every swap ---------- */

  document.addEventListener('htmx:beforeSwap', function (e) {
    if (e.detail.target && e.detail.target.id === 'timeline') {
      var el = timeline();
      stickToBottom = stickToBottom || atBottom(el);
    }
  });

  document.addEventListener('htmx:afterSwap', function (e) {
    renderTimes(e.detail.target);
    armToasts();
    if (e.detail.target && e.detail.target.id === 'timeline') {
      dropDuplicateMessages();
      if (stickToBottom) scrollToBottom();
    }
    if (e.detail.target && e.detail.target.id === 'inbox-main') selectedId = null;
    restoreSelection();
    updateTitle();
  });

  document.addEventListener('htmx:afterSettle', function () {
    renderTimes(document);
    updateTitle();
  });

  function init() {
    renderTimes(document);
    armToasts();
    restoreSelection();
    scrollToBottom();
    updateTitle();
    var autofocus = document.querySelector('[data-autofocus]');
    if (autofocus && !('ontouchstart' in window)) autofocus.focus();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
