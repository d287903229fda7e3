// Training session page: "Insert link" puts an article's help-centre link into the reply; Ctrl+Enter sends.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-insert]');
    if (!button) {
      return;
    }
    var reply = document.getElementById('training-text');
    if (!reply) {
      return;
    }
    var link = new URL(button.getAttribute('data-insert'), window.location.origin).href;
    var before = reply.value.slice(0, reply.selectionStart);
    var after = reply.value.slice(reply.selectionEnd);
    var gap = before && !/\s$/.test(before) ? ' ' : '';
    reply.value = before + gap + link + after;
    reply.focus();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target.id === 'training-text') {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });
  var timeline = document.querySelector('.training-timeline');
  if (timeline) {
    timeline.scrollTop = timeline.scrollHeight;
  }
}());
