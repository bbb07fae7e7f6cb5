/* global document, window, fetch */
// Espace animateur. The box has no clock battery: when a page carries
// <form data-clock-sync>, the browser's time is filled in, and sent at once when the
// box says its own clock is not trustworthy (data-auto).
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-clock-sync]');
  Array.prototype.forEach.call(forms, function (form) {
    var input = form.querySelector('input[name="browserTime"]');
    if (!input) return;
    input.value = String(Date.now());
    if (form.getAttribute('data-auto') !== '1' || !window.fetch) return;
    var token = form.querySelector('input[name="_csrf"]');
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body:
        'browserTime=' +
        encodeURIComponent(String(Date.now())) +
        '&_csrf=' +
        encodeURIComponent(token ? token.value : ''),
    }).catch(function () {});
  });
})();
