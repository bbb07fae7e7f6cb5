/**
 * The packs page's two small scripts, served from /admin/packs/assets/ (the strict CSP
 * allows no inline script). The page works without them.
 */

/** Refreshes the list of detected packs while something is running. */
export const LIVE_JS = `(function () {
  'use strict';
  function tick() {
    var live = document.getElementById('pack-queue');
    if (!live || live.getAttribute('data-active') !== '1' || !window.fetch || !window.DOMParser) return;
    fetch(window.location.pathname, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('pack-queue');
        if (!next) return;
        if (next.innerHTML !== live.innerHTML) live.innerHTML = next.innerHTML;
        live.setAttribute('data-active', next.getAttribute('data-active') || '0');
        setTimeout(tick, 1500);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1500);
})();
`;

/**
 * Sends the upload form with XMLHttpRequest to show its progress; the answer (the packs
 * page, or the page with the refusal) then replaces the current one. Without this script
 * the same form posts normally.
 */
export const UPLOAD_JS = `(function () {
  'use strict';
  var form = document.getElementById('pack-upload');
  if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) return;
  var bar = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  var button = form.querySelector('button[type="submit"]');
  function mo(n) { return (n / 1000000).toLocaleString('fr-FR', { maximumFractionDigits: 1 }) + ' Mo'; }
  form.addEventListener('submit', function (event) {
    var input = form.querySelector('input[type="file"]');
    if (!input || !input.files || input.files.length === 0) return;
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.hidden = false;
      bar.max = e.total;
      bar.value = e.loaded;
      status.textContent = 'Envoi : ' + Math.floor((e.loaded / e.total) * 100) + ' % (' + mo(e.loaded) + ' sur ' + mo(e.total) + ')';
    };
    xhr.upload.onload = function () { status.textContent = 'Fichier reçu : vérification du pack…'; };
    xhr.onload = function () {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL) {
        window.location.assign(xhr.responseURL);
        return;
      }
      var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var flash = page.querySelector('.flash-error');
      status.textContent = flash ? flash.textContent : 'L’envoi a été refusé : rechargez la page et recommencez.';
      bar.hidden = true;
      button.disabled = false;
    };
    xhr.onerror = function () {
      status.textContent = 'L’envoi s’est interrompu : vérifiez la connexion au Wi-Fi de la boîte et recommencez.';
      bar.hidden = true;
      button.disabled = false;
    };
    button.disabled = true;
    status.textContent = 'Envoi en cours…';
    xhr.send(new FormData(form));
  });
})();
`;
