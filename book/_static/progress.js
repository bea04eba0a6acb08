// Progress kept in this browser, and the "My progress" page. Nothing is sent anywhere: answers stay in
// localStorage (one entry, STORE) until the student clears them, and leave the browser only as the
// results file the student downloads (the format of missions/results.py, results_schema.json).
window.missionsProgress = (() => {
  const STORE = "the-netherlands-on-mission/progress/v1";

  function read() {
    try {
      const data = JSON.parse(localStorage.getItem(STORE) || "{}");
      return data && typeof data.quizzes === "object" && data.quizzes ? data : { quizzes: {} };
    } catch {
      return { quizzes: {} };  // storage refused (some private windows) or an unreadable entry
    }
  }

  function write(data) {
    try { localStorage.setItem(STORE, JSON.stringify(data)); return true; } catch { return false; }
  }

  return {
    available() {
      try { localStorage.setItem(`${STORE}/probe`, "1"); localStorage.removeItem(`${STORE}/probe`); return true; } catch { return false; }
    },
    answers: (quiz) => read().quizzes[quiz]?.answers || {},
    all: () => read().quizzes,
    record(quiz, question, entry) {
      const data = read();
      data.quizzes[quiz] ??= { answers: {} };
      data.quizzes[quiz].answers[question] = { ...entry, time: new Date().toISOString().replace(/\.\d+Z$/, "Z") };
      return write(data);
    },
    forget(quiz, question) {
      const data = read();
      if (data.quizzes[quiz]?.answers[question]) { delete data.quizzes[quiz].answers[question]; write(data); }
    },
    clearQuiz(quiz) { const data = read(); delete data.quizzes[quiz]; write(data); },
    clearAll() { try { localStorage.removeItem(STORE); } catch { /* nothing was kept */ } },
    // A file the student or teacher saves: made in the page (a blob), never sent anywhere.
    saveFile(filename, text, type) {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type }));
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    },
    // Shared with class-overview.js: an element with its text and attributes; a "{key}" template filled.
    el(tag, text, attrs = {}) {
      const node = document.createElement(tag);
      if (text !== undefined && text !== null) node.textContent = text;
      for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
      return node;
    },
    fill: (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key]),
  };
})();

// The "My progress" page (missions_book/progress_pages.py): a table of every quiz, what to re-read,
// the results file and the printable slip.
(() => {
  const store = window.missionsProgress;
  const { el, fill } = store;

  // Per quiz of the book: the kept answers to its current questions (same fingerprint).
  function summary(bank) {
    const kept = store.all();
    return bank.quizzes.map((quiz) => {
      const answers = kept[quiz.name]?.answers || {};
      const current = quiz.questions.filter((q) => answers[q.id]?.fingerprint === q.fingerprint);
      const right = current.filter((q) => answers[q.id].correct === true);
      const missed = current.filter((q) => answers[q.id].correct !== true);
      return { quiz, answers, current, right, missed };
    });
  }

  function renderTable(root, bank, s) {
    const rows = summary(bank);
    const body = root.querySelector("tbody");
    body.replaceChildren();
    for (const { quiz, current, right } of rows) {
      const tr = el("tr");
      const name = el("th", null, { scope: "row" });
      name.append(el("a", quiz.title, { href: quiz.url }));
      const left = quiz.questions.length - current.length;
      tr.append(
        name,
        el("td", current.length ? fill(s.score, { right: right.length, total: quiz.questions.length }) : s.not_started),
        el("td", left ? fill(s.left, { count: left }) : s.all_done),
      );
      body.append(tr);
    }
    const answered = rows.reduce((n, row) => n + row.current.length, 0);
    const status = root.querySelector(".progress-status");
    status.textContent = answered ? fill(s.answered, { count: answered, quizzes: rows.filter((r) => r.current.length).length }) : s.nothing_yet;
  }

  // The objectives behind missed questions, each once per quiz, with the sections to re-read.
  function renderReread(root, bank, s) {
    const list = root.querySelector(".progress-reread");
    list.replaceChildren();
    for (const { quiz, missed } of summary(bank)) {
      if (!missed.length) continue;
      const item = el("li");
      item.append(el("strong", quiz.title));
      const inner = el("ul");
      const sections = new Map();
      for (const q of missed) {
        const entry = sections.get(q.url) || { section: q.section, objectives: new Set() };
        q.objectives.forEach((o) => entry.objectives.add(o));
        sections.set(q.url, entry);
      }
      for (const [url, { section, objectives }] of sections) {
        const li = el("li");
        li.append(el("a", fill(s.reread, { section }), { href: url }), el("span", ` ${s.objectives} ${[...objectives].join("; ")}.`));
        inner.append(li);
      }
      item.append(inner);
      list.append(item);
    }
    root.querySelector(".progress-reread-none").hidden = list.children.length > 0;
  }

  function resultsFile(bank, name, group) {
    const quizzes = [];
    for (const { quiz, answers, current } of summary(bank)) {
      if (!current.length) continue;
      const rows = current.map((q) => ({ question: q.id, fingerprint: q.fingerprint, response: answers[q.id].response, correct: answers[q.id].correct === true, time: answers[q.id].time }));
      quizzes.push({ quiz: quiz.name, score: rows.filter((r) => r.correct).length, answers: rows });
    }
    const saved = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    return { format: bank.format, version: bank.version, edition: bank.edition, saved, student: { name, class: group }, quizzes };
  }

  const slug = (text) => text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "student";

  function renderSlip(root, bank, s, name, group) {
    const slip = root.querySelector(".results-slip");
    slip.replaceChildren(el("h2", s.slip_title));
    const who = el("p");
    who.append(el("strong", `${s.name}: `), name, el("br"), el("strong", `${s.class}: `), group, el("br"), el("strong", `${s.date}: `), new Date().toLocaleDateString(bank.edition === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "long", year: "numeric" }));
    const table = el("table");
    table.append(el("caption", s.slip_caption));
    const head = el("tr");
    head.append(el("th", s.quiz, { scope: "col" }), el("th", s.score_head, { scope: "col" }));
    table.append(el("thead"), el("tbody"));
    table.tHead.append(head);
    for (const { quiz, current, right } of summary(bank)) {
      if (!current.length) continue;
      const tr = el("tr");
      tr.append(el("td", quiz.title), el("td", fill(s.slip_score, { right: right.length, answered: current.length, total: quiz.questions.length })));
      table.tBodies[0].append(tr);
    }
    slip.append(who, table, el("p", s.slip_note));
  }

  // The page's parts are apart (its headings between them), so the root is the document.
  function setUp(marker) {
    const root = document;
    const bank = JSON.parse(marker.querySelector(".progress-bank").textContent);
    const s = JSON.parse(marker.dataset.strings);
    const message = root.querySelector(".progress-message");
    const say = (text) => { message.textContent = text; };
    if (!store.available()) say(s.no_storage);
    const refresh = () => { renderTable(root, bank, s); renderReread(root, bank, s); };
    refresh();
    const slip = root.querySelector(".results-slip");
    const home = slip.parentElement;
    const name = root.querySelector(".progress-name");
    const group = root.querySelector(".progress-class");
    const who = () => {
      if (!name.value.trim()) { say(s.name_needed); name.focus(); return null; }
      return [name.value.trim(), group.value.trim()];
    };
    root.querySelector(".progress-download").addEventListener("click", () => {
      const student = who();
      if (!student) return;
      const file = resultsFile(bank, ...student);
      if (!file.quizzes.length) { say(s.nothing_to_export); return; }
      const filename = `results-${slug(student[0])}.json`;
      store.saveFile(filename, JSON.stringify(file, null, 1), "application/json");
      say(fill(s.downloaded, { file: filename }));
    });
    root.querySelector(".progress-print").addEventListener("click", () => {
      const student = who();
      if (!student) return;
      renderSlip(root, bank, s, ...student);
      // The slip alone on the page while it prints: moved to the top of the body, the rest not shown.
      document.body.append(slip);
      document.body.classList.add("printing-slip");
      window.print();
    });
    window.addEventListener("afterprint", () => {
      document.body.classList.remove("printing-slip");
      home.append(slip);
    });
    root.querySelector(".progress-clear").addEventListener("click", () => {
      if (!window.confirm(s.confirm_clear)) return;
      store.clearAll();
      refresh();
      say(s.cleared);
    });
    // Answers given in another tab show here without a reload.
    window.addEventListener("storage", refresh);
  }

  document.addEventListener("DOMContentLoaded", () => {
    const marker = document.querySelector("[data-my-progress]");
    if (marker) setUp(marker);
  });
})();
