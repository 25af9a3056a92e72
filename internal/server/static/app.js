// dyad's one script: a tooltip for chart shapes on hover, and the event
// page scrolled to its sentence. Pages work without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var tip = document.createElement("div");
  tip.className = "tip";
  tip.hidden = true;
  document.body.appendChild(tip);
  document.querySelectorAll("svg.chart title").forEach(function (t) {
    var shape = t.parentNode;
    shape.addEventListener("mousemove", function (ev) {
      tip.textContent = t.textContent;
      tip.style.left = ev.clientX + 12 + "px";
      tip.style.top = ev.clientY + 12 + "px";
      tip.hidden = false;
    });
    shape.addEventListener("mouseleave", function () { tip.hidden = true; });
  });
  var s = document.getElementById("event-sentence");
  if (s) { s.scrollIntoView({ block: "center" }); }
});
