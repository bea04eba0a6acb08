// Switches the pre-drawn panels of a chart picker or the explorer (missions_book/renderers.py) in
// the built book. Works with no kernel: every panel is already in the page; the <select> shows one.
document.addEventListener("DOMContentLoaded", () => {
  for (const picker of document.querySelectorAll(".chart-picker")) {
    const select = picker.querySelector("select");
    const box = picker.querySelector(".chart-picker-panels");
    const panels = [...box.children];
    box.setAttribute("aria-live", "polite");
    const show = () => panels.forEach((panel, i) => {
      panel.classList.remove("chart-picker-hidden");
      panel.hidden = String(i) !== select.value;
    });
    select.addEventListener("change", show);
    show();
  }
});
