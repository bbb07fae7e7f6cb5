// Resumable sending of a proposed file on weak Wi-Fi (the tus protocol, 1.0.0), served by
// the box from /static. Without this script the form is a plain multipart post; with it,
// the file goes first in pieces to /contribuer/envoi, resumes where the box says it
// stopped after a cut, then the form is posted naming the upload ("envoi"). The upload's
// address is kept in this phone's own storage (never the box's) so a reload resumes too.
(function () {
  'use strict';
  var form = document.querySelector('form.propose');
  var input = form && form.querySelector('input[type="file"][name="file"]');
  if (!form || !input || !window.fetch || !window.Blob || !Blob.prototype.slice) return;

  var ENDPOINT = '/contribuer/envoi';
  var PIECE = 1024 * 1024;
  var TUS = { 'Tus-Resumable': '1.0.0' };
  var status = document.createElement('div');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.className = 'upload-status';
  input.parentNode.insertBefore(status, input.nextSibling);

  function say(text, progress) {
    status.textContent = '';
    var p = document.createElement('p');
    p.textContent = text;
    status.appendChild(p);
    if (typeof progress === 'number') {
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = progress;
      bar.setAttribute('aria-hidden', 'true');
      status.appendChild(bar);
    }
  }

  function keyOf(file) {
    return 'lanterne-envoi:' + file.name + ':' + file.size + ':' + file.lastModified;
  }
  function remembered(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }
  function remember(key, value) {
    try {
      if (value) localStorage.setItem(key, value);
      else localStorage.removeItem(key);
    } catch {
      /* private mode: resuming within this page still works */
    }
  }
  function headers(extra) {
    var out = {};
    for (var k in TUS) out[k] = TUS[k];
    for (var j in extra) out[j] = extra[j];
    return out;
  }
  function wait(ms) {
    return new Promise(function (r) {
      setTimeout(r, ms);
    });
  }
  /** A refusal the box explained in French (size, quota, too many proposals). */
  function Refused(text) {
    this.text = text;
  }
  function refusedBy(res) {
    return res.text().then(function (t) {
      throw new Refused(t.trim() || 'La boîte a refusé ce fichier.');
    });
  }

  function offsetAt(url) {
    return fetch(url, { method: 'HEAD', headers: headers({}), cache: 'no-store' }).then(
      function (res) {
        if (res.status !== 200) return null;
        return Number(res.headers.get('Upload-Offset'));
      },
    );
  }

  function create(file) {
    return fetch(ENDPOINT, {
      method: 'POST',
      headers: headers({ 'Upload-Length': String(file.size) }),
    }).then(function (res) {
      if (res.status !== 201) return refusedBy(res);
      return res.headers.get('Location');
    });
  }

  function send(file, url, offset, tries) {
    if (offset >= file.size) return Promise.resolve(url);
    say(
      'Envoi du fichier : ' + Math.floor((offset / file.size) * 100) + ' %',
      (offset / file.size) * 100,
    );
    var piece = file.slice(offset, Math.min(file.size, offset + PIECE));
    return fetch(url, {
      method: 'PATCH',
      headers: headers({
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
      }),
      body: piece,
    }).then(
      function (res) {
        if (res.status === 204) return send(file, url, Number(res.headers.get('Upload-Offset')), 0);
        if (res.status === 409 || res.status >= 500) return resume(file, url, tries);
        return refusedBy(res);
      },
      function () {
        return resume(file, url, tries);
      },
    );
  }

  /** The connection dropped: wait, ask the box where it stopped, go on from there. */
  function resume(file, url, tries) {
    if (tries >= 40)
      throw new Refused(
        'La connexion est trop faible pour envoyer ce fichier : rapprochez-vous de la borne Wi-Fi et réessayez. Ce que vous avez tapé est gardé.',
      );
    say('La connexion s’est coupée. On reprend dès qu’elle revient…');
    return wait(Math.min(10000, 1000 * (tries + 1)))
      .then(function () {
        return offsetAt(url);
      })
      .then(
        function (offset) {
          if (offset === null)
            throw new Refused('L’envoi a été oublié par la boîte : recommencez.');
          return send(file, url, offset, tries + 1);
        },
        function () {
          return resume(file, url, tries + 1);
        },
      );
  }

  var busy = false;
  form.addEventListener('submit', function (event) {
    var file = input.files && input.files[0];
    if (!file || busy) return;
    event.preventDefault();
    busy = true;
    var key = keyOf(file);
    var known = remembered(key);
    var start = known
      ? offsetAt(known).then(
          function (offset) {
            return offset === null ? null : { url: known, offset: offset };
          },
          function () {
            return null;
          },
        )
      : Promise.resolve(null);
    start
      .then(function (found) {
        if (found) return send(file, found.url, found.offset, 0);
        return create(file).then(function (url) {
          remember(key, url);
          return send(file, url, 0, 0);
        });
      })
      .then(function (url) {
        remember(key, null);
        say('Fichier arrivé. Envoi du formulaire…', 100);
        var named = form.querySelector('input[name="envoi"]');
        if (!named) {
          named = document.createElement('input');
          named.type = 'hidden';
          named.name = 'envoi';
          form.appendChild(named);
        }
        named.value = url.split('/').pop();
        // The file is on the box already: the form itself carries only the text.
        input.removeAttribute('name');
        form.submit();
      })
      .catch(function (err) {
        busy = false;
        say(
          err instanceof Refused
            ? err.text
            : 'Le fichier n’a pas pu être envoyé. Réessayez ; ce que vous avez tapé est gardé.',
        );
      });
  });
})();
