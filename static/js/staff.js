// Staff pages: show every <time datetime> in the viewer's own time zone; the tooltip keeps UTC.
(function () {
  'use strict';
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var zoneName = function (d) {
    try {
      var part = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(d)
        .filter(function (p) { return p.type === 'timeZoneName'; })[0];
      return part ? part.value : '';
    } catch (e) { return ''; }
  };
  function localise(root) {
    root.querySelectorAll('time[datetime]').forEach(function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (isNaN(d.getTime())) { return; }
      var text = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' +
        pad(d.getMinutes()) + (t.hasAttribute('data-seconds') ? ':' + pad(d.getSeconds()) : '');
      t.textContent = text + ' ' + zoneName(d);
      if (!t.title) { t.title = t.getAttribute('datetime'); }
    });
    root.querySelectorAll('input[name=tz]').forEach(function (input) {
      try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { /* stays UTC */ }
    });
  }
  window.skillmarkLocalise = localise;
  localise(document);
})();
