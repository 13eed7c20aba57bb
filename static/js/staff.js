// Staff pages, progressively enhanced: times in the viewer's own zone (UTC stays in the tooltip, and is
// what the page says without JavaScript), the viewer's zone for date filters, the focus on the error summary
// when a form came back, and a form sent once however often its button is pressed.
(function () {
  'use strict';

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  function local(date, seconds) {
    var parts = {};
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      second: seconds ? '2-digit' : undefined, hourCycle: 'h23', timeZoneName: 'short'
    }).formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    var text = parts.year + '-' + parts.month + '-' + parts.day + ' ' + pad(parts.hour) + ':' + parts.minute;
    return (seconds ? text + ':' + parts.second : text) + ' ' + parts.timeZoneName;
  }

  function showLocalTimes() {
    document.querySelectorAll('time[datetime]').forEach(function (el) {
      var date = new Date(el.getAttribute('datetime'));
      if (isNaN(date.getTime())) {
        return;
      }
      if (!el.title) {
        el.title = el.textContent;
      }
      el.textContent = local(date, el.dataset.precision === 'seconds');
    });
  }

  // a list's date boxes mean the viewer's own days: the form sends the browser's zone along
  function sendZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) {
      return;
    }
    document.querySelectorAll('input[type=hidden][data-viewer-zone]').forEach(function (el) {
      el.value = zone;
    });
  }

  function focusErrors() {
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.scrollIntoView({ block: 'start' });
      summary.focus({ preventScroll: true });
      // a link in the summary puts the cursor in its field, not only the field in view
      summary.addEventListener('click', function (event) {
        var link = event.target.closest('a[href^="#"]');
        var field = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
        if (field && typeof field.focus === 'function') {
          event.preventDefault();
          field.scrollIntoView({ block: 'center' });
          field.focus({ preventScroll: true });
          history.replaceState(null, '', link.getAttribute('href'));
        }
      });
    }
  }

  // A double click, or Enter pressed twice, sends a form once: the second submit of a form still on its way is
  // dropped. Back to a page from the browser's cache re-arms its forms.
  function sendOnce() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post' || event.defaultPrevented) {
        return;
      }
      if (form.dataset.sending === 'yes') {
        event.preventDefault();
        return;
      }
      form.dataset.sending = 'yes';
      form.setAttribute('aria-busy', 'true');
    });
    window.addEventListener('pageshow', function () {
      document.querySelectorAll('form[data-sending]').forEach(function (form) {
        delete form.dataset.sending;
        form.removeAttribute('aria-busy');
      });
    });
  }

  function start() {
    showLocalTimes();
    sendZone();
    focusErrors();
  }

  sendOnce();

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
