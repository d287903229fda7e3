/*
 * Admin and profile pages: confirmation before destructive forms, copy buttons, the widget
 * preview. Lives in a file because the Content-Security-Policy allows no inline script.
 */
(function () {
  'use strict';

  /* ---------- Confirm: <form data-confirm="Delete X?" data-confirm-action="Delete"> ---------- */

  var dialog;
  var pendingForm;

  function confirmDialog() {
    if (dialog) return dialog;
    dialog = document.createElement('dialog');
    dialog.className = 'dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-title');
    dialog.innerHTML =
      '<div class="dialog-header"><h2 class="dialog-title" id="confirm-title">Are you sure?</h2></div>' +
      '<div class="dialog-body"><p class="confirm-text"></p></div>' +
      '<div class="dialog-footer">' +
      '<button type="button" class="btn btn-ghost" data-confirm-cancel>Cancel</button>' +
      '<button type="button" class="btn btn-danger" data-confirm-ok>Confirm</button></div>';
    document.body.appendChild(dialog);
    dialog.querySelector('[data-confirm-cancel]').addEventListener('click', function () { dialog.close(); });
    dialog.querySelector('[data-confirm-ok]').addEventListener('click', function () {
      var form = pendingForm;
      pendingForm = null;
      dialog.close();
      if (form) {
        form.setAttribute('data-confirmed', '');
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
    });
    return dialog;
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute('data-confirm') || form.hasAttribute('data-confirmed')) return;
    e.preventDefault();
    var d = confirmDialog();
    if (typeof d.showModal !== 'function') {
      if (window.confirm(form.getAttribute('data-confirm'))) {
        form.setAttribute('data-confirmed', '');
        form.submit();
      }
      return;
    }
    pendingForm = form;
    d.querySelector('.confirm-text').textContent = form.getAttribute('data-confirm');
    d.querySelector('[data-confirm-ok]').textContent = form.getAttribute('data-confirm-action') || 'Confirm';
    d.showModal();
    d.querySelector('[data-confirm-cancel]').focus();
  });

  /* ---------- Copy: <button data-copy="#element"> ---------- */

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http on another host than localhost has no clipboard API; the old way still works.
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (ignored) { ok = false; }
      area.remove();
      ok ? resolve() : reject(new Error('copy refused'));
    });
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-copy]');
    if (!button) return;
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source) return;
    var text = 'value' in source && source.tagName !== 'PRE' ? source.value : source.textContent;
    var label = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', label);
    copyText(text).then(function () {
      button.textContent = 'Copied';
    }, function () {
      if (source.select) source.select();
      button.textContent = 'Press Ctrl+C';
    }).then(function () {
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });

  document.addEventListener('focusin', function (e) {
    if (e.target.hasAttribute && e.target.hasAttribute('data-select-on-focus')) {
      e.target.select();
    }
  });

  /* ---------- Widget preview ---------- */

  function isLight(hex) {
    var m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || '');
    if (!m) return false;
    var r = parseInt(m[1], 16), g = parseInt(m[2], 16), b = parseInt(m[3], 16);
    return (0.299 * r + 0.587 * g + 0.114 * b) > 186;
  }

  function updatePreview(form) {
    var stage = document.querySelector('[data-widget-preview]');
    if (!stage) return;
    var company = form.querySelector('[data-preview="company"]');
    var greeting = form.querySelector('[data-preview="greeting"]');
    var color = form.querySelector('[data-preview="color"]');
    var name = company.value.trim();
    stage.querySelector('[data-preview-company]').textContent = name || 'Your company';
    stage.querySelector('[data-preview-initial]').textContent = (name || '?').charAt(0).toUpperCase();
    stage.querySelector('[data-preview-greeting]').textContent = greeting.value.trim() || '…';
    stage.style.setProperty('--widget-color', color.value);
    stage.classList.toggle('is-light', isLight(color.value));
    var swatch = form.querySelector('[data-swatch]');
    if (swatch) swatch.style.background = color.value;
    var value = form.querySelector('[data-color-value]');
    if (value) value.textContent = color.value;
  }

  document.addEventListener('input', function (e) {
    var form = e.target.closest && e.target.closest('[data-widget-form]');
    if (form) updatePreview(form);
  });

  function init() {
    var form = document.querySelector('[data-widget-form]');
    if (form) updatePreview(form);
    var here = document.querySelector('[data-scroll-here]');
    if (here) {
      here.scrollIntoView({ block: 'start' });
      var first = here.querySelector('input:not([type=hidden]), select, textarea');
      if (first) first.focus({ preventScroll: true });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
