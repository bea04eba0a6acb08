// Switches the pre-drawn charts of a ChartPicker (missions/widgets.py) in the built book.
// Works with no kernel: every chart is already in the page; the <select> only shows one.
document.addEventListener("DOMContentLoaded", () => {
  for (const picker of document.querySelectorAll("[data-chart-picker]")) {
    const select = picker.querySelector("select");
    const panels = picker.querySelectorAll(".chart-picker-panels > *");
    select.addEventListener("change", () => {
      panels.forEach((panel, i) => { panel.hidden = String(i) !== select.value; });
    });
  }
});
