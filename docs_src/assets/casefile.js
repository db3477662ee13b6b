/* casefile: a small script of our own (no other host). It only adds names and focus to what the
   theme draws, so every page reads the same without it. */
(function () {
  "use strict";
  function label() {
    // The theme's search dialog has no accessible name.
    document.querySelectorAll('.md-search[role="dialog"]').forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Search");
    });
    // A box that scrolls sideways takes the focus, so a keyboard can scroll it too.
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table[class*='cf-'], .cf-figure-box")
      .forEach(function (box) {
        if (box.scrollWidth > box.clientWidth + 1) {
          box.setAttribute("tabindex", "0");
          if (!box.hasAttribute("aria-label") && !box.hasAttribute("role")) {
            box.setAttribute("role", "region");
            box.setAttribute("aria-label", "Scrolls sideways");
          }
        }
      });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(label);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", label);
  } else {
    label();
  }
  window.addEventListener("resize", label);
})();
