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
})();
