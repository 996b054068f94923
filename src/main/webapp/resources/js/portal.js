/*
 * Behaviour of the portal's own markup. It lives here, not in the pages, because the pages'
 * Content-Security-Policy runs no inline script or on* attribute. The listeners sit on the
 * document, so markup that ajax replaces keeps them.
 */
(function () {
  "use strict";

  /* A link to hand on (an invitation): one click selects all of it, ready to copy. */
  document.addEventListener("click", function (event) {
    var box = event.target instanceof Element ? event.target.closest("input.link-box") : null;
    if (box) {
      box.select();
    }
  });

  /*
   * A file field with data-max-bytes (each file) and optionally data-max-files (how many; one when
   * absent) shows the element named by its data-too-large at once when the choice is over either
   * limit, and its form is then not sent: the server would refuse the upload unread. The server
   * checks both limits again.
   */
  function overLimit(field) {
    var files = field.files || [];
    var maxBytes = Number(field.getAttribute("data-max-bytes"));
    var maxFiles = field.hasAttribute("data-max-files") ? Number(field.getAttribute("data-max-files")) : 1;
    if (files.length > maxFiles) {
      return true;
    }
    for (var i = 0; i < files.length; i++) {
      if (files[i].size > maxBytes) {
        return true;
      }
    }
    return false;
  }

  function showLimit(field) {
    var over = overLimit(field);
    var warning = document.getElementById(field.getAttribute("data-too-large"));
    if (warning) {
      warning.style.display = over ? "block" : "none";
    }
    return over;
  }

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.hasAttribute("data-max-bytes")) {
      showLimit(field);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    var fields = form.querySelectorAll("input[type=file][data-max-bytes]");
    for (var i = 0; i < fields.length; i++) {
      if (showLimit(fields[i])) {
        event.preventDefault();
        fields[i].focus();
        return;
      }
    }
  });
})();
