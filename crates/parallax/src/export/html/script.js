// Parallax page behaviour: a click on a passage highlights it and its counterpart and
// scrolls the counterpart into view; n/N move between links; Esc clears; the chooser
// switches between pairs when there are more than two sources. No network, no storage.
(function () {
  "use strict";
  var status = document.getElementById("status");
  var current = -1;

  function section() {
    return document.querySelector("section.pair:not([hidden])");
  }

  function linkCount(sec) {
    return sec ? parseInt(sec.getAttribute("data-links"), 10) || 0 : 0;
  }

  function clear(sec) {
    var on = (sec || document).querySelectorAll(".seg.active");
    for (var i = 0; i < on.length; i++) on[i].classList.remove("active");
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  // Highlights link k of the shown pair. `from` is the passage clicked, whose column is
  // left where it is; with no `from` (keyboard) both columns scroll.
  function focusLink(k, from) {
    var sec = section();
    if (!sec) return;
    clear(sec);
    var segs = sec.querySelectorAll('.seg[data-link="' + k + '"]');
    for (var i = 0; i < segs.length; i++) segs[i].classList.add("active");
    current = k;
    var cols = sec.querySelectorAll(".col");
    for (var c = 0; c < cols.length; c++) {
      if (from && cols[c].contains(from)) continue;
      var first = cols[c].querySelector('.seg[data-link="' + k + '"]');
      if (first) first.scrollIntoView({ block: "center", inline: "nearest" });
    }
    document.body.setAttribute("data-link", String(k));
    say("Link " + (k + 1) + " of " + linkCount(sec));
  }

  document.addEventListener("click", function (ev) {
    // A flag's "Link n" above the columns brings both sides of its link into view.
    var flag = ev.target.closest ? ev.target.closest(".flags a[data-link]") : null;
    if (flag) {
      ev.preventDefault();
      focusLink(parseInt(flag.getAttribute("data-link"), 10), null);
      return;
    }
    var seg = ev.target.closest ? ev.target.closest(".seg") : null;
    if (!seg || !seg.closest("section.pair")) return;
    if (seg.hasAttribute("data-link")) {
      focusLink(parseInt(seg.getAttribute("data-link"), 10), seg);
    } else {
      clear(section());
      seg.classList.add("active");
      document.body.removeAttribute("data-link");
      say(seg.getAttribute("title") || "");
    }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target && ev.target.tagName;
    if (t === "SELECT" || t === "INPUT" || t === "TEXTAREA") return;
    var n = linkCount(section());
    if (ev.key === "Enter" && ev.target.classList && ev.target.classList.contains("seg")) {
      ev.target.click();
    } else if (ev.key === "n" && n > 0) {
      focusLink(current + 1 >= n ? 0 : current + 1, null);
    } else if (ev.key === "N" && n > 0) {
      focusLink(current <= 0 ? n - 1 : current - 1, null);
    } else if (ev.key === "Escape") {
      clear(document);
      current = -1;
      document.body.removeAttribute("data-link");
      say("");
    } else {
      return;
    }
    ev.preventDefault();
  });

  var chooser = document.getElementById("pair");
  if (chooser) {
    chooser.addEventListener("change", function () {
      var all = document.querySelectorAll("section.pair");
      for (var i = 0; i < all.length; i++) {
        all[i].hidden = all[i].getAttribute("data-pair") !== chooser.value;
      }
      clear(document);
      current = -1;
      say("");
    });
  }
})();
