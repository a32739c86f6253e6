// The brief's Print button: shown only when scripts run (without them, the
// page says to use the browser's own Print), and wired here rather than in an
// inline onclick, which a Content-Security-Policy would refuse.
document.querySelectorAll("button[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
