// Grades the quizzes of missions/quiz.py in the built book, with no kernel and no network.
// Mirrors missions.quiz.grade(). Feedback goes to an aria-live region; right and wrong are
// said in words, never shown by colour alone. Each checked answer is kept in this browser by
// progress.js (window.missionsProgress) and shown again when the page is opened again.
(() => {
  // How each language writes a number, as missions.text.parse_number reads it: "2,759" and "12.5" in
  // English, "2.759" and "12,5" in Dutch; spaces and a final % ignored; a thousands separator must
  // group three digits. Anything else is no number (null).
  const SEPARATORS = { en: [",", "."], nl: [".", ","] };
  const esc = (c) => c.replace(/[.]/g, "\\.");
  function parseNumber(text, lang) {
    const [group, decimal] = SEPARATORS[lang] || SEPARATORS.en;
    let cleaned = String(text).replace(/[\s\u00a0\u202f]/g, "");
    if (cleaned.endsWith("%")) cleaned = cleaned.slice(0, -1);
    const g = esc(group), d = esc(decimal);
    if (!new RegExp(`^[+-]?(?:[0-9]{1,3}(?:${g}[0-9]{3})+|[0-9]+)(?:${d}[0-9]+)?$`).test(cleaned)) return null;
    return parseFloat(cleaned.split(group).join("").replace(decimal, "."));
  }

  const lines = (items) => items.map((text) => { const li = document.createElement("li"); li.textContent = text; return li; });

  function grade(q) {
    const kind = q.dataset.kind;
    if (kind === "single" || kind === "true_false") {
      const chosen = q.querySelector("input:checked");
      if (!chosen) return null;
      return [chosen.dataset.correct === "true", [chosen.dataset.feedback]];
    }
    if (kind === "multiple") {
      const boxes = [...q.querySelectorAll("input[type=checkbox]")];
      const chosen = boxes.filter((b) => b.checked);
      if (!chosen.length) return null;
      const missed = boxes.filter((b) => !b.checked && b.dataset.correct === "true");
      const ok = boxes.every((b) => b.checked === (b.dataset.correct === "true"));
      return [ok, [...chosen.map((b) => b.dataset.feedback), ...missed.map((b) => q.dataset.missed.replace("{option}", b.dataset.text))]];
    }
    if (kind === "numeric") {
      const input = q.querySelector("input[type=text]");
      const value = parseNumber(input.value, q.closest("[data-quiz]").dataset.lang);
      if (value === null) return "enter";
      // edges included; the slack absorbs binary rounding (missions.quiz.within has the same rule)
      const ok = Math.abs(value - parseFloat(input.dataset.answer)) <= parseFloat(input.dataset.tolerance) * (1 + 1e-6);
      return [ok, [input.dataset.answerText, input.dataset.feedback]];
    }
    if (kind === "order") {
      const selects = [...q.querySelectorAll("select")];
      if (selects.some((s) => !s.value)) return null;
      const ok = selects.every((s) => s.value === s.dataset.position);
      return [ok, [q.querySelector(".quiz-explanation").textContent]];
    }
    return null;
  }

  function show(q, result) {
    const box = q.querySelector(".quiz-feedback");
    box.replaceChildren();
    const status = document.createElement("p");
    const strong = document.createElement("strong");
    if (result === null || result === "enter") {
      strong.textContent = result === "enter" ? q.dataset.enter : q.dataset.choose;
      delete q.dataset.result;
      status.append(strong);
      box.append(status);
      return;
    }
    const [ok, feedback] = result;
    q.dataset.result = ok ? "right" : "wrong";
    strong.textContent = (ok ? "\u2713 " : "\u2717 ") + (ok ? q.dataset.correct : q.dataset.incorrect);
    status.append(strong);
    const list = document.createElement("ul");
    list.append(...lines(feedback.filter(Boolean)));
    box.append(status, list);
  }

  function updateScore(quiz) {
    const score = quiz.querySelector(".quiz-score");
    const right = quiz.querySelectorAll('.quiz-question[data-result="right"]').length;
    score.textContent = score.dataset.template.replace("{score}", right).replace("{total}", score.dataset.total);
  }

  // A response in the form of missions/results.py: option indices as in the quiz file, a number as
  // read, each item's place. Inputs carry the quiz file's indices as their values.
  function response(q) {
    const kind = q.dataset.kind;
    const checked = [...q.querySelectorAll("input:checked")].map((input) => Number(input.value));
    if (kind === "single") return checked[0];
    if (kind === "true_false") return checked[0] === 0;  // True is shown first, as option 0
    if (kind === "multiple") return checked.sort((a, b) => a - b);
    if (kind === "numeric") return parseNumber(q.querySelector("input[type=text]").value, q.closest("[data-quiz]").dataset.lang);
    const places = [];
    for (const select of q.querySelectorAll("select")) places[Number(select.dataset.position) - 1] = Number(select.value);
    return places;
  }

  function restore(q, stored) {
    const kind = q.dataset.kind;
    if (kind === "numeric") {
      const lang = q.closest("[data-quiz]").dataset.lang;
      q.querySelector("input[type=text]").value = lang === "nl" ? String(stored).replace(".", ",") : String(stored);
      return;
    }
    if (kind === "order") {
      for (const select of q.querySelectorAll("select")) select.value = String(stored[Number(select.dataset.position) - 1]);
      return;
    }
    const chosen = kind === "true_false" ? [stored ? 0 : 1] : kind === "multiple" ? stored : [stored];
    for (const input of q.querySelectorAll("input")) input.checked = chosen.includes(Number(input.value));
  }

  function check(quiz, q) {
    const result = grade(q);
    show(q, result);
    updateScore(quiz);
    const store = window.missionsProgress;
    if (!store) return;
    if (Array.isArray(result)) store.record(quiz.dataset.quiz, q.dataset.id, { fingerprint: q.dataset.fingerprint, response: response(q), correct: result[0] });
    else store.forget(quiz.dataset.quiz, q.dataset.id);
  }

  // Answers kept from an earlier visit, if the question has not changed since (same fingerprint).
  function restoreQuiz(quiz) {
    const kept = window.missionsProgress?.answers(quiz.dataset.quiz) || {};
    for (const q of quiz.querySelectorAll(".quiz-question")) {
      const entry = kept[q.dataset.id];
      if (!entry || entry.fingerprint !== q.dataset.fingerprint) continue;
      restore(q, entry.response);
      show(q, grade(q));
    }
    updateScore(quiz);
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const quiz of document.querySelectorAll("[data-quiz]")) {
      for (const q of quiz.querySelectorAll(".quiz-question")) {
        q.querySelector(".quiz-check").addEventListener("click", () => check(quiz, q));
      }
      quiz.querySelector(".quiz-reset").addEventListener("click", () => {
        for (const input of quiz.querySelectorAll("input")) { input.checked = false; if (input.type === "text") input.value = ""; }
        for (const select of quiz.querySelectorAll("select")) select.value = "";
        for (const q of quiz.querySelectorAll(".quiz-question")) { delete q.dataset.result; q.querySelector(".quiz-feedback").replaceChildren(); }
        window.missionsProgress?.clearQuiz(quiz.dataset.quiz);
        updateScore(quiz);
        quiz.querySelector("input, select")?.focus();
      });
      restoreQuiz(quiz);
    }
  });
})();
