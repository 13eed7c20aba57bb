// Progressive enhancement for invitation links: a "Copy link" button beside each link field.
// Without JavaScript (or without the clipboard API) the button stays hidden and the field can be copied by hand.
(function () {
  'use strict';

  var buttons = document.querySelectorAll('button.copy-link[data-copy]');
  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    var done = function (text) {
      button.textContent = text;
      setTimeout(function () { button.textContent = 'Copy link'; }, 2500);
    };
    // plain http on another host has no clipboard API: select the text and ask the browser to copy it
    var selectAndCopy = function () {
      field.focus();
      field.select();
      var copied = false;
      try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
      done(copied ? 'Copied' : 'Selected: press Ctrl+C');
    };
    button.hidden = false;
    button.addEventListener('click', function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { done('Copied'); }, selectAndCopy);
      } else {
        selectAndCopy();
      }
    });
  });
}());
