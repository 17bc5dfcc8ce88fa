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
})();
