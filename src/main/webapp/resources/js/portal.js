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
   * A file field with data-max-bytes shows the element named by its data-too-large at once when
   * the chosen file is larger, before anything is sent. The server checks the size again.
   */
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLInputElement) || !field.hasAttribute("data-max-bytes")) {
      return;
    }
    var warning = document.getElementById(field.getAttribute("data-too-large"));
    if (!warning) {
      return;
    }
    var limit = Number(field.getAttribute("data-max-bytes"));
    var file = field.files && field.files[0];
    warning.style.display = file && file.size > limit ? "block" : "none";
  });
})();
