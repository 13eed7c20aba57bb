// Grading forms: shows the points the ticked rubric lines give as the grader ticks them.
// The server computes the same sum from the ticks; this is only a display.
(function () {
  'use strict';
  function update(form) {
    var total = 0;
    form.querySelectorAll('.tick, .tick-count').forEach(function (input) {
      var covered = input.type === 'checkbox' ? (input.checked ? 1 : 0) : parseInt(input.value, 10) || 0;
      if (covered >= parseInt(input.dataset.n, 10)) {
        total += parseInt(input.dataset.points, 10) || 0;
      }
    });
    var max = parseInt(form.dataset.max, 10);
    if (total > max) {
      total = max;
    }
    var out = form.querySelector('.rubric-total');
    if (out) {
      out.textContent = 'The ticked lines give ' + total + ' of ' + max + ' points. Leave the points empty to use them.';
    }
  }
  document.querySelectorAll('form.grade-form').forEach(function (form) {
    if (!form.querySelector('.rubric-ticks')) {
      return;
    }
    form.addEventListener('input', function () { update(form); });
    form.addEventListener('change', function () { update(form); });
    update(form);
  });
})();
