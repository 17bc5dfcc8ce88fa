// Small progressive enhancements. No inline scripts anywhere (the CSP forbids them), so behaviour lives here.
(function () {
  'use strict';

  // Close the phone navigation menu after following a link inside it.
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('.nav-menu a') : null;
    var menu = link ? link.closest('details') : null;
    if (menu) menu.removeAttribute('open');
  });

  // Buttons with data-copy="#id" copy that element's text (webhook URL, verify token, invite links).
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
    if (!button) return;
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (source && navigator.clipboard) navigator.clipboard.writeText(source.textContent.trim());
  });

  // Composer: a live character count (code points, as WhatsApp counts them) against the limit the server enforces.
  document.addEventListener('input', function (event) {
    var field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || !field.hasAttribute('data-counter')) return;
    var out = document.getElementById(field.getAttribute('data-counter'));
    if (!out) return;
    var limit = Number(field.getAttribute('data-limit')) || 0;
    var length = Array.from(field.value).length;
    var lang = document.documentElement.lang || undefined;
    out.textContent = length.toLocaleString(lang) + ' / ' + limit.toLocaleString(lang);
    out.classList.toggle('over-limit', limit > 0 && length > limit);
  });

  // Conversation timeline: start at the newest message, and follow new ones (not older pages loaded above).
  function followTimeline() {
    var timeline = document.getElementById('timeline');
    if (!timeline) return;
    var last = timeline.querySelector('.messages > li:last-child');
    var lastId = last ? last.id : '';
    if (timeline.getAttribute('data-last') === lastId) return;
    timeline.setAttribute('data-last', lastId);
    timeline.scrollTop = timeline.scrollHeight;
  }
  document.addEventListener('DOMContentLoaded', followTimeline);
  document.addEventListener('htmx:after:settle', followTimeline);

  // Sandbox phone: scroll to the newest bubble when one arrives (the thread is re-polled every 2 s), and put the
  // cursor back in the message field after a send.
  function followSandboxPhone() {
    var thread = document.getElementById('sandbox-thread');
    if (!thread) return;
    var last = thread.querySelector('.bubble:last-of-type');
    var marker = last ? last.getAttribute('data-wamid') : '';
    if (thread.getAttribute('data-last') === marker) return;
    thread.setAttribute('data-last', marker);
    thread.scrollTop = thread.scrollHeight;
  }
  document.addEventListener('DOMContentLoaded', followSandboxPhone);
  document.addEventListener('htmx:after:settle', function (event) {
    followSandboxPhone();
    var target = event.target instanceof Element ? event.target : null;
    if (target && target.id === 'sandbox-phone-body') {
      var field = document.getElementById('sandbox-text');
      if (field) field.focus();
    }
  });
  // ---- Live inbox: the event stream on <main data-live> (see views/layout/app-shell.tsx) ----
  // Events carry ids only; the page re-fetches itself and swaps the regions below, so nothing is rendered twice.
  var LIVE_REGIONS = ['.status-tabs', '#conversation-list', '.conversation-header', '#timeline', '#contact-panel'];
  var refreshTimer = null;
  var lastInteraction = Date.now();

  function liveMain() {
    return document.querySelector('main[data-live]');
  }

  function csrfToken() {
    try {
      var headers = document.body.getAttribute('hx-headers:inherited') || document.body.getAttribute('hx-headers') || '{}';
      return JSON.parse(headers)['X-CSRF-Token'] || '';
    } catch (error) {
      return '';
    }
  }

  function refreshRegions() {
    var present = LIVE_REGIONS.filter(function (selector) {
      return document.querySelector(selector);
    });
    if (present.length === 0) return;
    var url = location.href;
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.text() : '';
      })
      .then(function (html) {
        if (!html || location.href !== url) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        present.forEach(function (selector) {
          var next = fresh.querySelector(selector);
          var current = document.querySelector(selector);
          if (!next || !current) return;
          var adopted = document.importNode(next, true);
          current.replaceWith(adopted);
          if (window.htmx) window.htmx.process(adopted);
        });
        document.dispatchEvent(new CustomEvent('live:refreshed'));
      })
      .catch(function () {});
  }

  function refreshUnread() {
    if (!liveMain()) return;
    fetch('/conversations/unread-count', { credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.text() : '';
      })
      .then(function (html) {
        var badge = new DOMParser().parseFromString(html, 'text/html').querySelector('.unread-badge');
        if (!badge) return;
        var count = Number(badge.getAttribute('data-count')) || 0;
        document.querySelectorAll('.unread-badge').forEach(function (el) {
          el.setAttribute('data-count', String(count));
          el.textContent = badge.textContent;
          if (badge.hasAttribute('title')) el.setAttribute('title', badge.getAttribute('title'));
          else el.removeAttribute('title');
        });
        document.title = (count > 0 ? '(' + count.toLocaleString(document.documentElement.lang || undefined) + ') ' : '') + document.title.replace(/^\([^)]*\) /, '');
      })
      .catch(function () {});
  }

  // Several events in a burst (a message, then its conversation change) cause one refresh. A hidden tab updates only
  // its title and catches up when shown: re-fetching an open conversation marks it read (blue ticks) for nobody.
  var regionsStale = false;
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      refreshUnread();
      if (document.hidden) regionsStale = true;
      else refreshRegions();
    }, 150);
  }
  document.addEventListener('visibilitychange', function () {
    if (document.hidden || !regionsStale) return;
    regionsStale = false;
    refreshRegions();
  });

  function beep() {
    var AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!AudioContextClass) return;
    var audio = new AudioContextClass();
    var oscillator = audio.createOscillator();
    var gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.value = 0.1;
    oscillator.connect(gain);
    gain.connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.15);
    oscillator.onended = function () {
      audio.close();
    };
  }

  // Only the contact's name is shown, never the message: notifications appear on shared screens.
  function notify(fact) {
    if (fact.notifyDesktop && 'Notification' in window && Notification.permission === 'granted') {
      var note = new Notification(fact.title || '', { body: fact.contactName || '', tag: fact.conversationId });
      note.onclick = function () {
        window.focus();
        location.href = '/conversations/' + encodeURIComponent(fact.conversationId);
      };
    }
    if (fact.notifySound) beep();
  }

  // A known tab that reconnects missed what happened meanwhile: refresh. A fresh page is already current.
  document.addEventListener('hello', function (event) {
    var main = event.target instanceof Element ? event.target.closest('main[data-live]') : null;
    if (!main) return;
    if (main.hasAttribute('data-live-seen')) scheduleRefresh();
    else refreshUnread();
    main.setAttribute('data-live-seen', '');
  });

  document.addEventListener('live', function (event) {
    var fact;
    try {
      fact = JSON.parse((event.detail && event.detail.data) || '{}');
    } catch (error) {
      return;
    }
    if (fact.type === 'presence.changed') {
      var menu = document.getElementById('presence-menu');
      if (menu && !menu.hasAttribute('open') && window.htmx) window.htmx.ajax('GET', '/presence/menu', { target: '#presence-menu', swap: 'outerHTML' });
      return;
    }
    if (fact.forMe && fact.type === 'message.created') notify(fact);
    scheduleRefresh();
  });

  // Presence: a heartbeat every 30 s while the tab is visible, saying whether its user did anything in the last minute.
  ['keydown', 'pointerdown', 'touchstart', 'wheel'].forEach(function (type) {
    document.addEventListener(type, function () {
      lastInteraction = Date.now();
    }, { passive: true });
  });

  function heartbeat() {
    if (!liveMain() || document.hidden) return;
    var body = new URLSearchParams({ active: Date.now() - lastInteraction < 60000 ? '1' : '0' });
    fetch('/presence/heartbeat', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken() }, body: body }).catch(function () {});
  }
  setInterval(heartbeat, 30000);
  document.addEventListener('DOMContentLoaded', heartbeat);
  document.addEventListener('visibilitychange', heartbeat);

  // Reply lock: tick "m:ss left" from the time the server gave (relative, so a skewed PC clock does not matter);
  // at zero the hidden .lock-refresh fetches the composer again, enabled.
  function tickLocks() {
    var clocks = document.querySelectorAll('.lock-countdown[data-remaining-ms]');
    for (var i = 0; i < clocks.length; i++) {
      var clock = clocks[i];
      if (!clock.dataset.deadline) clock.dataset.deadline = String(Date.now() + Number(clock.getAttribute('data-remaining-ms')));
      var left = Math.max(0, Number(clock.dataset.deadline) - Date.now());
      var seconds = Math.ceil(left / 1000);
      clock.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
      if (left > 0 || clock.dataset.expired) continue;
      clock.dataset.expired = '1';
      var banner = clock.closest('.lock-banner');
      var refresh = banner ? banner.querySelector('.lock-refresh') : null;
      if (refresh) refresh.dispatchEvent(new CustomEvent('lock-expired'));
    }
  }
  // A quarter-second tick: a 1 s timer that fires a little early or late would show 7:00 twice and then skip 6:59.
  setInterval(tickLocks, 250);

  // Leaving a conversation hands its reply lock back at once (a beacon carries the CSRF token as a form field):
  // on closing or reloading the tab, and when a boosted navigation swaps the conversation away.
  var heldLock = null;
  function releaseLock(url) {
    var token = document.querySelector('input[name="_csrf"]');
    if (url && token && navigator.sendBeacon) navigator.sendBeacon(url, new URLSearchParams({ _csrf: token.value }));
  }
  function watchLock() {
    var area = document.querySelector('[data-lock-release]');
    var url = area ? area.getAttribute('data-lock-release') : null;
    if (heldLock && heldLock !== url) releaseLock(heldLock);
    heldLock = url;
  }
  document.addEventListener('DOMContentLoaded', watchLock);
  document.addEventListener('htmx:after:swap', watchLock);
  window.addEventListener('pagehide', function () {
    releaseLock(heldLock);
  });

  // Desktop notifications need the browser's permission, asked only when the agent ticks the setting (a click).
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || box.name !== 'notifyDesktop' || !box.checked) return;
    if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission().then(showNotificationBlocked);
  });

  function showNotificationBlocked() {
    var hint = document.querySelector('.notify-blocked');
    if (hint && 'Notification' in window && Notification.permission === 'denied') hint.hidden = false;
  }
  document.addEventListener('DOMContentLoaded', showNotificationBlocked);
  document.addEventListener('htmx:after:settle', showNotificationBlocked);
})();

// Notes, canned responses, emoji and keyboard shortcuts (issue 4). Text goes into fields as values, never as HTML.
(function () {
  'use strict';

  function insertInto(field, text, replaceAll) {
    if (replaceAll) field.value = text;
    else {
      var start = field.selectionStart == null ? field.value.length : field.selectionStart;
      var end = field.selectionEnd == null ? start : field.selectionEnd;
      var before = field.value.slice(0, start);
      var spacer = before && !/\s$/.test(before) ? ' ' : '';
      field.value = before + spacer + text + field.value.slice(end);
      var caret = before.length + spacer.length + text.length;
      field.setSelectionRange(caret, caret);
    }
    field.focus();
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function choose(option) {
    var field = document.getElementById(option.getAttribute('data-insert-into'));
    if (!field) return;
    insertInto(field, option.getAttribute('data-insert') || '', option.hasAttribute('data-replace'));
    var picker = option.closest('details');
    if (picker) picker.removeAttribute('open');
    var slot = option.closest('.canned-slot');
    if (slot) slot.innerHTML = '';
  }

  // Mention tokens, emoji and canned responses: buttons or options carrying the text to insert.
  document.addEventListener('click', function (event) {
    var option = event.target instanceof Element ? event.target.closest('[data-insert]') : null;
    if (!option) return;
    event.preventDefault();
    choose(option);
  });

  // Typing "/" then letters at the start of the reply asks the server for matching canned responses.
  var pending = 0;
  document.addEventListener('input', function (event) {
    var field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || field.id !== 'composer-text') return;
    var slot = document.getElementById('canned-slot');
    if (!slot) return;
    var match = /^\/([^\s/]{0,30})$/.exec(field.value);
    if (!match) {
      slot.innerHTML = '';
      return;
    }
    var ticket = ++pending;
    fetch(slot.getAttribute('data-canned-url') + '?q=' + encodeURIComponent(match[1]), { credentials: 'same-origin', headers: { 'HX-Request': 'true', 'HX-Request-Type': 'partial' } })
      .then(function (response) {
        return response.ok ? response.text() : '';
      })
      .then(function (html) {
        if (ticket === pending) slot.innerHTML = html; // server-rendered, every value escaped there
      })
      .catch(function () {});
  });

  // ↑/↓ move through the suggestions, Enter inserts the selected one, Escape closes the list.
  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || field.id !== 'composer-text') return;
    var options = Array.prototype.slice.call(document.querySelectorAll('#canned-slot [role="option"]'));
    if (!options.length) return;
    var current = options.findIndex(function (o) {
      return o.getAttribute('aria-selected') === 'true';
    });
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      var next = (current + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      options.forEach(function (o, i) {
        o.setAttribute('aria-selected', i === next ? 'true' : 'false');
      });
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      choose(options[current]);
    } else if (event.key === 'Escape') {
      document.getElementById('canned-slot').innerHTML = '';
    }
  });

  // Single-key shortcuts, ignored while typing in a field or with a modifier held.
  function typing(target) {
    return target instanceof Element && (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null);
  }
  function focusField(id, openDetails) {
    var field = document.getElementById(id);
    if (!field) return false;
    var details = openDetails ? field.closest('details') : null;
    if (details) details.setAttribute('open', '');
    field.focus();
    return true;
  }
  function moveInList(step) {
    var links = Array.prototype.slice.call(document.querySelectorAll('.conversation-link'));
    if (!links.length) return;
    var index = links.indexOf(document.activeElement);
    var next = index < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, index + step));
    links[next].focus();
  }
  function showHelp() {
    var template = document.getElementById('shortcuts-help');
    if (!template || document.querySelector('dialog.shortcuts-dialog[open]')) return;
    var dialog = template.content.firstElementChild.cloneNode(true);
    document.body.appendChild(dialog);
    dialog.addEventListener('close', function () {
      dialog.remove();
    });
    dialog.showModal();
  }
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var handled = true;
    switch (event.key) {
      case 'j':
        moveInList(1);
        break;
      case 'k':
        moveInList(-1);
        break;
      case 'r':
        handled = focusField('composer-text', false);
        break;
      case 'n':
        handled = focusField('note-text', true);
        break;
      case '/':
        handled = focusField('composer-text', false);
        if (handled) {
          var field = document.getElementById('composer-text');
          if (!field.value) insertInto(field, '/', true);
        }
        break;
      case 'e': {
        var status = document.querySelector('.status-actions input[name="status"][value="resolved"]');
        if (status) status.form.requestSubmit();
        else handled = false;
        break;
      }
      case '?':
        showHelp();
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });
})();

// Auto-reply editor (issue 6): warn past the soft limit (the composer counter above shows "n / 256" and the hard
// limit) and mirror the text and buttons into the WhatsApp bubble preview. textContent only: nothing becomes HTML.
(function () {
  'use strict';

  function withOpening(field, text) {
    var opening = field.getAttribute('data-opening');
    if (opening === null) return text;
    if (text.indexOf('{opening}') !== -1) return text.split('{opening}').join(opening);
    return text ? text + '\n' + opening : opening;
  }

  function showText(field) {
    var preview = document.getElementById(field.getAttribute('data-preview'));
    var text = preview && preview.querySelector('.auto-preview-text');
    if (!text) return;
    var value = withOpening(field, field.value.trim());
    text.textContent = value || preview.getAttribute('data-empty') || '';
    text.classList.toggle('muted', !value);
  }

  function showButton(field) {
    var preview = document.getElementById(field.getAttribute('data-preview-button'));
    var items = preview ? preview.querySelectorAll('.auto-preview-buttons li') : [];
    var item = items[Number(field.getAttribute('data-index'))];
    if (!item) return;
    item.textContent = field.value.trim();
    item.hidden = !field.value.trim();
  }

  document.addEventListener('input', function (event) {
    var field = event.target;
    if (field instanceof HTMLTextAreaElement && field.hasAttribute('data-soft-limit')) {
      var out = document.getElementById(field.getAttribute('data-counter'));
      var length = Array.from(field.value).length;
      if (out) out.classList.toggle('near-limit', length > Number(field.getAttribute('data-soft-limit')) && length <= Number(field.getAttribute('data-limit')));
      if (field.hasAttribute('data-preview')) showText(field);
    }
    if (field instanceof HTMLInputElement && field.hasAttribute('data-preview-button')) showButton(field);
  });
})();
