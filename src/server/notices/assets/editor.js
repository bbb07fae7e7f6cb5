/* global document, window */
// Notice editor.
// 1. Touching a step's picture places a new marker there (its position and a default
//    size, in fractions of the picture), then saves so it is drawn at once. Without
//    JavaScript the numeric fields do the same job.
// 2. Nothing typed is lost: every change is kept in this browser (localStorage) until
//    the server has it (the page shows a newer version than the one it was sent from). If the page is left without saving (session expired, closed
//    tab, a refused upload), the next visit puts the text back and says so. The copy
//    keeps the version it was written from, so a save after another tab's save is
//    detected by the server as a conflict instead of overwriting.
// 3. A picture over 5 MB is refused before sending (the server refuses it too).
(function () {
  'use strict';
  var form = document.getElementById('editor');
  if (!form) return;
  Array.prototype.forEach.call(document.querySelectorAll('.js-only'), function (el) {
    el.classList.remove('js-only');
  });

  var key = 'lanterne-notice-draft:' + form.getAttribute('data-notice');
  var storage = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  var fields = function () {
    return Array.prototype.filter.call(form.elements, function (el) {
      return (
        el.name &&
        el.name !== '_csrf' &&
        el.name !== 'revision' &&
        el.type !== 'file' &&
        el.type !== 'submit' &&
        el.type !== 'hidden'
      );
    });
  };
  var valueOf = function (el) {
    if (el.type === 'checkbox') return el.checked ? '1' : '';
    return el.value;
  };
  var idOf = function (el) {
    return el.type === 'checkbox' ? el.name + '=' + el.value : el.name;
  };
  var snapshot = function () {
    var values = {};
    fields().forEach(function (el) {
      values[idOf(el)] = valueOf(el);
    });
    return values;
  };
  var revisionInput = form.querySelector('input[name="revision"]');
  var rendered = snapshot();

  // Put back what was typed and not saved.
  if (storage) {
    var saved = null;
    try {
      saved = JSON.parse(storage.getItem(key) || 'null');
    } catch {
      saved = null;
    }
    // Sent, and the server's version moved on since: the server has that text.
    if (saved && saved.submitted && saved.revision !== form.getAttribute('data-revision')) {
      storage.removeItem(key);
      saved = null;
    }
    if (saved && saved.values) {
      var differs = false;
      fields().forEach(function (el) {
        var v = saved.values[idOf(el)];
        if (v === undefined || v === valueOf(el)) return;
        differs = true;
        if (el.type === 'checkbox') el.checked = v === '1';
        else el.value = v;
      });
      if (differs) {
        // Written from an older version: the server will show both texts on save.
        if (saved.revision && revisionInput) revisionInput.value = saved.revision;
        var note = document.querySelector('.restored-note');
        if (note) note.hidden = false;
      } else {
        storage.removeItem(key);
      }
    }
  }

  var keep = function (submitted) {
    if (!storage) return;
    var values = snapshot();
    var changed = Object.keys(values).some(function (k) {
      return values[k] !== rendered[k];
    });
    try {
      if (changed)
        storage.setItem(
          key,
          JSON.stringify({
            revision: revisionInput ? revisionInput.value : '',
            submitted: submitted === true,
            values: values,
          }),
        );
      else storage.removeItem(key);
    } catch {
      /* storage full or refused: the form still works */
    }
  };
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);
  // Kept until the next page shows the server has it (a newer version): an expired
  // session, a refused upload or a lost connection lose nothing.
  form.addEventListener('submit', function () {
    keep(true);
  });

  Array.prototype.forEach.call(form.querySelectorAll('input[type=file]'), function (input) {
    input.addEventListener('change', function () {
      var max = Number(input.getAttribute('data-max-bytes')) || 0;
      var file = input.files && input.files[0];
      if (max && file && file.size > max) {
        input.value = '';
        window.alert('Cette image est trop lourde (5 Mo au plus) : choisissez-en une plus petite.');
      }
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('.editor-picture'), function (box) {
    var svg = box.querySelector('svg.notice-picture');
    if (!svg) return;
    svg.addEventListener('click', function (event) {
      var n = box.getAttribute('data-step');
      var step = document.getElementById('etape-' + n);
      var row = step && step.querySelector('tr.marker-new');
      if (!row) return;
      var rect = svg.getBoundingClientRect();
      var vb = svg.viewBox.baseVal;
      var fx = (event.clientX - rect.left) / rect.width;
      var fy = (event.clientY - rect.top) / rect.height;
      var w = 0.16;
      var h = Math.min(0.5, (w * vb.width) / vb.height);
      var set = function (name, value) {
        var input = row.querySelector('[name$=".' + name + '"]');
        if (input) input.value = value;
      };
      set('x', Math.max(0, Math.min(1 - w, fx - w / 2)).toFixed(4));
      set('y', Math.max(0, Math.min(1 - h, fy - h / 2)).toFixed(4));
      set('w', w.toFixed(4));
      set('h', h.toFixed(4));
      var shape = row.querySelector('select[name$=".shape"]');
      if (shape && !shape.value) shape.value = 'circle';
      var save = form.querySelector('button[value="save"]');
      if (save && form.requestSubmit) form.requestSubmit(save);
      else form.submit();
    });
  });
})();
