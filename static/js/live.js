// The live view: refreshes the table of attempts in progress from /review/live.json every few seconds.
// Without JavaScript the page shows the figures as of its loading; reloading refreshes them.
(function () {
  'use strict';
  var rows = document.getElementById('live-rows');
  var status = document.getElementById('live-status');
  if (!rows || !window.fetch) {
    return;
  }
  var EVERY_MS = 5000;

  function cell(tag, text, label) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (label) {
      c.dataset.label = label; // the column's name, shown above the value when the rows are cards (phones)
    }
    return c;
  }

  function render(data) {
    var body = document.createDocumentFragment();
    data.attempts.forEach(function (a) {
      var tr = document.createElement('tr');
      var name = document.createElement('th');
      name.scope = 'row';
      var link = document.createElement('a');
      link.href = '/review/attempts/' + encodeURIComponent(a.id);
      link.textContent = a.name;
      name.appendChild(link);
      tr.appendChild(name);
      var left = cell('td', '', 'Time left');
      var span = cell('span', a.timeLeft);
      if (a.overdue) {
        span.className = 'badge pending';
      }
      left.appendChild(span);
      tr.appendChild(left);
      tr.appendChild(cell('td', a.lastActivity, 'Last activity'));
      tr.appendChild(cell('td', a.answered, 'Answered'));
      tr.appendChild(cell('td', a.quiz, 'Quiz'));
      tr.appendChild(cell('td', a.started, 'Started'));
      body.appendChild(tr);
    });
    if (data.attempts.length === 0) {
      var empty = document.createElement('tr');
      empty.className = 'live-empty';
      var td = cell('td', 'No attempt is in progress.');
      td.colSpan = 6;
      empty.appendChild(td);
      body.appendChild(empty);
    }
    rows.replaceChildren(body);
    status.textContent = 'Updated ' + data.updated + '; refreshes every ' + EVERY_MS / 1000 + ' seconds.';
  }

  function poll() {
    if (document.hidden) {
      return;
    }
    fetch('/review/live.json', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) {
          throw new Error('status ' + r.status);
        }
        return r.json();
      })
      .then(render)
      .catch(function () {
        status.textContent = 'Could not refresh; trying again in a few seconds.';
      });
  }

  status.textContent = 'Refreshes every ' + EVERY_MS / 1000 + ' seconds.';
  setInterval(poll, EVERY_MS);
  poll();
})();
