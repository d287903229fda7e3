/*!
 * Tandem chat widget - https://github.com/ (open-source customer support)
 *
 * Embed with:
 *   <script src="https://YOUR-HOST/widget/widget.js" data-inbox="INBOX_KEY" async></script>
 *
 * Vanilla JavaScript (ES2017), no dependencies, no build step. Everything is
 * rendered inside an open Shadow DOM so the host page's CSS cannot affect the
 * widget and the widget's CSS cannot leak into the host page.
 *
 * Host page API: window.Tandem.open(), window.Tandem.close(), window.Tandem.toggle()
 *
 * This file is kept pure ASCII on purpose (non-ASCII text is written as \u
 * escapes) so it works even when a host page uses a legacy charset.
 */
(function () {
  'use strict';

  if (window.Tandem && window.Tandem.__tandemWidget) {
    return; // already loaded on this page
  }

  // ---------------------------------------------------------------------------
  // Configuration
  // ---------------------------------------------------------------------------

  var VERSION = '1.0.0';
  var MAX_LEN = 4000;
  var COUNTER_FROM = 3600;
  var MAX_ATTEMPTS = 5;
  var MAX_RATE_LIMIT_WAITS = 6;
  var REQUEST_TIMEOUT_MS = 20000;
  var GROUP_GAP_MS = 5 * 60 * 1000;
  var HANDOFF_MESSAGE = "I'd like to talk to a person.";
  var DEFAULT_COLOR = '#2f6f4e';
  var ELLIPSIS = '\u2026';

  var TEXT = {
    placeholder: 'Write a message' + ELLIPSIS,
    messageLabel: 'Message',
    send: 'Send message',
    close: 'Close chat',
    handoff: 'Talk to a person',
    aiNotice: "You're chatting with an AI assistant. You can ask for a person at any time.",
    aiLabel: 'AI assistant',
    typing: 'The AI assistant is typing' + ELLIPSIS,
    queued: 'A member of our team will be with you shortly',
    assigned: function (name) { return "You're chatting with " + name; },
    resolved: 'This conversation was resolved. Write again any time to reopen it.',
    rateLimited: "You're sending messages too quickly, please wait a moment.",
    reconnecting: 'Connection lost. Reconnecting' + ELLIPSIS,
    sending: 'Sending' + ELLIPSIS,
    notSent: 'Not sent',
    retry: 'Retry',
    addDetails: 'Add your details',
    hideDetails: 'Hide details',
    name: 'Your name',
    email: 'Email (optional, so we can follow up)',
    invalidEmail: 'Please check your email address, or leave it empty.',
    handoffFailed: "Sorry, we couldn't reach our team just now. Please try again.",
    sources: 'Sources',
    choicesLabel: 'Articles to choose from',
    helpfulQuestion: 'Did this answer your question?',
    helpfulYes: 'Yes',
    helpfulNo: 'No',
    helpfulThanks: 'Thanks for your feedback!',
    rateTitle: 'How did we do?',
    rateLabel: function (n) { return n + (n === 1 ? ' of 5, very poor' : n === 5 ? ' of 5, very good' : ' of 5'); },
    rateComment: 'Anything to add? (optional)',
    rateSend: 'Send rating',
    rateChoose: 'Choose a rating from 1 to 5.',
    rateThanks: 'Thank you for your rating!',
    you: 'You',
    ourTeam: 'our team',
    poweredBy: 'Powered by Tandem'
  };

  // The follow-up card under the "nobody is online" notice speaks the notice's language (the server
  // writes the notice in the customer's language and says which: message.language).
  var FOLLOW_UP_TEXT = {
    en: {
      label: 'Your email address',
      placeholder: 'name@example.com',
      send: 'Send',
      sending: 'Sending\u2026',
      hint: 'We\u2019ll reply to you by email as soon as we\u2019re back.',
      required: 'Please enter your email address.',
      invalid: 'Please enter a valid email address, like name@example.com.',
      failed: 'Sorry, we couldn\u2019t save your address. Please try again.',
      done: 'We\u2019ll reply to {email}',
      doneHint: 'You can close this page: our answer will come by email.',
      change: 'Change',
      away: 'Our team is away right now'
    },
    es: {
      label: 'Tu correo electr\u00f3nico',
      placeholder: 'nombre@ejemplo.com',
      send: 'Enviar',
      sending: 'Enviando\u2026',
      hint: 'Te responderemos por email en cuanto volvamos.',
      required: 'Escribe tu correo electr\u00f3nico.',
      invalid: 'Escribe un correo electr\u00f3nico v\u00e1lido, como nombre@ejemplo.com.',
      failed: 'Lo sentimos, no pudimos guardar tu correo. Int\u00e9ntalo de nuevo.',
      done: 'Te responderemos a {email}',
      doneHint: 'Puedes cerrar esta p\u00e1gina: nuestra respuesta llegar\u00e1 por email.',
      change: 'Cambiar',
      away: 'Nuestro equipo no est\u00e1 disponible ahora mismo'
    },
    fr: {
      label: 'Votre adresse e-mail',
      placeholder: 'nom@exemple.com',
      send: 'Envoyer',
      sending: 'Envoi\u2026',
      hint: 'Nous vous r\u00e9pondrons par e-mail d\u00e8s notre retour.',
      required: 'Veuillez saisir votre adresse e-mail.',
      invalid: 'Veuillez saisir une adresse e-mail valide, par exemple nom@exemple.com.',
      failed: 'D\u00e9sol\u00e9s, nous n\u2019avons pas pu enregistrer votre adresse. Veuillez r\u00e9essayer.',
      done: 'Nous vous r\u00e9pondrons \u00e0 {email}',
      doneHint: 'Vous pouvez fermer cette page : notre r\u00e9ponse arrivera par e-mail.',
      change: 'Modifier',
      away: 'Notre \u00e9quipe est absente pour le moment'
    },
    de: {
      label: 'Ihre E-Mail-Adresse',
      placeholder: 'name@beispiel.de',
      send: 'Senden',
      sending: 'Wird gesendet\u2026',
      hint: 'Wir antworten Ihnen per E-Mail, sobald wir zur\u00fcck sind.',
      required: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
      invalid: 'Bitte geben Sie eine g\u00fcltige E-Mail-Adresse ein, z. B. name@beispiel.de.',
      failed: 'Ihre Adresse konnte leider nicht gespeichert werden. Bitte versuchen Sie es erneut.',
      done: 'Wir antworten an {email}',
      doneHint: 'Sie k\u00f6nnen diese Seite schlie\u00dfen: Unsere Antwort kommt per E-Mail.',
      change: '\u00c4ndern',
      away: 'Unser Team ist gerade nicht erreichbar'
    },
    pt: {
      label: 'Seu e-mail',
      placeholder: 'nome@exemplo.com',
      send: 'Enviar',
      sending: 'Enviando\u2026',
      hint: 'Responderemos por e-mail assim que voltarmos.',
      required: 'Digite seu e-mail.',
      invalid: 'Digite um e-mail v\u00e1lido, como nome@exemplo.com.',
      failed: 'N\u00e3o foi poss\u00edvel salvar seu e-mail. Tente novamente.',
      done: 'Responderemos para {email}',
      doneHint: 'Voc\u00ea pode fechar esta p\u00e1gina: nossa resposta chegar\u00e1 por e-mail.',
      change: 'Alterar',
      away: 'Nossa equipe est\u00e1 ausente no momento'
    },
    it: {
      label: 'Il suo indirizzo email',
      placeholder: 'nome@esempio.it',
      send: 'Invia',
      sending: 'Invio in corso\u2026',
      hint: 'Le risponderemo via email appena torniamo.',
      required: 'Inserisca il suo indirizzo email.',
      invalid: 'Inserisca un indirizzo email valido, ad esempio nome@esempio.it.',
      failed: 'Non siamo riusciti a salvare il suo indirizzo. Riprovi.',
      done: 'Le risponderemo a {email}',
      doneHint: 'Pu\u00f2 chiudere questa pagina: la nostra risposta arriver\u00e0 via email.',
      change: 'Modifica',
      away: 'Il nostro team al momento non \u00e8 disponibile'
    },
    nl: {
      label: 'Uw e-mailadres',
      placeholder: 'naam@voorbeeld.nl',
      send: 'Versturen',
      sending: 'Versturen\u2026',
      hint: 'We antwoorden u per e-mail zodra we terug zijn.',
      required: 'Vul uw e-mailadres in.',
      invalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
      failed: 'Uw adres kon helaas niet worden opgeslagen. Probeer het opnieuw.',
      done: 'We sturen ons antwoord naar {email}',
      doneHint: 'U kunt deze pagina sluiten: ons antwoord komt per e-mail.',
      change: 'Wijzigen',
      away: 'Ons team is nu niet bereikbaar'
    }
  };
  var FOLLOW_UP_OFFER = 'FOLLOW_UP_OFFER';
  var CHOICES = 'CHOICES';
  var EMAIL_MAX = 320;

  // ---------------------------------------------------------------------------
  // Locate our <script> tag, the inbox key and the API origin
  // ---------------------------------------------------------------------------

  var scriptEl = document.currentScript || document.querySelector('script[data-inbox]');
  var inboxKey = scriptEl ? (scriptEl.getAttribute('data-inbox') || '').trim() : '';
  if (!inboxKey) {
    if (window.console) console.warn('[Tandem] The widget <script> tag needs a data-inbox="..." attribute.');
    return;
  }

  var apiBase = (function () {
    var explicit = scriptEl.getAttribute('data-api-base');
    var candidate = explicit || scriptEl.src || '';
    try {
      var u = new URL(candidate, window.location.href);
      if (u.origin && u.origin !== 'null') {
        return explicit ? u.href.replace(/\/+$/, '') : u.origin;
      }
    } catch (e) { /* ignore */ }
    return window.location.origin;
  })();

  var STORE_KEY = 'tandem:' + inboxKey;

  // ---------------------------------------------------------------------------
  // Small utilities
  // ---------------------------------------------------------------------------

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function uuid() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') {
      try { return c.randomUUID(); } catch (e) { /* insecure context */ }
    }
    var b = new Uint8Array(16);
    if (c && c.getRandomValues) {
      c.getRandomValues(b);
    } else {
      for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function backoff(attempt, base, max) {
    var ms = Math.min(max, base * Math.pow(2, attempt));
    return Math.round(ms * (0.8 + Math.random() * 0.4));
  }

  function normalizeText(s) {
    return String(s == null ? '' : s).replace(/\r\n?/g, '\n').trim();
  }

  // Java's Instant/OffsetDateTime may print up to 9 fractional digits; some browsers
  // only accept 3, so trim them before parsing.
  function parseTime(iso) {
    if (!iso) return 0;
    var s = String(iso).replace(/(\.\d{3})\d+/, '$1');
    var t = Date.parse(s);
    return isNaN(t) ? 0 : t;
  }

  var timeFmt = safeFormat({ hour: 'numeric', minute: '2-digit' });
  var dayTimeFmt = safeFormat({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  var fullFmt = safeFormat({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' });

  function safeFormat(opts) {
    try {
      var f = new Intl.DateTimeFormat(undefined, opts);
      return function (d) { return f.format(d); };
    } catch (e) {
      return function (d) { return d.toLocaleString(); };
    }
  }

  function shortTime(t) {
    if (!t) return '';
    var d = new Date(t);
    var now = new Date();
    var sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
    return sameDay ? timeFmt(d) : dayTimeFmt(d);
  }

  function longTime(t) {
    return t ? fullFmt(new Date(t)) : '';
  }

  // --- colours --------------------------------------------------------------

  function parseHex(color) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(color || '').trim());
    if (!m) return null;
    var h = m[1];
    if (h.length === 3) h = h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }

  function luminance(rgb) {
    var a = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
  }

  function contrastRatio(l1, l2) {
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  function toHex(rgb) {
    return '#' + rgb.map(function (v) { return (Math.round(v) + 0x100).toString(16).slice(1); }).join('');
  }

  function rgba(rgb, a) {
    return 'rgba(' + rgb.map(Math.round).join(',') + ',' + a + ')';
  }

  function themeFor(color) {
    var rgb = parseHex(color) || parseHex(DEFAULT_COLOR);
    var lum = luminance(rgb);
    // Pick black or white text, whichever contrasts more with the accent.
    var darkText = contrastRatio(lum, 0) > contrastRatio(lum, 1);
    // A variant of the accent that is readable as text / focus ring on white.
    var ink = rgb.slice();
    for (var i = 0; i < 30 && contrastRatio(luminance(ink), 1) < 4.5; i++) {
      ink = ink.map(function (v) { return v * 0.88; });
    }
    return {
      '--tw-accent': toHex(rgb),
      '--tw-on-accent': darkText ? '#111418' : '#ffffff',
      '--tw-on-accent-muted': darkText ? 'rgba(17,20,24,0.72)' : 'rgba(255,255,255,0.82)',
      '--tw-overlay': darkText ? 'rgba(0,0,0,0.08)' : 'rgba(255,255,255,0.16)',
      '--tw-overlay-strong': darkText ? 'rgba(0,0,0,0.14)' : 'rgba(255,255,255,0.26)',
      '--tw-overlay-border': darkText ? 'rgba(0,0,0,0.18)' : 'rgba(255,255,255,0.34)',
      '--tw-accent-ink': toHex(ink),
      '--tw-accent-soft': rgba(rgb, 0.16),
      '--tw-accent-tint': rgba(rgb, 0.07)
    };
  }

  // --- DOM helpers ------------------------------------------------------------

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v == null || v === false) return;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.slice(0, 2) === 'on' && typeof v === 'function') node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    appendChildren(node, children);
    return node;
  }

  function appendChildren(node, children) {
    if (children == null) return;
    [].concat(children).forEach(function (c) {
      if (c == null || c === false) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
  }

  // Icons are constant strings defined in this file (never user content).
  var ICONS = {
    chat: '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3.5c-5.1 0-9.2 3.6-9.2 8.1 0 2.2 1 4.2 2.6 5.7l-.9 3.6c-.1.4.3.8.7.6l4.2-1.8c.8.2 1.7.3 2.6.3 5.1 0 9.2-3.6 9.2-8.1S17.1 3.5 12 3.5z"/><circle class="tw-dot" cx="8" cy="11.7" r="1.25"/><circle class="tw-dot" cx="12" cy="11.7" r="1.25"/><circle class="tw-dot" cx="16" cy="11.7" r="1.25"/></svg>',
    chevron: '<svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false"><path d="M6 9.5l6 6 6-6" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>',
    close: '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M6.5 6.5l11 11M17.5 6.5l-11 11" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>',
    send: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M12 19V5.5M5.5 11.5L12 5l6.5 6.5" fill="none" stroke="currentColor" stroke-width="2.3" stroke-linecap="round" stroke-linejoin="round"/></svg>',
    person: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="12" cy="8" r="3.6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M4.8 19.5c.8-3.4 3.6-5.3 7.2-5.3s6.4 1.9 7.2 5.3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>',
    sparkle: '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2.5l2 5.6 5.6 2-5.6 2-2 5.6-2-5.6-5.6-2 5.6-2zM18.5 15l.9 2.3 2.3.9-2.3.9-.9 2.3-.9-2.3-2.3-.9 2.3-.9z"/></svg>',
    check: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>',
    alert: '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 7.5v5.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><circle cx="12" cy="16.6" r="1.2" fill="currentColor"/></svg>',
    mail: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><rect x="3.5" y="5.5" width="17" height="13" rx="2.2" fill="none" stroke="currentColor" stroke-width="1.9"/><path d="M4.5 7l7.5 5.6L19.5 7" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/></svg>',
    plus: '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><path d="M12 5v14M5 12h14" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>',
    link: '<svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false"><path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>'
  };

  function icon(name, cls) {
    var t = document.createElement('template');
    t.innerHTML = ICONS[name];
    var svg = t.content.firstChild;
    if (cls) svg.setAttribute('class', cls);
    return svg;
  }

  function safeUrl(url) {
    try {
      var u = new URL(String(url), window.location.href);
      return (u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:') ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // Appends text to a node as text nodes, turning bare http(s) URLs into links.
  // Never uses innerHTML with message content.
  var URL_RE = /\bhttps?:\/\/[^\s<>"']+/gi;
  function appendRichText(node, text) {
    text = String(text == null ? '' : text);
    var last = 0;
    var m;
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text)) !== null) {
      var raw = m[0];
      var trimmed = raw.replace(/[.,;:!?)\]}'"]+$/, '');
      var start = m.index;
      var href = safeUrl(trimmed);
      if (!href || !trimmed) continue;
      if (start > last) node.appendChild(document.createTextNode(text.slice(last, start)));
      node.appendChild(h('a', { href: href, target: '_blank', rel: 'noopener noreferrer nofollow', text: trimmed }));
      last = start + trimmed.length;
      URL_RE.lastIndex = last;
    }
    if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
  }

  // ---------------------------------------------------------------------------
  // Persistence (localStorage, falling back to memory)
  // ---------------------------------------------------------------------------

  var memoryStore = null;

  function loadStore() {
    try {
      var raw = window.localStorage.getItem(STORE_KEY);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return memoryStore;
    }
  }

  function saveStore() {
    var data = { open: !!state.open };
    if (state.conv) {
      data.id = state.conv.id;
      data.token = state.conv.token;
    }
    if (state.seenAt) data.seenAt = state.seenAt;
    if (state.ratedConv) data.ratedConv = state.ratedConv;
    memoryStore = data;
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify(data));
    } catch (e) { /* storage disabled: keep in memory */ }
  }

  // ---------------------------------------------------------------------------
  // HTTP
  // ---------------------------------------------------------------------------

  function HttpResult(status, headers, data) {
    this.status = status;
    this.ok = status >= 200 && status < 300;
    this.headers = headers;
    this.data = data;
  }

  function problemText(res) {
    var d = res && res.data;
    if (d && typeof d === 'object') return d.detail || d.title || null;
    return null;
  }

  // One HTTP round trip. Resolves with an HttpResult, rejects on network failure/timeout.
  async function request(method, path, opts) {
    opts = opts || {};
    var headers = { 'Accept': 'application/json, application/problem+json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.token) headers['X-Conversation-Token'] = opts.token;
    var ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = ctrl ? setTimeout(function () { ctrl.abort(); }, REQUEST_TIMEOUT_MS) : null;
    try {
      var res = await fetch(apiBase + path, {
        method: method,
        headers: headers,
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        credentials: 'omit',
        mode: 'cors',
        cache: 'no-store',
        signal: ctrl ? ctrl.signal : undefined
      });
      var data = null;
      var text = await res.text();
      if (text) {
        try { data = JSON.parse(text); } catch (e) { data = text; }
      }
      return new HttpResult(res.status, res.headers, data);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  function retryAfterMs(res) {
    var v = res.headers && res.headers.get('Retry-After');
    var ms = NaN;
    if (v) {
      var secs = Number(v);
      ms = isNaN(secs) ? Date.parse(v) - Date.now() : secs * 1000;
    }
    if (isNaN(ms)) ms = 5000; // header missing or not exposed via CORS
    return Math.min(Math.max(ms, 1000), 120000);
  }

  // Runs fn (which performs a request) with retries: network errors, timeouts and 5xx
  // are retried with exponential backoff (max MAX_ATTEMPTS attempts); 429 waits for
  // Retry-After and shows a polite notice. Only use for idempotent operations.
  async function withRetry(fn) {
    var attempt = 0;
    var rateLimited = 0;
    for (;;) {
      var res = null;
      var err = null;
      try {
        res = await fn();
      } catch (e) {
        err = e;
      }
      if (res && res.status === 429 && rateLimited < MAX_RATE_LIMIT_WAITS) {
        rateLimited++;
        setNotice('rate', TEXT.rateLimited);
        await sleep(retryAfterMs(res));
        continue;
      }
      if (rateLimited) setNotice('rate', null);
      var retryable = err || (res && (res.status >= 500 || res.status === 408));
      if (!retryable) return res;
      attempt++;
      if (attempt >= MAX_ATTEMPTS) {
        if (res) return res;
        throw err;
      }
      await sleep(backoff(attempt - 1, 800, 8000));
    }
  }

  function convPath(id) {
    return '/api/widget/conversations/' + encodeURIComponent(id);
  }

  function isGone(res) {
    return res && (res.status === 401 || res.status === 403 || res.status === 404);
  }

  // ---------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------

  var state = {
    inbox: null,
    open: false,
    conv: null,          // { id, token }
    status: null,        // AI | QUEUED | ASSIGNED | RESOLVED
    records: new Map(),  // message id -> { msg, t, seq, node }
    pending: [],         // optimistic customer messages
    feedback: {},        // AI answer id -> true/false: what the customer said of it this visit
    seenAt: 0,
    wantHandoff: false,
    handoffBusy: false,
    notices: {},         // kind -> text
    connectionDown: false,
    followUpEmail: null, // the address the server holds for a reply by email
    followUpEditing: false,
    followUpBusy: false,
    rating: { value: 0, busy: false, error: null, done: false },
    ratedConv: null,     // the conversation this browser rated (kept across reloads)
    reply: null          // { inReplyTo, text }: the assistant's reply while it is written (LLM mode)
  };
  var seq = 0;
  var ui = null;

  // ---------------------------------------------------------------------------
  // Styles (all CSS lives in the shadow root)
  // ---------------------------------------------------------------------------

  var CSS = [
    ':host{all:initial !important;}',
    '.tw-root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif,"Apple Color Emoji","Segoe UI Emoji";font-size:15px;line-height:1.45;color:#1d2330;-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale;-webkit-text-size-adjust:100%;text-size-adjust:100%;text-align:left;letter-spacing:normal;}',
    /* Resets use bare element selectors (lowest specificity); the shadow root scopes them. */
    '*,*::before,*::after{box-sizing:border-box;}',
    'button,input,textarea{font:inherit;color:inherit;margin:0;letter-spacing:inherit;}',
    'button{cursor:pointer;-webkit-tap-highlight-color:transparent;}',
    '[hidden]{display:none !important;}',
    'svg{display:block;flex-shrink:0;}',
    'h2{margin:0;}',
    '.tw-sr{position:absolute !important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;}',

    /* launcher */
    '.tw-launcher{position:fixed;right:max(20px,env(safe-area-inset-right));bottom:max(20px,env(safe-area-inset-bottom));z-index:2147483000;width:60px;height:60px;padding:0;border:0;border-radius:50%;background:var(--tw-accent);color:var(--tw-on-accent);display:flex;align-items:center;justify-content:center;box-shadow:0 8px 24px rgba(16,24,40,.22),0 2px 6px rgba(16,24,40,.14);transition:transform .2s cubic-bezier(.2,.8,.3,1),box-shadow .2s ease;}',
    '.tw-launcher:hover{transform:scale(1.06);box-shadow:0 10px 30px rgba(16,24,40,.26),0 3px 8px rgba(16,24,40,.16);}',
    '.tw-launcher:active{transform:scale(.97);}',
    '.tw-launcher:focus{outline:none;}',
    '.tw-launcher:focus-visible{box-shadow:0 0 0 3px #fff,0 0 0 6px var(--tw-accent-ink),0 8px 24px rgba(16,24,40,.22);}',
    '.tw-launcher .tw-dot{fill:var(--tw-accent);}',
    '.tw-launcher-icon{position:absolute;transition:transform .25s cubic-bezier(.2,.8,.3,1),opacity .2s ease;}',
    '.tw-launcher-icon--close{opacity:0;transform:rotate(-90deg) scale(.6);}',
    '.tw-open .tw-launcher-icon--chat{opacity:0;transform:rotate(90deg) scale(.6);}',
    '.tw-open .tw-launcher-icon--close{opacity:1;transform:none;}',
    '.tw-badge{position:absolute;top:-3px;right:-3px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#d92d20;color:#fff;font-size:12px;font-weight:700;line-height:18px;text-align:center;border:2px solid #fff;box-shadow:0 2px 6px rgba(16,24,40,.25);animation:tw-pop .3s cubic-bezier(.2,.8,.3,1.4);}',

    /* panel */
    '.tw-panel{position:fixed;right:20px;bottom:96px;z-index:2147483001;width:360px;height:560px;max-width:calc(100vw - 40px);max-height:calc(100vh - 116px);display:flex;flex-direction:column;overflow:hidden;background:#fff;border-radius:18px;box-shadow:0 16px 48px rgba(16,24,40,.2),0 4px 12px rgba(16,24,40,.08),0 0 0 1px rgba(16,24,40,.05);opacity:0;visibility:hidden;transform:translateY(16px) scale(.98);transform-origin:bottom right;transition:opacity .2s ease,transform .24s cubic-bezier(.2,.8,.3,1),visibility 0s linear .24s;}',
    '.tw-open .tw-panel{opacity:1;visibility:visible;transform:none;transition:opacity .2s ease,transform .24s cubic-bezier(.2,.8,.3,1),visibility 0s;}',

    /* header */
    '.tw-header{flex-shrink:0;display:flex;align-items:flex-start;gap:12px;padding:16px 12px 16px 18px;background:var(--tw-accent);color:var(--tw-on-accent);}',
    '.tw-avatar{width:42px;height:42px;border-radius:50%;flex-shrink:0;display:flex;align-items:center;justify-content:center;background:var(--tw-overlay-strong);font-size:18px;font-weight:700;}',
    '.tw-header-main{flex:1;min-width:0;}',
    '.tw-title{font-size:16.5px;font-weight:700;line-height:1.3;margin:1px 0 0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;}',
    '.tw-subtitle{font-size:12.5px;color:var(--tw-on-accent-muted);margin:1px 0 0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;}',
    '.tw-handoff{margin-top:8px;display:inline-flex;align-items:center;gap:6px;height:32px;padding:0 14px 0 11px;border-radius:16px;border:1px solid var(--tw-overlay-border);background:var(--tw-overlay);color:inherit;font-size:13px;font-weight:600;line-height:1;white-space:nowrap;transition:background-color .15s ease;}',
    '.tw-handoff:hover{background:var(--tw-overlay-strong);}',
    '.tw-handoff[aria-disabled="true"]{opacity:.7;cursor:progress;}',
    '.tw-close{width:38px;height:38px;padding:0;border:0;border-radius:10px;background:transparent;color:inherit;display:flex;align-items:center;justify-content:center;flex-shrink:0;transition:background-color .15s ease;}',
    '.tw-close:hover{background:var(--tw-overlay);}',
    '.tw-header :focus{outline:none;}',
    '.tw-header :focus-visible{outline:2px solid var(--tw-on-accent);outline-offset:2px;}',

    /* notices under the header */
    '.tw-ai{flex-shrink:0;display:flex;gap:8px;align-items:flex-start;padding:8px 16px;background:#f4f2ff;color:#3d3480;font-size:12.5px;line-height:1.4;border-bottom:1px solid #e6e1fb;}',
    '.tw-ai svg{margin-top:1px;}',
    '.tw-status{flex-shrink:0;display:flex;gap:9px;align-items:center;padding:9px 16px;background:#fbfbfc;color:#344054;font-size:13px;line-height:1.4;border-bottom:1px solid #eceef2;}',
    '.tw-status-dot{width:8px;height:8px;border-radius:50%;flex-shrink:0;background:#f79009;box-shadow:0 0 0 3px rgba(247,144,9,.18);}',
    '.tw-status[data-status="QUEUED"] .tw-status-dot{animation:tw-pulse 1.8s ease-in-out infinite;}',
    '.tw-status[data-away="true"] .tw-status-dot{background:#98a2b3;box-shadow:0 0 0 3px rgba(152,162,179,.2);animation:none;}',
    '.tw-status[data-status="ASSIGNED"] .tw-status-dot{background:#12b76a;box-shadow:0 0 0 3px rgba(18,183,106,.18);}',
    '.tw-status[data-status="RESOLVED"]{color:#475467;}',
    '.tw-status[data-status="RESOLVED"] svg{color:#12b76a;}',

    /* message log */
    '.tw-log{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:14px 14px 12px;background:#f7f8fa;scrollbar-width:thin;}',
    '.tw-log:focus{outline:none;}',
    '.tw-log:focus-visible{box-shadow:inset 0 0 0 2px var(--tw-accent-ink);}',
    '.tw-msg{display:flex;flex-direction:column;align-items:flex-start;margin-top:3px;animation:tw-in .22s ease-out;}',
    '.tw-msg.tw-first{margin-top:14px;}',
    '.tw-msg:first-child{margin-top:2px;}',
    '.tw-label{display:flex;align-items:center;gap:5px;margin:0 0 4px 4px;font-size:12px;font-weight:600;color:#475467;}',
    '.tw-msg:not(.tw-first) .tw-label{display:none;}',
    '.tw-bubble{max-width:84%;padding:9px 13px;border-radius:18px;background:#fff;color:#1d2330;border:1px solid #e8eaef;box-shadow:0 1px 2px rgba(16,24,40,.05);white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;}',
    '.tw-bubble a{color:var(--tw-accent-ink);text-decoration:underline;text-underline-offset:2px;}',
    '.tw-msg:not(.tw-first) .tw-bubble{border-top-left-radius:6px;}',
    '.tw-msg:not(.tw-last) .tw-bubble{border-bottom-left-radius:6px;}',
    '.tw-msg--customer{align-items:flex-end;}',
    '.tw-msg--customer .tw-bubble{background:var(--tw-accent);color:var(--tw-on-accent);border-color:transparent;border-radius:18px;box-shadow:0 1px 2px rgba(16,24,40,.08);}',
    '.tw-msg--customer .tw-bubble a{color:inherit;}',
    '.tw-msg--customer:not(.tw-first) .tw-bubble{border-top-right-radius:6px;}',
    '.tw-msg--customer:not(.tw-last) .tw-bubble{border-bottom-right-radius:6px;}',
    '.tw-msg--ai .tw-label{color:#5b4bc4;}',
    '.tw-typing .tw-bubble{display:inline-flex;align-items:center;gap:4px;padding:12px 14px;}',
    '.tw-typing-dot{width:7px;height:7px;border-radius:50%;background:#98a2b3;animation:tw-typing 1.2s infinite ease-in-out;}',
    '.tw-typing-dot:nth-child(2){animation-delay:.15s;}',
    '.tw-typing-dot:nth-child(3){animation-delay:.3s;}',
    '@keyframes tw-typing{0%,60%,100%{opacity:.35;transform:translateY(0);}30%{opacity:1;transform:translateY(-3px);}}',
    /* the assistant's reply while it is written: sentences fade in behind a caret; the posted reply takes its place */
    '.tw-msg--writing .tw-bubble::after{content:"";display:inline-block;width:7px;height:7px;margin-left:6px;border-radius:50%;background:#98a2b3;vertical-align:middle;animation:tw-typing 1.2s infinite ease-in-out;}',
    '.tw-new{animation:tw-fade .35s ease-out;}',
    '.tw-bubble--replaced{animation:tw-replace .32s ease-out;}',
    '.tw-msg--settled .tw-sources{animation:tw-in .22s ease-out;}',
    '@keyframes tw-fade{from{opacity:0;}to{opacity:1;}}',
    '@keyframes tw-replace{from{opacity:.2;filter:blur(1.5px);}to{opacity:1;filter:none;}}',
    '.tw-msg--system{align-items:center;margin:12px 0 !important;}',
    '.tw-msg--system .tw-bubble{max-width:90%;padding:2px 12px;background:none;border:0;box-shadow:none;color:#5d6675;font-size:12.5px;text-align:center;}',
    '.tw-time{display:none;margin:4px 6px 0;font-size:11px;color:#667085;}',
    '.tw-msg.tw-last .tw-time{display:block;}',
    '.tw-msg--system .tw-time{display:none !important;}',
    '.tw-msg[data-state="sending"] .tw-bubble{opacity:.65;}',
    '.tw-msg[data-state="failed"] .tw-bubble{opacity:.55;}',
    '.tw-msg-state{display:flex;align-items:center;gap:5px;margin:4px 6px 0;font-size:11.5px;color:#667085;}',
    '.tw-msg[data-state="failed"] .tw-msg-state{color:#b42318;font-weight:600;}',
    '.tw-retry{padding:1px 4px;border:0;background:none;color:#b42318;font-size:11.5px;font-weight:700;text-decoration:underline;text-underline-offset:2px;border-radius:4px;}',
    '.tw-retry:focus{outline:none;}',
    '.tw-choices{display:flex;flex-direction:column;align-items:flex-start;gap:6px;margin-top:6px;}',
    '.tw-choice{padding:7px 12px;border:1px solid var(--tw-accent,#2f6f4e);border-radius:16px;background:#fff;color:var(--tw-accent,#2f6f4e);font:inherit;font-size:13px;text-align:left;cursor:pointer;}',
    '.tw-choice:hover:not([disabled]){background:#f1f6f3;}',
    '.tw-choice[disabled]{opacity:.55;cursor:default;}',
    '.tw-choice:focus-visible,.tw-fb:focus-visible{outline:2px solid var(--tw-accent,#2f6f4e);outline-offset:2px;}',
    '.tw-feedback{display:flex;align-items:center;flex-wrap:wrap;gap:6px;margin-top:6px;font-size:12px;color:#555;}',
    '.tw-fb{padding:2px 10px;border:1px solid #c9ccd1;border-radius:12px;background:#fff;color:#333;font:inherit;font-size:12px;cursor:pointer;}',
    '.tw-fb:hover{background:#f3f4f6;}',
    '.tw-retry:focus-visible{outline:2px solid #b42318;outline-offset:1px;}',
    '.tw-sources{max-width:84%;margin:6px 0 0;padding:9px 12px 10px;list-style:none;background:#fff;border:1px solid #e8eaef;border-radius:14px;font-size:12.5px;line-height:1.35;}',
    '.tw-sources-title{margin:0 0 5px;font-size:10.5px;font-weight:700;text-transform:uppercase;letter-spacing:.06em;color:#667085;}',
    '.tw-sources li+li{margin-top:7px;}',
    '.tw-sources a{display:inline-flex;align-items:center;gap:4px;color:var(--tw-accent-ink);font-weight:600;text-decoration:none;border-radius:3px;}',
    '.tw-sources a:hover{text-decoration:underline;}',
    '.tw-sources a:focus{outline:none;}',
    '.tw-sources a:focus-visible,.tw-bubble a:focus-visible{outline:2px solid var(--tw-accent-ink);outline-offset:2px;}',
    '.tw-snippet{margin-top:2px;color:#5d6675;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;}',

    /* follow-up by email: a card under the "nobody is online" notice */
    '.tw-fu{width:100%;margin-top:8px;padding:12px 12px 11px;background:#fff;border:1px solid #e8eaef;border-radius:14px;box-shadow:0 1px 2px rgba(16,24,40,.05);color:#1d2330;font-size:13.5px;line-height:1.4;text-align:left;animation:tw-in .22s ease-out;}',
    '.tw-fu p{margin:0;}',
    '.tw-fu-label{display:flex;align-items:center;gap:6px;margin:0 0 7px;font-size:13px;font-weight:600;color:#1d2330;}',
    '.tw-fu-label svg{color:var(--tw-accent-ink);}',
    '.tw-fu-row{display:flex;gap:8px;align-items:stretch;}',
    '.tw-fu-row .tw-input{flex:1;min-width:0;}',
    '.tw-fu-send{flex-shrink:0;height:36px;padding:0 16px;border:0;border-radius:10px;background:var(--tw-accent);color:var(--tw-on-accent);font-size:13.5px;font-weight:600;white-space:nowrap;transition:filter .15s ease;}',
    '.tw-fu-send:hover{filter:brightness(1.06);}',
    '.tw-fu-send[aria-disabled="true"]{opacity:.72;cursor:progress;}',
    '.tw-fu-send:focus{outline:none;}',
    '.tw-fu-send:focus-visible{outline:2px solid var(--tw-accent-ink);outline-offset:2px;}',
    '.tw-fu-hint{margin-top:7px !important;font-size:12px;color:#5d6675;}',
    '.tw-fu-error{display:flex;gap:6px;align-items:flex-start;margin-top:7px !important;font-size:12px;font-weight:600;color:#b42318;}',
    '.tw-fu-error svg{margin-top:1px;}',
    '.tw-rate{align-self:stretch;margin-top:10px;padding:12px;background:#fff;border:1px solid #e8eaef;border-radius:14px;box-shadow:0 1px 2px rgba(16,24,40,.05);font-size:13.5px;line-height:1.4;animation:tw-in .22s ease-out;}',
    '.tw-rate-title{margin:0 0 8px;font-weight:700;}',
    '.tw-rate-row{display:flex;gap:6px;margin-bottom:8px;}',
    '.tw-rate-n{flex:1;height:36px;border:1px solid #d0d5dd;border-radius:10px;background:#fff;font-weight:700;font-size:15px;transition:background-color .15s ease,border-color .15s ease;}',
    '.tw-rate-n:hover{border-color:var(--tw-accent-ink);}',
    '.tw-rate-n[aria-checked="true"]{background:var(--tw-accent);border-color:var(--tw-accent);color:var(--tw-on-accent);}',
    '.tw-rate-n:focus{outline:none;}',
    '.tw-rate-n:focus-visible{outline:2px solid var(--tw-accent-ink);outline-offset:2px;}',
    '.tw-rate-comment{display:block;width:100%;min-height:44px;margin-bottom:8px;padding:7px 9px;border:1px solid #d0d5dd;border-radius:10px;resize:vertical;font-size:13.5px;}',
    '.tw-rate-done{margin:0;font-weight:600;color:#067647;}',
    '.tw-fu-done{display:flex;gap:10px;align-items:flex-start;}',
    /* focused only so that a screen reader reads the confirmation; not a control, so no ring */
    '.tw-fu-done:focus{outline:none;}',
    '.tw-fu-check{width:28px;height:28px;border-radius:50%;flex-shrink:0;display:flex;align-items:center;justify-content:center;background:#ecfdf3;color:#067647;}',
    '.tw-fu-done-main{flex:1;min-width:0;}',
    '.tw-fu-done-title{font-weight:600;padding-top:3px;}',
    '.tw-fu-done-title strong{display:inline-block;max-width:100%;overflow-wrap:anywhere;}',
    '.tw-fu-done-hint{margin-top:2px !important;font-size:12px;color:#5d6675;}',
    '.tw-fu-change{display:inline-flex;margin:3px 0 0 -6px;padding:3px 6px;border:0;border-radius:6px;background:none;color:var(--tw-accent-ink);font-size:12.5px;font-weight:600;text-decoration:underline;text-underline-offset:2px;}',
    '.tw-fu-change:hover{background:var(--tw-accent-tint);}',
    '.tw-fu-change:focus{outline:none;}',
    '.tw-fu-change:focus-visible{outline:2px solid var(--tw-accent-ink);outline-offset:1px;}',

    /* composer */
    '.tw-composer{flex-shrink:0;padding:10px 12px 8px;background:#fff;border-top:1px solid #eceef2;}',
    '.tw-notice{display:flex;gap:7px;align-items:flex-start;margin:0 0 8px;padding:8px 11px;border-radius:10px;background:#fffaeb;border:1px solid #fedf89;color:#7a2e0e;font-size:12.5px;line-height:1.4;}',
    '.tw-notice svg{margin-top:1px;}',
    '.tw-details{margin:0 0 8px;}',
    '.tw-details-toggle{display:inline-flex;align-items:center;gap:5px;padding:3px 6px;margin-left:-4px;border:0;border-radius:6px;background:none;color:var(--tw-accent-ink);font-size:12.5px;font-weight:600;}',
    '.tw-details-toggle:hover{background:var(--tw-accent-tint);}',
    '.tw-details-toggle[aria-expanded="true"] svg{transform:rotate(45deg);}',
    '.tw-details-toggle svg{transition:transform .15s ease;}',
    '.tw-details-fields{display:grid;gap:6px;margin-top:6px;}',
    '.tw-input{width:100%;height:36px;padding:0 12px;border:1px solid #d0d5dd;border-radius:10px;background:#fff;font-size:13.5px;transition:border-color .15s ease,box-shadow .15s ease;}',
    '.tw-input::placeholder{color:#7a8393;}',
    '.tw-input:focus{outline:none;border-color:var(--tw-accent-ink);box-shadow:0 0 0 3px var(--tw-accent-soft);}',
    '.tw-input[aria-invalid="true"]{border-color:#d92d20;}',
    '.tw-field-error{font-size:12px;color:#b42318;}',
    '.tw-field{display:flex;align-items:flex-end;gap:8px;padding:5px 5px 5px 15px;border:1px solid #d0d5dd;border-radius:22px;background:#fff;transition:border-color .15s ease,box-shadow .15s ease;}',
    '.tw-field:focus-within{border-color:var(--tw-accent-ink);box-shadow:0 0 0 3px var(--tw-accent-soft);}',
    '.tw-textarea{flex:1;min-width:0;display:block;height:34px;min-height:34px;max-height:122px;padding:7px 0;border:0;outline:none;resize:none;background:transparent;font-size:15px;line-height:20px;overflow-y:hidden;}',
    '.tw-textarea::placeholder{color:#7a8393;}',
    '.tw-send{width:34px;height:34px;padding:0;border:0;border-radius:50%;flex-shrink:0;display:flex;align-items:center;justify-content:center;background:var(--tw-accent);color:var(--tw-on-accent);transition:background-color .15s ease,transform .15s ease;}',
    '.tw-send:not(:disabled):hover{transform:scale(1.06);}',
    '.tw-send:disabled{background:#eaecf0;color:#98a2b3;cursor:default;}',
    '.tw-send:focus{outline:none;}',
    '.tw-send:focus-visible{outline:2px solid var(--tw-accent-ink);outline-offset:2px;}',
    '.tw-meta{position:relative;display:flex;align-items:center;justify-content:center;min-height:16px;margin-top:6px;font-size:11px;color:#667085;}',
    '.tw-counter{position:absolute;right:6px;top:0;background:#fff;font-variant-numeric:tabular-nums;}',
    '.tw-counter.tw-counter--limit{color:#b42318;font-weight:600;}',

    /* phones: full screen */
    '@media (max-width:479px){',
    '  .tw-panel{top:0;left:0;right:0;bottom:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0;transform:translateY(24px);transform-origin:bottom center;padding-left:env(safe-area-inset-left);padding-right:env(safe-area-inset-right);}',
    '  .tw-header{padding-top:calc(14px + env(safe-area-inset-top));}',
    '  .tw-composer{padding-bottom:calc(8px + env(safe-area-inset-bottom));}',
    '  .tw-open .tw-launcher{visibility:hidden;opacity:0;}',
    '  .tw-textarea,.tw-input{font-size:16px;}',
    '  .tw-bubble,.tw-sources{max-width:88%;}',
    '}',
    '@media (max-width:359px){.tw-fu-row{flex-wrap:wrap;}.tw-fu-send{flex:1 1 100%;}}',
    '@media (max-height:620px) and (min-width:480px){.tw-panel{bottom:88px;max-height:calc(100vh - 104px);}}',

    '@keyframes tw-in{from{opacity:0;transform:translateY(6px);}to{opacity:1;transform:none;}}',
    '@keyframes tw-pop{from{transform:scale(.4);}to{transform:scale(1);}}',
    '@keyframes tw-pulse{0%,100%{box-shadow:0 0 0 3px rgba(247,144,9,.18);}50%{box-shadow:0 0 0 6px rgba(247,144,9,.06);}}',
    '@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none !important;transition:none !important;scroll-behavior:auto !important;}}',
    '@media (forced-colors:active){.tw-launcher,.tw-send,.tw-bubble,.tw-handoff,.tw-fu-send{border:1px solid CanvasText;}}'
  ].join('\n');

  // ---------------------------------------------------------------------------
  // UI construction
  // ---------------------------------------------------------------------------

  function buildUI() {
    var inbox = state.inbox;
    var company = inbox.companyName || 'us';

    var host = document.createElement('div');
    host.id = 'tandem-chat-widget';
    host.setAttribute('data-tandem-widget', VERSION);
    var shadow = host.attachShadow({ mode: 'open' });

    // Constructable stylesheets are not "inline styles" for a Content-Security-Policy, so the
    // widget also works on sites whose CSP forbids style-src 'unsafe-inline'.
    var adopted = false;
    try {
      if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && CSSStyleSheet.prototype.replaceSync) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        shadow.adoptedStyleSheets = [sheet];
        adopted = true;
      }
    } catch (e) { /* fall back to a <style> element */ }
    if (!adopted) {
      var style = document.createElement('style');
      style.textContent = CSS;
      shadow.appendChild(style);
    }

    var root = h('div', { class: 'tw-root' });
    var theme = themeFor(inbox.color);
    Object.keys(theme).forEach(function (k) { root.style.setProperty(k, theme[k]); });

    // Launcher
    var badge = h('span', { class: 'tw-badge', 'aria-hidden': 'true', hidden: true });
    var unreadDesc = h('span', { class: 'tw-sr', id: 'tw-unread' });
    var launcher = h('button', {
      type: 'button',
      class: 'tw-launcher',
      'data-testid': 'tandem-launcher',
      'aria-label': 'Open chat with ' + company,
      'aria-expanded': 'false',
      'aria-controls': 'tw-panel',
      'aria-describedby': 'tw-unread',
      onclick: function () { toggle(true); }
    }, [icon('chat', 'tw-launcher-icon tw-launcher-icon--chat'), icon('chevron', 'tw-launcher-icon tw-launcher-icon--close'), badge]);

    // Header
    var handoffBtn = h('button', {
      type: 'button',
      class: 'tw-handoff',
      'data-testid': 'tandem-handoff',
      onclick: function () { requestHandoff(); }
    }, [icon('person'), TEXT.handoff]);
    var closeBtn = h('button', {
      type: 'button',
      class: 'tw-close',
      'aria-label': TEXT.close,
      'data-testid': 'tandem-close',
      onclick: function () { closePanel(true); }
    }, [icon('close')]);
    var header = h('div', { class: 'tw-header' }, [
      h('div', { class: 'tw-avatar', 'aria-hidden': 'true', text: initials(company) }),
      h('div', { class: 'tw-header-main' }, [
        h('h2', { class: 'tw-title', id: 'tw-title', text: company }),
        handoffBtn
      ]),
      closeBtn
    ]);

    var aiNotice = h('div', { class: 'tw-ai', 'data-testid': 'tandem-ai-notice', hidden: true }, [icon('sparkle'), h('span', { text: TEXT.aiNotice })]);
    var statusText = h('span', { class: 'tw-status-text' });
    var statusIcon = h('span', { class: 'tw-status-icon' });
    var statusBar = h('div', { class: 'tw-status', role: 'status', 'data-testid': 'tandem-status', hidden: true }, [statusIcon, statusText]);

    // Messages
    var greeting = h('div', { class: 'tw-msg tw-msg--agent tw-first tw-last tw-greeting', 'data-testid': 'tandem-greeting' }, [
      h('div', { class: 'tw-label', text: company }),
      h('div', { class: 'tw-bubble' })
    ]);
    appendRichText(greeting.lastChild, inbox.greeting || ('Hi there! How can we help?'));
    var log = h('div', {
      class: 'tw-log',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': 'Messages',
      tabindex: '0',
      'data-testid': 'tandem-messages'
    }, [greeting]);

    // Composer
    var notice = h('div', { class: 'tw-notice', role: 'status', 'data-testid': 'tandem-notice', hidden: true });
    var nameInput = h('input', { class: 'tw-input', type: 'text', autocomplete: 'name', maxlength: '200', placeholder: TEXT.name, 'aria-label': TEXT.name, 'data-testid': 'tandem-name' });
    var emailInput = h('input', { class: 'tw-input', type: 'email', autocomplete: 'email', maxlength: '320', placeholder: TEXT.email, 'aria-label': TEXT.email, 'data-testid': 'tandem-email' });
    var emailError = h('div', { class: 'tw-field-error', id: 'tw-email-error', hidden: true, text: TEXT.invalidEmail });
    var detailsFields = h('div', { class: 'tw-details-fields', id: 'tw-details-fields', hidden: true }, [nameInput, emailInput, emailError]);
    var detailsToggle = h('button', {
      type: 'button',
      class: 'tw-details-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'tw-details-fields',
      'data-testid': 'tandem-details-toggle',
      onclick: function () { setDetailsOpen(detailsFields.hidden); }
    }, [icon('plus'), h('span', { text: TEXT.addDetails })]);
    var details = h('div', { class: 'tw-details' }, [detailsToggle, detailsFields]);

    var textarea = h('textarea', {
      class: 'tw-textarea',
      rows: '1',
      maxlength: String(MAX_LEN),
      placeholder: TEXT.placeholder,
      'aria-label': TEXT.messageLabel,
      'aria-describedby': 'tw-counter',
      'data-testid': 'tandem-input'
    });
    var sendBtn = h('button', {
      type: 'submit',
      class: 'tw-send',
      'aria-label': TEXT.send,
      'data-testid': 'tandem-send',
      disabled: true
    }, [icon('send')]);
    // Keep the keyboard open on touch devices: don't move focus to the button.
    sendBtn.addEventListener('mousedown', function (e) { e.preventDefault(); });
    var counter = h('span', { class: 'tw-counter', id: 'tw-counter', 'aria-live': 'polite', hidden: true });
    var form = h('form', { class: 'tw-composer', novalidate: true }, [
      notice,
      details,
      h('div', { class: 'tw-field' }, [textarea, sendBtn]),
      h('div', { class: 'tw-meta' }, [h('span', { class: 'tw-powered', text: TEXT.poweredBy }), counter])
    ]);

    var panel = h('div', {
      class: 'tw-panel',
      id: 'tw-panel',
      role: 'dialog',
      'aria-label': 'Chat with ' + company,
      'data-testid': 'tandem-panel'
    }, [header, aiNotice, statusBar, log, form]);

    appendChildren(root, [launcher, unreadDesc, panel]);
    shadow.appendChild(root);
    document.body.appendChild(host);

    ui = {
      host: host, shadow: shadow, root: root, launcher: launcher, badge: badge, unreadDesc: unreadDesc,
      panel: panel, handoffBtn: handoffBtn, aiNotice: aiNotice, statusBar: statusBar, statusText: statusText,
      statusIcon: statusIcon, log: log, greeting: greeting, notice: notice, details: details,
      detailsToggle: detailsToggle, detailsFields: detailsFields, nameInput: nameInput, emailInput: emailInput,
      emailError: emailError, textarea: textarea, sendBtn: sendBtn, counter: counter, form: form,
      fu: buildFollowUpCard(),
      rate: buildRatingCard()
    };

    // Events
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submit();
    });
    textarea.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        submit();
      }
    });
    textarea.addEventListener('input', onInput);
    emailInput.addEventListener('input', function () {
      if (emailInput.getAttribute('aria-invalid')) {
        emailInput.removeAttribute('aria-invalid');
        emailInput.removeAttribute('aria-describedby');
        emailError.hidden = true;
      }
    });
    root.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && state.open) {
        e.preventDefault();
        e.stopPropagation();
        closePanel(true);
      }
    });
    log.addEventListener('click', function (e) {
      var btn = e.target && e.target.closest ? e.target.closest('[data-retry]') : null;
      if (btn) retryPending(btn.getAttribute('data-retry'));
      var choice = e.target && e.target.closest ? e.target.closest('[data-choice]') : null;
      if (choice && state.status === 'AI') enqueue(choice.getAttribute('data-choice'));
      var fb = e.target && e.target.closest ? e.target.closest('[data-feedback]') : null;
      if (fb) giveFeedback(fb.getAttribute('data-message'), fb.getAttribute('data-feedback') === 'yes');
    });
  }

  // The follow-up card: built once and moved under the newest offer, so that what the customer
  // typed (and the focus) survive every re-render. Texts are filled in by renderFollowUp.
  function buildFollowUpCard() {
    var labelText = h('span');
    var label = h('label', { class: 'tw-fu-label', for: 'tw-fu-email' }, [icon('mail'), labelText]);
    var input = h('input', {
      class: 'tw-input',
      id: 'tw-fu-email',
      type: 'email',
      name: 'email',
      autocomplete: 'email',
      inputmode: 'email',
      autocapitalize: 'off',
      spellcheck: 'false',
      maxlength: String(EMAIL_MAX),
      'aria-required': 'true',
      'aria-describedby': 'tw-fu-hint',
      'data-testid': 'tandem-follow-up-email'
    });
    var send = h('button', { type: 'submit', class: 'tw-fu-send', 'data-testid': 'tandem-follow-up-send' });
    var hint = h('p', { class: 'tw-fu-hint', id: 'tw-fu-hint' });
    var errorText = h('span');
    var error = h('p', { class: 'tw-fu-error', id: 'tw-fu-error', role: 'alert', hidden: true, 'data-testid': 'tandem-follow-up-error' },
      [icon('alert'), errorText]);
    var form = h('form', { class: 'tw-fu-form', novalidate: true }, [label, h('div', { class: 'tw-fu-row' }, [input, send]), error, hint]);

    var doneTitle = h('p', { class: 'tw-fu-done-title', id: 'tw-fu-done-title', 'data-testid': 'tandem-follow-up-confirmation' });
    var doneHint = h('p', { class: 'tw-fu-done-hint' });
    var change = h('button', { type: 'button', class: 'tw-fu-change', 'aria-describedby': 'tw-fu-done-title', 'data-testid': 'tandem-follow-up-change' });
    var done = h('div', { class: 'tw-fu-done', tabindex: '-1', hidden: true }, [
      h('span', { class: 'tw-fu-check', 'aria-hidden': 'true' }, [icon('check')]),
      h('div', { class: 'tw-fu-done-main' }, [doneTitle, doneHint, change])
    ]);
    var card = h('div', { class: 'tw-fu', 'data-testid': 'tandem-follow-up' }, [form, done]);

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submitFollowUp();
    });
    input.addEventListener('input', function () {
      if (input.getAttribute('aria-invalid')) setFollowUpError(null);
    });
    change.addEventListener('click', function () {
      state.followUpEditing = true;
      ui.fu.input.value = state.followUpEmail || '';
      renderFollowUp();
      ui.fu.input.focus({ preventScroll: true });
      ui.fu.input.select();
    });
    return {
      card: card, form: form, labelText: labelText, input: input, send: send, hint: hint, error: error,
      errorText: errorText, done: done, doneTitle: doneTitle, doneHint: doneHint, change: change,
      lang: null, doneSig: null, owner: null, prefilled: false
    };
  }

  // The rating card: offered at the end of the conversation once it is resolved, sent once, then thanked.
  function buildRatingCard() {
    var title = h('p', { class: 'tw-rate-title', id: 'tw-rate-title', text: TEXT.rateTitle });
    var row = h('div', { class: 'tw-rate-row', role: 'radiogroup', 'aria-labelledby': 'tw-rate-title' });
    var choices = [];
    for (var n = 1; n <= 5; n++) {
      var choice = h('button', { type: 'button', class: 'tw-rate-n', role: 'radio', 'aria-checked': 'false',
        'aria-label': TEXT.rateLabel(n), 'data-rating': String(n), 'data-testid': 'tandem-rate-' + n, text: String(n) });
      row.appendChild(choice);
      choices.push(choice);
    }
    var comment = h('textarea', { class: 'tw-rate-comment', rows: '2', maxlength: '1000', placeholder: TEXT.rateComment,
      'aria-label': TEXT.rateComment, 'data-testid': 'tandem-rate-comment' });
    var send = h('button', { type: 'submit', class: 'tw-fu-send', 'data-testid': 'tandem-rate-send', text: TEXT.rateSend });
    var errorText = h('span');
    var error = h('p', { class: 'tw-fu-error', role: 'alert', hidden: true, 'data-testid': 'tandem-rate-error' }, [icon('alert'), errorText]);
    var form = h('form', { class: 'tw-rate-form', novalidate: true }, [title, row, comment, send, error]);
    var done = h('p', { class: 'tw-rate-done', role: 'status', hidden: true, 'data-testid': 'tandem-rate-done', text: TEXT.rateThanks });
    var card = h('div', { class: 'tw-rate', 'data-testid': 'tandem-rating' }, [form, done]);
    row.addEventListener('click', function (e) {
      var b = e.target && e.target.closest ? e.target.closest('[data-rating]') : null;
      if (!b) return;
      state.rating.value = Number(b.getAttribute('data-rating'));
      state.rating.error = null;
      renderRating();
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submitRating();
    });
    return { card: card, form: form, choices: choices, comment: comment, send: send, error: error, errorText: errorText, done: done };
  }

  function ratingOffered() {
    if (!state.conv) return false;
    if (state.ratedConv === state.conv.id) return state.rating.done; // thanked this visit, not offered again
    return state.status === 'RESOLVED';
  }

  function renderRating() {
    var r = ui.rate;
    r.choices.forEach(function (b) {
      b.setAttribute('aria-checked', Number(b.getAttribute('data-rating')) === state.rating.value ? 'true' : 'false');
    });
    r.form.hidden = state.rating.done;
    r.done.hidden = !state.rating.done;
    r.send.setAttribute('aria-disabled', state.rating.busy ? 'true' : 'false');
    r.error.hidden = !state.rating.error;
    r.errorText.textContent = state.rating.error || '';
  }

  async function submitRating() {
    if (!state.conv || state.rating.busy) return;
    if (!state.rating.value) {
      state.rating.error = TEXT.rateChoose;
      renderRating();
      return;
    }
    state.rating.busy = true;
    renderRating();
    try {
      var comment = ui.rate.comment.value.trim();
      var res = await request('POST', convPath(state.conv.id) + '/rating', { token: state.conv.token,
        body: { rating: state.rating.value, comment: comment || null } });
      if (res.ok || res.status === 409 && /rated already/.test(problemText(res) || '')) {
        state.rating.done = true;
        state.ratedConv = state.conv.id;
        saveStore();
      } else {
        state.rating.error = problemText(res) || TEXT.handoffFailed;
      }
    } catch (e) {
      state.rating.error = TEXT.handoffFailed;
    } finally {
      state.rating.busy = false;
      renderRating();
    }
  }

  function initials(name) {
    var words = String(name || '').trim().split(/\s+/).filter(Boolean);
    if (!words.length) return '?';
    var first = Array.from(words[0])[0] || '';
    return first.toUpperCase();
  }

  function setDetailsOpen(open) {
    ui.detailsFields.hidden = !open;
    ui.detailsToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    ui.detailsToggle.lastChild.textContent = open ? TEXT.hideDetails : TEXT.addDetails;
    if (open) ui.nameInput.focus();
  }

  // ---------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------

  function render() {
    if (!ui) return;
    renderMessages();
    renderFollowUp();
    renderStatus();
    renderAiNotice();
    renderUnread();
    renderComposer();
  }

  function sortedRecords() {
    return Array.from(state.records.values()).sort(function (a, b) {
      return (a.t - b.t) || (a.seq - b.seq);
    });
  }

  function groupKey(author, name) {
    return author === 'AGENT' ? 'AGENT:' + (name || '') : author;
  }

  function sameGroup(a, b) {
    if (!a || !b) return false;
    if (a.key !== b.key || a.key === 'SYSTEM') return false;
    return Math.abs(b.t - a.t) <= GROUP_GAP_MS;
  }

  function isNearBottom() {
    var l = ui.log;
    return l.scrollHeight - l.scrollTop - l.clientHeight < 80;
  }

  function scrollToBottom() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function renderMessages(forceScroll) {
    var log = ui.log;
    var stick = forceScroll || isNearBottom();
    var items = sortedRecords().map(function (r) {
      var settle = null;
      if (!r.node) {
        settle = adoptReplyNode(r);
        r.node = settle ? settle.node : createMessageNode();
      }
      fillMessageNode(r.node, r.msg, r);
      if (settle) settleReplyNode(r.node, settle.continues);
      return { node: r.node, key: groupKey(r.msg.author, r.msg.authorName), t: r.t };
    });
    state.pending.forEach(function (p) {
      if (!p.node) p.node = createMessageNode();
      fillPendingNode(p.node, p);
      items.push({ node: p.node, key: 'CUSTOMER', t: p.createdAt });
    });
    var soFar = assistantTyping() ? replySoFar() : null;
    if (soFar) {
      if (!ui.reply) ui.reply = buildReplyNode();
      fillReplyNode(ui.reply, soFar);
      items.push({ node: ui.reply, key: 'AI', t: Infinity });
    } else {
      ui.reply = null;
      if (assistantTyping()) {
        if (!ui.typing) ui.typing = buildTypingNode();
        items.push({ node: ui.typing, key: 'TYPING', t: Infinity });
      }
    }

    if (ratingOffered()) {
      renderRating();
      items.push({ node: ui.rate.card, key: 'RATING', t: Infinity });
    }

    var cursor = ui.greeting.nextSibling;
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      var first = !sameGroup(items[i - 1], it);
      var last = !sameGroup(it, items[i + 1]);
      it.node.classList.toggle('tw-first', first);
      it.node.classList.toggle('tw-last', last);
      if (it.node === cursor) {
        cursor = cursor.nextSibling;
      } else {
        log.insertBefore(it.node, cursor);
      }
    }
    while (cursor) {
      var next = cursor.nextSibling;
      log.removeChild(cursor);
      cursor = next;
    }
    if (stick) scrollToBottom();
  }

  // The assistant owes a reply while the conversation is its own and the customer spoke last: the reply is
  // worked out after the message is stored and arrives over the live stream (the server's awaitingReply).
  function assistantTyping() {
    if (!state.conv || state.status !== 'AI' || state.pending.length) return false;
    var recs = sortedRecords();
    return recs.length > 0 && recs[recs.length - 1].msg.author === 'CUSTOMER';
  }

  // In LLM mode the reply arrives sentence by sentence, each checked against the knowledge base, before it
  // is posted: shown in the assistant's bubble in place of the dots. Only the reply to the customer's last
  // message, and only until the posted reply (the one that counts) takes its place.
  function replySoFar() {
    var r = state.reply;
    if (!r) return null;
    var recs = sortedRecords();
    var last = recs[recs.length - 1];
    return last && String(last.msg.id) === r.inReplyTo ? r.text : null;
  }

  function buildReplyNode() {
    var node = createMessageNode();
    node.setAttribute('data-testid', 'tandem-reply-in-progress');
    node.setAttribute('data-author', 'AI');
    // screen readers wait for the posted reply rather than read every sentence twice
    node.setAttribute('aria-busy', 'true');
    node._replyText = '';
    return node;
  }

  function fillReplyNode(node, text) {
    node.className = 'tw-msg tw-msg--ai tw-msg--writing' + (node.classList.contains('tw-first') ? ' tw-first' : '') + (node.classList.contains('tw-last') ? ' tw-last' : '');
    setLabel(node, 'AI', TEXT.aiLabel);
    if (node._replyText === text) return;
    var bubble = node._parts.bubble;
    if (bubble && node._replyText && text.indexOf(node._replyText) === 0) {
      // the same reply, grown by a sentence or more: only the new words fade in
      var added = h('span', { class: 'tw-new' });
      appendRichText(added, text.slice(node._replyText.length));
      bubble.appendChild(added);
    } else {
      setPart(node, 'bubble', function () {
        var b = h('div', { class: 'tw-bubble' });
        b.appendChild(h('span', { class: 'tw-sr', text: TEXT.aiLabel + ': ' }));
        appendRichText(b, text);
        return b;
      });
    }
    node._replyText = text;
    node._bubbleSig = null;
    orderParts(node);
  }

  // The posted reply takes the place of the reply in progress, in the same bubble: when it goes on from
  // what was shown, the caret simply gives way to the rest and the sources; when it differs (a sentence
  // failed the check and the answer quoted from the help article went out instead), the new text fades in.
  function adoptReplyNode(rec) {
    var node = ui.reply;
    if (!node || rec.msg.author !== 'AI' || !node.isConnected) return null;
    ui.reply = null;
    state.reply = null;
    node.removeAttribute('aria-busy');
    node.setAttribute('data-testid', 'tandem-message');
    return { node: node, continues: normalizeText(rec.msg.text).indexOf(normalizeText(node._replyText)) === 0 };
  }

  function settleReplyNode(node, continues) {
    node.classList.add('tw-msg--settled');
    node.setAttribute('data-reply', continues ? 'completed' : 'replaced');
    if (!continues && node._parts.bubble) node._parts.bubble.classList.add('tw-bubble--replaced');
  }

  function buildTypingNode() {
    var node = h('div', { class: 'tw-msg tw-msg--ai tw-typing tw-first tw-last', 'data-testid': 'tandem-typing', role: 'status' }, [
      h('div', { class: 'tw-bubble', 'aria-label': TEXT.typing, title: TEXT.typing }, [
        h('span', { class: 'tw-typing-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'tw-typing-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'tw-typing-dot', 'aria-hidden': 'true' })
      ])
    ]);
    return node;
  }

  function createMessageNode() {
    var node = h('div', { class: 'tw-msg', 'data-testid': 'tandem-message' });
    node._parts = {};
    return node;
  }

  function authorLabel(msg) {
    switch (msg.author) {
      case 'AI': return TEXT.aiLabel;
      case 'AGENT': return msg.authorName || (state.inbox && state.inbox.companyName) || 'Support';
      case 'SYSTEM': return '';
      default: return TEXT.you;
    }
  }

  function setPart(node, name, create) {
    var parts = node._parts;
    if (create) {
      var el = create();
      if (parts[name]) node.replaceChild(el, parts[name]);
      else node.appendChild(el);
      parts[name] = el;
    } else if (parts[name]) {
      node.removeChild(parts[name]);
      delete parts[name];
    }
  }

  // Orders parts: label, bubble, sources, time/state, follow-up card. Moves nothing that is in
  // place already (moving a node takes the focus away from an input inside it).
  function orderParts(node) {
    var want = ['label', 'bubble', 'sources', 'choices', 'feedback', 'time', 'state', 'card']
      .map(function (k) { return node._parts[k]; })
      .filter(Boolean);
    var kids = node.children;
    var inOrder = kids.length === want.length && want.every(function (el, i) { return kids[i] === el; });
    if (inOrder) return;
    var active = ui && ui.shadow ? ui.shadow.activeElement : null;
    want.forEach(function (el) { node.appendChild(el); });
    if (active && active.isConnected && ui.shadow.activeElement !== active) active.focus({ preventScroll: true });
  }

  function fillBubble(node, author, label, text, t) {
    var sig = author + '\u0000' + label + '\u0000' + text;
    if (node._bubbleSig === sig) {
      if (node._parts.bubble && t) node._parts.bubble.title = longTime(t);
      return;
    }
    node._bubbleSig = sig;
    setPart(node, 'bubble', function () {
      var b = h('div', { class: 'tw-bubble', title: t ? longTime(t) : null });
      if (label) b.appendChild(h('span', { class: 'tw-sr', text: label + ': ' }));
      appendRichText(b, text);
      return b;
    });
  }

  function setLabel(node, author, label) {
    if (author === 'AGENT' || author === 'AI') {
      var labelSig = author + '\u0000' + label;
      if (node._labelSig !== labelSig) {
        node._labelSig = labelSig;
        setPart(node, 'label', function () {
          return h('div', { class: 'tw-label', 'aria-hidden': 'true' }, author === 'AI' ? [icon('sparkle'), label] : [label]);
        });
      }
    } else {
      node._labelSig = null;
      setPart(node, 'label', null);
    }
  }

  function fillMessageNode(node, msg, rec) {
    var author = String(msg.author || 'SYSTEM').toUpperCase();
    node.className = 'tw-msg tw-msg--' + author.toLowerCase() + (node.classList.contains('tw-first') ? ' tw-first' : '') + (node.classList.contains('tw-last') ? ' tw-last' : '');
    node.setAttribute('data-author', author);
    node.setAttribute('data-message-id', String(msg.id));
    node.removeAttribute('data-state');
    node.removeAttribute('data-pending');
    node.removeAttribute('data-client-message-id');

    var label = authorLabel(msg);
    setLabel(node, author, label);

    fillBubble(node, author, author === 'SYSTEM' ? '' : label, msg.text, rec.t);
    if (node._parts.bubble) {
      if (msg.language) node._parts.bubble.setAttribute('lang', String(msg.language));
      else node._parts.bubble.removeAttribute('lang');
    }

    var citations = author === 'AI' && Array.isArray(msg.citations) ? msg.citations.filter(Boolean) : [];
    // a message offering choices shows its articles as buttons, not as sources
    var choices = msg.kind === CHOICES ? citations : [];
    if (choices.length) citations = [];
    var citeSig = JSON.stringify(citations);
    if (node._citeSig !== citeSig) {
      node._citeSig = citeSig;
      setPart(node, 'sources', citations.length ? function () { return buildSources(citations); } : null);
    }
    var choiceSig = JSON.stringify(choices) + '\u0000' + (state.status === 'AI');
    if (node._choiceSig !== choiceSig) {
      node._choiceSig = choiceSig;
      setPart(node, 'choices', choices.length ? function () { return buildChoices(choices); } : null);
    }
    // every answer of the assistant (an AI message with sources) asks whether it helped
    var answered = author === 'AI' && citations.length > 0 && msg.kind !== CHOICES;
    var given = state.feedback[String(msg.id)];
    var feedbackSig = answered ? String(given) : null;
    if (node._feedbackSig !== feedbackSig) {
      node._feedbackSig = feedbackSig;
      setPart(node, 'feedback', answered ? function () { return buildFeedback(String(msg.id), given); } : null);
    }

    var timeText = shortTime(rec.t);
    if (!node._parts.time || node._parts.time.textContent !== timeText) {
      setPart(node, 'time', timeText ? function () {
        return h('div', { class: 'tw-time', 'aria-hidden': 'true', text: timeText });
      } : null);
    }
    setPart(node, 'state', null);
    orderParts(node);
  }

  function buildChoices(choices) {
    var list = h('div', { class: 'tw-choices', role: 'group', 'aria-label': TEXT.choicesLabel, 'data-testid': 'tandem-choices' });
    choices.forEach(function (c) {
      var title = String(c.title || 'Article');
      list.appendChild(h('button', { type: 'button', class: 'tw-choice', 'data-choice': title,
        disabled: state.status === 'AI' ? null : 'disabled', text: title }));
    });
    return list;
  }

  function buildFeedback(messageId, given) {
    if (given !== undefined) {
      return h('div', { class: 'tw-feedback', 'data-testid': 'tandem-feedback', 'data-given': String(given), role: 'status',
        text: TEXT.helpfulThanks });
    }
    return h('div', { class: 'tw-feedback', 'data-testid': 'tandem-feedback' }, [
      h('span', { text: TEXT.helpfulQuestion }),
      h('button', { type: 'button', class: 'tw-fb', 'data-feedback': 'yes', 'data-message': messageId, text: TEXT.helpfulYes }),
      h('button', { type: 'button', class: 'tw-fb', 'data-feedback': 'no', 'data-message': messageId, text: TEXT.helpfulNo })
    ]);
  }

  async function giveFeedback(messageId, helpful) {
    if (!state.conv || state.feedback[messageId] !== undefined) return;
    state.feedback[messageId] = helpful;
    renderMessages(false);
    try {
      var res = await request('POST', '/api/widget/conversations/' + encodeURIComponent(state.conv.id) + '/messages/'
        + encodeURIComponent(messageId) + '/feedback', { token: state.conv.token, body: { helpful: helpful } });
      if (res.status >= 200 && res.status < 300 && res.data && Array.isArray(res.data.messages)) {
        mergeMessages(res.data.messages);
      } else if (res.status >= 400) {
        delete state.feedback[messageId];
        renderMessages(false);
      }
    } catch (e) {
      delete state.feedback[messageId];
      renderMessages(false);
    }
  }

  function buildSources(citations) {
    var list = h('ul', { class: 'tw-sources', 'aria-label': TEXT.sources, 'data-testid': 'tandem-sources' });
    list.appendChild(h('li', { class: 'tw-sources-title', 'aria-hidden': 'true', text: TEXT.sources }));
    citations.forEach(function (c) {
      var title = String(c.title || c.url || 'Source');
      var href = c.url ? safeUrl(c.url) : null;
      var item = h('li');
      if (href) {
        item.appendChild(h('a', { href: href, target: '_blank', rel: 'noopener noreferrer' }, [h('span', { text: title }), icon('link')]));
      } else {
        item.appendChild(h('span', { text: title }));
      }
      if (c.snippet) item.appendChild(h('div', { class: 'tw-snippet', text: String(c.snippet) }));
      list.appendChild(item);
    });
    return list;
  }

  function fillPendingNode(node, p) {
    node.className = 'tw-msg tw-msg--customer' + (node.classList.contains('tw-first') ? ' tw-first' : '') + (node.classList.contains('tw-last') ? ' tw-last' : '');
    node.setAttribute('data-author', 'CUSTOMER');
    node.setAttribute('data-pending', 'true');
    node.setAttribute('data-state', p.state === 'failed' ? 'failed' : 'sending');
    node.setAttribute('data-client-message-id', p.cid);
    node.removeAttribute('data-message-id');
    setPart(node, 'label', null);
    node._labelSig = null;
    fillBubble(node, 'CUSTOMER', TEXT.you, p.text, p.createdAt);
    setPart(node, 'sources', null);
    node._citeSig = null;
    setPart(node, 'time', null);
    var stateSig = p.state + '\u0000' + (p.error || '');
    if (node._stateSig !== stateSig) {
      node._stateSig = stateSig;
      setPart(node, 'state', function () {
        if (p.state === 'failed') {
          return h('div', { class: 'tw-msg-state', role: 'alert', title: p.error || null }, [
            icon('alert'),
            h('span', { text: TEXT.notSent + ' \u00b7' }),
            h('button', { type: 'button', class: 'tw-retry', 'data-retry': p.cid, 'data-testid': 'tandem-retry', text: TEXT.retry })
          ]);
        }
        return h('div', { class: 'tw-msg-state', 'aria-hidden': 'true', text: TEXT.sending });
      });
    }
    orderParts(node);
  }

  function lastAgentName() {
    var recs = sortedRecords();
    for (var i = recs.length - 1; i >= 0; i--) {
      if (recs[i].msg.author === 'AGENT' && recs[i].msg.authorName) return recs[i].msg.authorName;
    }
    return null;
  }

  function renderStatus() {
    var s = state.conv ? state.status : null;
    var bar = ui.statusBar;
    var text = null;
    var iconName = null;
    var away = s === 'QUEUED' ? currentOffer() : null;
    var lang = away ? String(away.msg.language || 'en') : null;
    if (away) text = followUpText(lang).away;
    else if (s === 'QUEUED') text = TEXT.queued;
    else if (s === 'ASSIGNED') text = TEXT.assigned(lastAgentName() || TEXT.ourTeam);
    else if (s === 'RESOLVED') { text = TEXT.resolved; iconName = 'check'; }
    bar.setAttribute('data-status', s || 'NONE');
    bar.setAttribute('data-away', away ? 'true' : 'false');
    if (!text) {
      bar.hidden = true;
      bar._sig = null;
      return;
    }
    var sig = s + text;
    if (bar._sig !== sig) {
      bar._sig = sig;
      ui.statusText.textContent = text;
      if (lang) ui.statusText.setAttribute('lang', lang);
      else ui.statusText.removeAttribute('lang');
      var newIcon = iconName ? icon(iconName, 'tw-status-icon') : h('span', { class: 'tw-status-icon tw-status-dot', 'aria-hidden': 'true' });
      ui.statusBar.replaceChild(newIcon, ui.statusIcon);
      ui.statusIcon = newIcon;
    }
    bar.hidden = false;
  }

  // ---------------------------------------------------------------------------
  // Follow-up by email (offered outside business hours)
  // ---------------------------------------------------------------------------

  function followUpText(lang) {
    return FOLLOW_UP_TEXT[String(lang || '').toLowerCase().slice(0, 2)] || FOLLOW_UP_TEXT.en;
  }

  // The newest notice that offers a follow-up by email: the confirmation goes under it.
  function latestOffer() {
    var recs = sortedRecords();
    for (var i = recs.length - 1; i >= 0; i--) {
      if (recs[i].msg.kind === FOLLOW_UP_OFFER && recs[i].node) return recs[i];
    }
    return null;
  }

  // The offer, if the newest wait notice (a system notice written in the customer's language) is
  // one: a later "we usually reply within 5 minutes" means the team is back, and the form goes.
  function currentOffer() {
    var recs = sortedRecords();
    for (var i = recs.length - 1; i >= 0; i--) {
      var m = recs[i].msg;
      if (m.author === 'SYSTEM' && (m.language || m.kind === FOLLOW_UP_OFFER)) {
        return m.kind === FOLLOW_UP_OFFER && recs[i].node ? recs[i] : null;
      }
    }
    return null;
  }

  function emailShapeOk(email) {
    return email.length <= EMAIL_MAX && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
  }

  // Shown under the offer while the customer waits (QUEUED), or once an address is known: then it
  // says where the reply goes, whatever happened since (the server remembers it across reloads).
  function renderFollowUp() {
    var fu = ui.fu;
    var offer = null;
    var mode = null;
    if (state.conv && state.followUpEmail && !state.followUpEditing) {
      offer = latestOffer();
      mode = offer ? 'done' : null;
    } else if (state.conv && state.status === 'QUEUED') {
      offer = currentOffer();
      mode = offer ? 'form' : null;
    }
    if (!mode) {
      detachFollowUp();
      return;
    }
    var lang = offer.msg.language ? String(offer.msg.language) : 'en';
    var t = followUpText(lang);
    if (fu.lang !== lang) {
      fu.lang = lang;
      fu.card.setAttribute('lang', lang);
      fu.labelText.textContent = t.label;
      fu.input.setAttribute('placeholder', t.placeholder);
      fu.hint.textContent = t.hint;
      fu.doneHint.textContent = t.doneHint;
      fu.change.textContent = t.change;
      fu.doneSig = null;
    }
    var sendLabel = state.followUpBusy ? t.sending : t.send;
    if (fu.send.textContent !== sendLabel) fu.send.textContent = sendLabel;
    fu.send.setAttribute('aria-disabled', state.followUpBusy ? 'true' : 'false');
    fu.change.hidden = state.status !== 'QUEUED' || !currentOffer();
    fu.form.hidden = mode !== 'form';
    fu.done.hidden = mode !== 'done';
    if (mode === 'done') {
      var sig = lang + '\u0000' + state.followUpEmail;
      if (fu.doneSig !== sig) {
        fu.doneSig = sig;
        var parts = t.done.split('{email}');
        fu.doneTitle.textContent = '';
        appendChildren(fu.doneTitle, [parts[0], h('strong', { text: state.followUpEmail }), parts[1] || '']);
      }
    } else if (!fu.prefilled) {
      // the address they gave with their details, if any: one press of Send (once: never undo a clearing)
      fu.prefilled = true;
      var given = ui.emailInput.value.trim();
      if (!fu.input.value && given && emailShapeOk(given)) fu.input.value = given;
    }
    attachFollowUp(offer.node);
  }

  function attachFollowUp(node) {
    var fu = ui.fu;
    if (fu.owner === node && fu.card.parentNode === node) return;
    var stick = isNearBottom();
    if (fu.owner && fu.owner._parts.card === fu.card) delete fu.owner._parts.card;
    fu.owner = node;
    node._parts.card = fu.card;
    orderParts(node);
    if (stick) scrollToBottom();
  }

  function detachFollowUp() {
    var fu = ui.fu;
    if (fu.owner && fu.owner._parts.card === fu.card) delete fu.owner._parts.card;
    fu.owner = null;
    if (fu.card.parentNode) fu.card.parentNode.removeChild(fu.card);
  }

  function setFollowUpError(text) {
    var fu = ui.fu;
    if (!text) {
      fu.error.hidden = true;
      fu.errorText.textContent = '';
      fu.input.removeAttribute('aria-invalid');
      fu.input.setAttribute('aria-describedby', 'tw-fu-hint');
      return;
    }
    fu.errorText.textContent = text;
    fu.error.hidden = false;
    fu.input.setAttribute('aria-invalid', 'true');
    fu.input.setAttribute('aria-describedby', 'tw-fu-error tw-fu-hint');
  }

  async function submitFollowUp() {
    if (!ui || !state.conv || state.followUpBusy) return;
    var fu = ui.fu;
    var t = followUpText(fu.lang);
    var email = fu.input.value.trim();
    if (!email || !emailShapeOk(email)) {
      setFollowUpError(email ? t.invalid : t.required);
      fu.input.focus({ preventScroll: true });
      return;
    }
    setFollowUpError(null);
    state.followUpBusy = true;
    renderFollowUp();
    var conv = state.conv;
    var saved = false;
    try {
      var res = await withRetry(function () {
        return request('POST', convPath(conv.id) + '/follow-up', { token: conv.token, body: { email: email } });
      });
      if (state.conv !== conv) return;
      if (res.ok && res.data && res.data.email) {
        state.followUpEmail = String(res.data.email);
        state.followUpEditing = false;
        saved = true;
      } else {
        setFollowUpError((res.status >= 400 && res.status < 500 && !isGone(res) && problemText(res)) || t.failed);
      }
    } catch (e) {
      setFollowUpError(t.failed);
    } finally {
      state.followUpBusy = false;
      if (ui) renderFollowUp();
    }
    if (saved) {
      fu.done.focus({ preventScroll: true });
      if (isNearBottom()) scrollToBottom();
    } else {
      fu.input.focus({ preventScroll: true });
    }
  }

  function hasAiMessages() {
    var found = false;
    state.records.forEach(function (r) { if (r.msg.author === 'AI') found = true; });
    return found;
  }

  function renderAiNotice() {
    ui.aiNotice.hidden = !((state.inbox && state.inbox.aiEnabled === true) || hasAiMessages());
  }

  function unreadCount() {
    if (state.open) return 0;
    var n = 0;
    state.records.forEach(function (r) {
      if ((r.msg.author === 'AGENT' || r.msg.author === 'AI') && r.t > state.seenAt) n++;
    });
    return n;
  }

  function renderUnread() {
    var n = unreadCount();
    var text = n > 9 ? '9+' : String(n);
    if (n > 0) {
      if (ui.badge.hidden || ui.badge.textContent !== text) {
        ui.badge.textContent = text;
        ui.badge.hidden = false;
      }
      ui.unreadDesc.textContent = n === 1 ? '1 new message' : n + ' new messages';
      ui.launcher.setAttribute('data-unread', String(n));
    } else {
      ui.badge.hidden = true;
      ui.unreadDesc.textContent = '';
      ui.launcher.removeAttribute('data-unread');
    }
  }

  function renderComposer() {
    ui.details.hidden = !!(state.conv || state.pending.length);
    var len = ui.textarea.value.length;
    ui.sendBtn.disabled = !ui.textarea.value.trim();
    if (len >= COUNTER_FROM) {
      ui.counter.hidden = false;
      ui.counter.textContent = len.toLocaleString() + ' / ' + MAX_LEN.toLocaleString();
      ui.counter.classList.toggle('tw-counter--limit', len >= MAX_LEN);
    } else {
      ui.counter.hidden = true;
      ui.counter.textContent = '';
    }
    ui.handoffBtn.setAttribute('aria-disabled', state.handoffBusy ? 'true' : 'false');
  }

  function onInput() {
    autoGrow();
    renderComposer();
  }

  function autoGrow() {
    var ta = ui.textarea;
    ta.style.height = 'auto';
    var max = 122; // about 5 lines
    var hgt = Math.min(Math.max(ta.scrollHeight, 34), max);
    ta.style.height = hgt + 'px';
    ta.style.overflowY = ta.scrollHeight > max ? 'auto' : 'hidden';
  }

  function setNotice(kind, text) {
    if (text) state.notices[kind] = text;
    else delete state.notices[kind];
    if (!ui) return;
    var shown = state.notices.rate || state.notices.handoff || state.notices.connection || null;
    if (!shown) {
      ui.notice.hidden = true;
      ui.notice.textContent = '';
      return;
    }
    if (ui.notice.hidden || ui.notice._text !== shown) {
      ui.notice._text = shown;
      ui.notice.textContent = '';
      appendChildren(ui.notice, [icon('alert'), h('span', { text: shown })]);
      ui.notice.hidden = false;
    }
  }

  // ---------------------------------------------------------------------------
  // Panel open / close
  // ---------------------------------------------------------------------------

  function openPanel(focus) {
    state.open = true;
    if (!ui) return;
    ui.root.classList.add('tw-open');
    ui.launcher.setAttribute('aria-expanded', 'true');
    markSeen();
    saveStore();
    render();
    scrollToBottom();
    if (focus) ui.textarea.focus({ preventScroll: true });
  }

  function closePanel(focusLauncher) {
    state.open = false;
    if (!ui) return;
    ui.root.classList.remove('tw-open');
    ui.launcher.setAttribute('aria-expanded', 'false');
    markSeen();
    saveStore();
    render();
    if (focusLauncher) ui.launcher.focus({ preventScroll: true });
  }

  function toggle(focus) {
    if (state.open) closePanel(focus);
    else openPanel(focus);
  }

  function markSeen() {
    var max = state.seenAt || 0;
    state.records.forEach(function (r) { if (r.t > max) max = r.t; });
    state.seenAt = max;
  }

  // ---------------------------------------------------------------------------
  // Merging server data
  // ---------------------------------------------------------------------------

  function setStatus(s) {
    if (typeof s !== 'string' || !s) return;
    state.status = s.toUpperCase();
  }

  // opts.cid: clientMessageId of the request that returned these messages.
  function mergeMessages(list, opts) {
    opts = opts || {};
    if (!Array.isArray(list)) return;
    var adoptedCid = false;
    list.forEach(function (m) {
      if (!m || m.id == null) return;
      var id = String(m.id);
      var existing = state.records.get(id);
      if (existing) {
        existing.msg = m;
        existing.t = parseTime(m.createdAt) || existing.t;
        return;
      }
      var rec = { msg: m, t: parseTime(m.createdAt), seq: seq++, node: null };
      if (m.author === 'CUSTOMER') {
        var p = matchPending(m, adoptedCid ? null : opts.cid);
        if (p) {
          if (p.cid === opts.cid) adoptedCid = true;
          rec.node = p.node; // reuse the optimistic bubble: no flicker, no double announcement
          p.node = null;
          p.delivered = true;
          removePending(p);
        }
      }
      state.records.set(id, rec);
    });
    if (opts.cid) {
      var leftover = findPending(opts.cid);
      if (leftover) { leftover.delivered = true; removePending(leftover); }
    }
    if (state.open) {
      var before = state.seenAt;
      markSeen();
      if (state.seenAt !== before && state.conv) saveStore();
    }
  }

  function matchPending(m, cid) {
    var byId = m.clientMessageId ? findPending(m.clientMessageId) : null;
    if (byId) return byId;
    if (cid) {
      var p = findPending(cid);
      if (p && normalizeText(p.text) === normalizeText(m.text)) return p;
    }
    // A live (SSE) echo of a message we are still sending.
    var text = normalizeText(m.text);
    for (var i = 0; i < state.pending.length; i++) {
      var q = state.pending[i];
      if (q.state === 'sending' && normalizeText(q.text) === text) return q;
    }
    return null;
  }

  function findPending(cid) {
    for (var i = 0; i < state.pending.length; i++) {
      if (state.pending[i].cid === cid) return state.pending[i];
    }
    return null;
  }

  function removePending(p) {
    var i = state.pending.indexOf(p);
    if (i >= 0) state.pending.splice(i, 1);
  }

  function applyConversation(data, opts) {
    if (!data || typeof data !== 'object') return;
    setStatus(data.status);
    if (Object.prototype.hasOwnProperty.call(data, 'followUpEmail')) {
      var known = data.followUpEmail ? String(data.followUpEmail) : null;
      if (known !== state.followUpEmail) state.followUpEditing = false;
      state.followUpEmail = known;
    }
    mergeMessages(data.messages, opts);
  }

  function forgetConversation() {
    disconnectEvents();
    state.conv = null;
    state.status = null;
    state.followUpEmail = null;
    state.followUpEditing = false;
    if (ui) {
      detachFollowUp();
      ui.fu.input.value = '';
      ui.fu.prefilled = false;
      setFollowUpError(null);
    }
    state.records.forEach(function (r) { if (r.node && r.node.parentNode) r.node.parentNode.removeChild(r.node); });
    state.records.clear();
    state.reply = null;
    state.seenAt = 0;
    saveStore();
    render();
  }

  // ---------------------------------------------------------------------------
  // Loading / catch-up
  // ---------------------------------------------------------------------------

  var catchUpRunning = false;
  var catchUpQueued = false;

  // GET the full conversation and merge it (never duplicates: merge is by message id).
  // Returns false when the stored conversation is gone and has been forgotten.
  async function catchUp() {
    if (!state.conv) return false;
    if (catchUpRunning) {
      catchUpQueued = true;
      return true;
    }
    catchUpRunning = true;
    try {
      do {
        catchUpQueued = false;
        var conv = state.conv;
        if (!conv) return false;
        var res;
        try {
          res = await withRetry(function () { return request('GET', convPath(conv.id), { token: conv.token }); });
        } catch (e) {
          return true; // offline: the event stream will trigger another catch-up
        }
        if (state.conv !== conv) return !!state.conv;
        if (isGone(res)) {
          forgetConversation();
          return false;
        }
        if (res.ok) {
          applyConversation(res.data);
          render();
        }
      } while (catchUpQueued);
      return true;
    } finally {
      catchUpRunning = false;
    }
  }

  // ---------------------------------------------------------------------------
  // Live updates (Server-Sent Events)
  // ---------------------------------------------------------------------------

  var es = null;
  var esAttempt = 0;
  var esTimer = null;
  var downTimer = null;
  var pollTimer = null;

  function connectEvents() {
    disconnectEvents();
    var conv = state.conv;
    if (!conv) return;
    if (typeof window.EventSource !== 'function') {
      pollTimer = setInterval(catchUp, 5000);
      return;
    }
    var url = apiBase + convPath(conv.id) + '/events?token=' + encodeURIComponent(conv.token);
    var source;
    try {
      source = new EventSource(url);
    } catch (e) {
      scheduleReconnect();
      return;
    }
    es = source;
    source.addEventListener('open', function () {
      if (es !== source) return;
      esAttempt = 0;
      setConnectionDown(false);
      catchUp();
    });
    source.addEventListener('message', function (e) {
      if (es !== source) return;
      var m = parseJson(e.data);
      if (m && m.id != null) {
        mergeMessages([m]);
        render();
      }
    });
    source.addEventListener('status', function (e) {
      if (es !== source) return;
      var d = parseJson(e.data);
      var s = d && typeof d === 'object' ? d.status : (typeof d === 'string' ? d : String(e.data || '').trim());
      if (s) {
        setStatus(s);
        render();
      }
    });
    // The assistant's reply while it is written (LLM mode): its whole text so far, a sentence more each time.
    source.addEventListener('reply', function (e) {
      if (es !== source) return;
      var d = parseJson(e.data);
      if (!d || d.inReplyTo == null || typeof d.text !== 'string') return;
      var cur = state.reply;
      var inReplyTo = String(d.inReplyTo);
      // an event overtaken on its way by a later one of the same reply is dropped
      if (cur && cur.inReplyTo === inReplyTo && d.text.length <= cur.text.length) return;
      state.reply = { inReplyTo: inReplyTo, text: d.text };
      renderMessages();
    });
    // The conversation changed beyond messages and status (a follow-up email arrived): re-read it.
    source.addEventListener('conversation', function () {
      if (es !== source) return;
      catchUp();
    });
    source.addEventListener('error', function () {
      if (es !== source) return;
      setConnectionDown(true);
      if (source.readyState === 2 /* CLOSED */) {
        source.close();
        es = null;
        scheduleReconnect();
      }
      // Otherwise the browser reconnects by itself; 'open' fires again and we catch up.
    });
  }

  function scheduleReconnect() {
    clearTimeout(esTimer);
    var delay = backoff(esAttempt++, 1000, 30000);
    esTimer = setTimeout(async function () {
      esTimer = null;
      if (!state.conv || es) return;
      var stillThere = await catchUp();
      if (stillThere && state.conv && !es) connectEvents();
    }, delay);
  }

  function disconnectEvents() {
    clearTimeout(esTimer);
    esTimer = null;
    clearInterval(pollTimer);
    pollTimer = null;
    if (es) {
      es.close();
      es = null;
    }
    setConnectionDown(false);
  }

  function setConnectionDown(down) {
    if (down) {
      // Only bother the customer if the problem lasts a few seconds.
      if (!downTimer && !state.notices.connection) {
        downTimer = setTimeout(function () {
          downTimer = null;
          setNotice('connection', TEXT.reconnecting);
        }, 4000);
      }
    } else {
      clearTimeout(downTimer);
      downTimer = null;
      setNotice('connection', null);
    }
  }

  function parseJson(s) {
    try { return JSON.parse(s); } catch (e) { return null; }
  }

  // ---------------------------------------------------------------------------
  // Sending
  // ---------------------------------------------------------------------------

  function readCustomer() {
    var name = ui.nameInput.value.trim();
    var email = ui.emailInput.value.trim();
    return { name: name || null, email: email || null };
  }

  function emailLooksValid(email) {
    return !email || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
  }

  function submit() {
    if (!ui) return;
    var text = normalizeText(ui.textarea.value);
    if (!text) return;
    if (text.length > MAX_LEN) text = text.slice(0, MAX_LEN);
    if (!state.conv && !state.pending.length) {
      var email = ui.emailInput.value.trim();
      if (!emailLooksValid(email)) {
        setDetailsOpen(true);
        ui.emailInput.setAttribute('aria-invalid', 'true');
        ui.emailInput.setAttribute('aria-describedby', 'tw-email-error');
        ui.emailError.hidden = false;
        ui.emailInput.focus();
        return;
      }
    }
    ui.textarea.value = '';
    autoGrow();
    enqueue(text);
    ui.textarea.focus({ preventScroll: true });
  }

  function enqueue(text) {
    var p = { cid: uuid(), text: text, state: 'queued', createdAt: Date.now(), error: null, node: null };
    if (!state.conv && !state.pending.length) p.customer = readCustomer();
    state.pending.push(p);
    renderMessages(true);
    renderComposer();
    pump();
    return p;
  }

  function retryPending(cid) {
    var p = findPending(cid);
    if (!p || p.state !== 'failed') return;
    p.state = 'queued';
    p.error = null;
    render();
    pump();
    ui.textarea.focus({ preventScroll: true });
  }

  var pumping = false;

  // Delivers queued messages one at a time, in order.
  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        var p = null;
        for (var i = 0; i < state.pending.length; i++) {
          if (state.pending[i].state === 'queued') { p = state.pending[i]; break; }
        }
        if (!p) break;
        await deliver(p);
      }
    } finally {
      pumping = false;
    }
  }

  async function deliver(p) {
    p.state = 'sending';
    render();
    var res = null;
    var created = false;
    try {
      if (!state.conv) {
        res = await createConversation(p);
        created = res && res.ok;
      } else {
        var conv = state.conv;
        res = await withRetry(function () {
          return request('POST', convPath(conv.id) + '/messages', { token: conv.token, body: { text: p.text, clientMessageId: p.cid } });
        });
        if (isGone(res) && state.conv === conv) {
          // The stored conversation no longer exists: start a fresh one with this message.
          forgetConversation();
          res = await createConversation(p);
          created = res && res.ok;
        } else if (res.ok) {
          applyConversation(res.data, { cid: p.cid });
        }
      }
    } catch (e) {
      res = null;
    }

    if (res && res.ok) {
      if (findPending(p.cid)) { p.delivered = true; removePending(p); }
      render();
      if (created && state.wantHandoff) requestHandoff();
      return;
    }
    if (p.delivered) return; // we already saw it arrive over the live stream
    p.state = 'failed';
    p.error = problemText(res) || null;
    render();
  }

  async function createConversation(p) {
    var customer = p.customer || readCustomer();
    var body = { inbox: inboxKey, message: p.text, customer: customer, clientMessageId: p.cid };
    var res = await withRetry(function () { return request('POST', '/api/widget/conversations', { body: body }); });
    if (res.ok && res.data && res.data.id != null && res.data.token) {
      state.conv = { id: String(res.data.id), token: String(res.data.token) };
      markSeen();
      applyConversation(res.data, { cid: p.cid });
      saveStore();
      connectEvents();
    }
    return res;
  }

  // ---------------------------------------------------------------------------
  // Handoff ("Talk to a person")
  // ---------------------------------------------------------------------------

  async function requestHandoff() {
    if (!ui || state.handoffBusy) return;
    if (!state.conv) {
      state.wantHandoff = true;
      var inFlight = state.pending.some(function (p) { return p.state === 'queued' || p.state === 'sending'; });
      if (!inFlight) {
        var failed = state.pending.filter(function (p) { return p.state === 'failed'; })[0];
        if (failed) retryPending(failed.cid);
        else enqueue(HANDOFF_MESSAGE);
      }
      return;
    }
    state.wantHandoff = false;
    state.handoffBusy = true;
    setNotice('handoff', null);
    renderComposer();
    var conv = state.conv;
    try {
      var res = await withRetry(function () { return request('POST', convPath(conv.id) + '/handoff', { token: conv.token }); });
      if (state.conv !== conv) return;
      if (isGone(res)) {
        forgetConversation();
        state.handoffBusy = false;
        requestHandoff();
        return;
      }
      if (res.ok) {
        applyConversation(res.data);
      } else {
        setNotice('handoff', problemText(res) || TEXT.handoffFailed);
        setTimeout(function () { setNotice('handoff', null); }, 8000);
      }
    } catch (e) {
      setNotice('handoff', TEXT.handoffFailed);
      setTimeout(function () { setNotice('handoff', null); }, 8000);
    } finally {
      state.handoffBusy = false;
      render();
    }
  }

  // ---------------------------------------------------------------------------
  // Boot
  // ---------------------------------------------------------------------------

  function whenBodyReady() {
    if (document.body) return Promise.resolve();
    return new Promise(function (resolve) {
      document.addEventListener('DOMContentLoaded', function () { resolve(); }, { once: true });
    });
  }

  async function boot() {
    var stored = loadStore() || {};
    state.open = !!stored.open || state.open;
    state.seenAt = Number(stored.seenAt) || 0;
    state.ratedConv = stored.ratedConv || null;

    var res;
    try {
      var lang = String((navigator.language || 'en')).slice(0, 2).toLowerCase();
      res = await withRetry(function () { return request('GET', '/api/widget/inboxes/' + encodeURIComponent(inboxKey) + '?lang=' + encodeURIComponent(lang)); });
    } catch (e) {
      if (window.console) console.warn('[Tandem] Could not reach the chat service at ' + apiBase + '.');
      return;
    }
    if (!res.ok || !res.data || typeof res.data !== 'object') {
      if (window.console) console.warn('[Tandem] Unknown inbox "' + inboxKey + '" (HTTP ' + res.status + ').');
      return;
    }
    state.inbox = res.data;
    // the AI notice in the visitor's language, as the inbox, the configuration or the shipped texts word it
    if (typeof state.inbox.aiDisclosure === 'string' && state.inbox.aiDisclosure) TEXT.aiNotice = state.inbox.aiDisclosure;
    await whenBodyReady();
    buildUI();

    if (stored.id && stored.token) {
      state.conv = { id: String(stored.id), token: String(stored.token) };
    }
    render();
    if (state.open) openPanel(false); // restore without stealing focus from the page

    if (state.conv) {
      var hadSeen = !!state.seenAt;
      var ok = await catchUp();
      if (ok && state.conv) {
        if (!hadSeen) { markSeen(); saveStore(); render(); }
        connectEvents();
      }
    }

    window.addEventListener('online', function () {
      if (state.conv && !es) {
        esAttempt = 0;
        scheduleReconnect();
      }
    });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible' && state.conv) catchUp();
    });
    // Keep several tabs of the same site in sync (open state / conversation).
    window.addEventListener('storage', function (e) {
      if (e.key !== STORE_KEY) return;
      var s = parseJson(e.newValue) || {};
      if (s.id && (!state.conv || state.conv.id !== String(s.id))) {
        state.conv = { id: String(s.id), token: String(s.token) };
        catchUp().then(function (ok) { if (ok) connectEvents(); });
      } else if (!s.id && state.conv) {
        forgetConversation();
      }
    });
  }

  // ---------------------------------------------------------------------------
  // Public API
  // ---------------------------------------------------------------------------

  window.Tandem = {
    __tandemWidget: true,
    version: VERSION,
    open: function () { if (ui) openPanel(true); else state.open = true; },
    close: function () { if (ui) closePanel(false); else state.open = false; },
    toggle: function () { if (ui) toggle(true); else state.open = !state.open; }
  };

  // Host pages can open the chat from their own buttons/links without inline script (which a
  // Content-Security-Policy may forbid): <button data-tandem-open>Chat with us</button>
  document.addEventListener('click', function (e) {
    var t = e.target;
    var trigger = t && t.closest ? t.closest('[data-tandem-open]') : null;
    if (!trigger) return;
    e.preventDefault();
    window.Tandem.open();
  });

  boot();
})();
