// Claim matrix links: a cell points at a passage of one pair's section, which may be
// hidden behind the chooser; show that pair first, then bring the passage up as a click
// on it would.
(function () {
  "use strict";
  function open(id) {
    var seg = document.getElementById(id);
    var sec = seg && seg.closest("section.pair");
    if (!sec) return false;
    var chooser = document.getElementById("pair");
    if (chooser && sec.hidden) {
      chooser.value = sec.getAttribute("data-pair");
      chooser.dispatchEvent(new Event("change"));
    }
    seg.scrollIntoView({ block: "center", inline: "nearest" });
    seg.click();
    seg.focus({ preventScroll: true });
    return true;
  }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.cell") : null;
    if (a && open(a.getAttribute("href").slice(1))) ev.preventDefault();
  });
  if (location.hash.length > 1) open(decodeURIComponent(location.hash.slice(1)));
})();
