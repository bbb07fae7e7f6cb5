/* global document */
// Notice editor: touching a step's picture places a new marker there (its position
// and a default size, in fractions of the picture), then saves so it is drawn at once.
// Without JavaScript the numeric fields do the same job.
(function () {
  'use strict';
  var form = document.getElementById('editor');
  if (!form) return;
  Array.prototype.forEach.call(document.querySelectorAll('.js-only'), function (el) {
    el.classList.remove('js-only');
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
      var set = function (key, value) {
        var input = row.querySelector('[name$=".' + key + '"]');
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
