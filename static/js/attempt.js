// Progressive enhancement for attempt pages: a live countdown and autosave.
// Everything here is optional: without JavaScript the forms post and the server keeps time.
(function () {
  'use strict';

  var form = document.getElementById('answer-form');
  var statusBox = document.getElementById('save-status');
  var revisionField = document.getElementById('revision');
  var pageField = document.getElementById('page');
  var csrfField = document.querySelector('input[name=csrf]');
  var csrf = csrfField ? csrfField.value : '';
  var autosaveUrl = form ? form.getAttribute('data-autosave') : null;

  var debounce = null;
  var retry = null;
  var dirty = false;
  var stale = false;
  var inFlight = null;
  var generation = 0;
  var onRemaining = function () {};

  function setStatus(text, isError) {
    if (!statusBox) { return; }
    statusBox.textContent = text;
    statusBox.classList.toggle('error', !!isError);
  }

  // A refused answer (not a number, say) is shown next to its field, as the form post would show it.
  function fieldError(text) {
    var field = form.querySelector('[name=response]');
    if (!field) { return; }
    var box = document.getElementById('response-error');
    if (!text) {
      if (box) { box.remove(); }
      field.removeAttribute('aria-invalid');
      field.closest('.field').classList.remove('has-error');
      return;
    }
    if (!box) {
      box = document.createElement('p');
      box.id = 'response-error';
      box.className = 'field-error';
      box.setAttribute('role', 'alert');
      field.insertAdjacentElement('afterend', box);
    }
    box.textContent = text;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', 'response-hint response-error');
    field.closest('.field').classList.add('has-error');
  }

  function formBody() {
    var body = new URLSearchParams();
    body.append('csrf', csrf);
    body.append('revision', revisionField.value);
    body.append('page', pageField.value);
    form.querySelectorAll('input[name=choice]:checked').forEach(function (input) {
      body.append('choice', input.value);
    });
    var text = form.querySelector('[name=response]');
    if (text) { body.append('response', text.value); }
    return body;
  }

  function save() {
    clearTimeout(debounce);
    clearTimeout(retry);
    if (stale) { return inFlight; }
    generation += 1;
    var mine = generation;
    setStatus('Saving…', false);
    inFlight = fetch(autosaveUrl, {
      method: 'POST',
      body: formBody(),
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (reply) {
        if (typeof reply.remainingMs === 'number') { onRemaining(reply.remainingMs, reply.deadlineAt); }
        if (response.ok) {
          revisionField.value = String(reply.revision);
          if (mine === generation) {
            dirty = false;
            fieldError('');
            setStatus('Saved at ' + new Date().toLocaleTimeString(), false);
          }
        } else if (response.status === 409) {
          // another tab saved a newer answer: this page never overwrites it, until it is reloaded
          stale = true;
          setStatus(reply.error || 'Not saved: this answer was changed in another tab or window. Reload to see it.', true);
        } else if (response.status === 400 && reply.field) {
          fieldError(reply.error);
          setStatus('Not saved: check your answer.', true);
        } else if (response.status === 410) {
          setStatus('Not saved: time is up. Answers saved before the deadline count.', true);
          dirty = false;
        } else if (response.status === 429) {
          var wait = parseInt(response.headers.get('Retry-After') || '10', 10);
          setStatus('Saving paused for ' + wait + ' seconds (too many saves); your answer is still on the page.', true);
          retry = setTimeout(save, wait * 1000);
        } else {
          throw new Error('status ' + response.status);
        }
      });
    }).catch(function () {
      setStatus('Not saved: the connection failed. Your answer is still on this page and will be retried; ' +
        'you can also press Next to save it.', true);
      retry = setTimeout(save, 4000);
    });
    return inFlight;
  }

  function changed(delay) {
    dirty = true;
    clearTimeout(debounce);
    if (stale) { return; }
    setStatus('Changes not saved yet…', false);
    debounce = setTimeout(save, delay);
  }

  if (form && autosaveUrl && revisionField && pageField) {
    form.addEventListener('change', function (event) {
      if (event.target.name === 'choice') { changed(0); }
      if (event.target.name === 'response') { changed(0); }
    });
    form.addEventListener('input', function (event) {
      if (event.target.name === 'response') { changed(800); }
    });
    form.addEventListener('submit', function () {
      // the form carries the same answer, the revision this page last saved, and this page's token
      clearTimeout(debounce);
      clearTimeout(retry);
      dirty = false;
    });
    window.addEventListener('beforeunload', function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ''; }
    });
  }

  // Integrity signals: the page was hidden or lost focus (and for how long), or text was pasted into an answer.
  // The interviewer sees them as signals; nothing is blocked.
  var signalsUrl = form ? form.getAttribute('data-signals') : null;
  if (signalsUrl) {
    var slot = form.getAttribute('data-slot');
    var send = function (type, amount) {
      var body = new URLSearchParams();
      body.append('csrf', csrf);
      body.append('type', type);
      body.append('slot', slot);
      body.append('amount', String(Math.round(amount)));
      if (!(navigator.sendBeacon && navigator.sendBeacon(signalsUrl, body))) {
        fetch(signalsUrl, { method: 'POST', body: body, credentials: 'same-origin', keepalive: true }).catch(function () {});
      }
    };
    var awaySince = null;
    var away = function () { if (awaySince === null) { awaySince = Date.now(); } };
    var back = function () {
      if (awaySince !== null) { send('focus_lost', Date.now() - awaySince); awaySince = null; }
    };
    document.addEventListener('visibilitychange', function () { if (document.hidden) { away(); } else { back(); } });
    window.addEventListener('blur', away);
    window.addEventListener('focus', back);
    form.addEventListener('paste', function (event) {
      var text = event.clipboardData ? event.clipboardData.getData('text') : '';
      send('paste', text.length);
    });
  }

  // The countdown: the server sent the time left; the browser's own clock is never trusted for the deadline.
  var timer = document.getElementById('timer');
  if (timer) {
    var remaining = parseInt(timer.getAttribute('data-remaining-ms'), 10);
    var end = performance.now() + remaining;
    // The server may move the deadline (an interviewer added time): every save reply and a light poll say
    // where it is now, and the countdown follows a deadline that moved.
    var deadline = timer.getAttribute('data-deadline');
    onRemaining = function (ms, newDeadline) {
      if (ms < 0 || expired || newDeadline === undefined || String(newDeadline) === deadline) { return; }
      var later = Number(newDeadline) > Number(deadline);
      deadline = String(newDeadline);
      end = performance.now() + ms;
      if (later) {
        box.classList.remove('low');
        announced = {};
        remaining = ms;
        announce('The deadline was extended: ' + format(Math.ceil(ms / 1000)) + ' left.');
      }
    };
    var clockUrl = timer.getAttribute('data-clock');
    if (clockUrl) {
      var poll = function () {
        fetch(clockUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (reply) {
            if (reply && reply.inProgress === false) { window.location.reload(); return; }
            if (reply) { onRemaining(reply.remainingMs, reply.deadlineAt); }
          }).catch(function () {})
          .then(function () { if (!expired) { setTimeout(poll, 8000); } });
      };
      setTimeout(poll, 8000);
    }
    var box = timer.parentElement;
    var announcer = document.getElementById('timer-announcer');
    var marks = [600, 300, 120, 60, 30, 10];
    var announced = {};
    var expired = false;

    var format = function (seconds) {
      var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
      var mm = (m < 10 ? '0' : '') + m, ss = (s < 10 ? '0' : '') + s;
      return h > 0 ? h + ':' + mm + ':' + ss : mm + ':' + ss;
    };
    var announce = function (text) { if (announcer) { announcer.textContent = text; } };
    var spoken = function (seconds) {
      return seconds >= 60 ? (seconds / 60) + (seconds === 60 ? ' minute' : ' minutes') : seconds + ' seconds';
    };

    var expire = function () {
      if (expired) { return; }
      expired = true;
      announce('Time is up. Submitting your answers.');
      setStatus('Time is up. Submitting your answers…', false);
      var submit = function () { document.getElementById('timeout-form').submit(); };
      var pending = (dirty && autosaveUrl) ? save() : inFlight;
      if (pending) { pending.then(submit, submit); } else { submit(); }
    };

    var tick = function () {
      var left = Math.max(0, end - performance.now());
      var seconds = Math.ceil(left / 1000);
      timer.textContent = format(seconds);
      if (seconds <= 60) { box.classList.add('low'); }
      marks.forEach(function (mark) {
        if (seconds <= mark && remaining / 1000 > mark && !announced[mark]) {
          announced[mark] = true;
          announce(spoken(mark) + ' left.');
        }
      });
      if (left <= 0) { expire(); return; }
      setTimeout(tick, Math.min(1000, (left % 1000) || 1000));
    };
    tick();
  }
})();
