// The class overview (missions_book/progress_pages.py): reads the results files a class handed in, all
// in this browser (nothing is uploaded), and shows students by quiz and, per question, the share right
// and the most-chosen wrong answer with what it suggests. It reads files by the rules of
// missions/results.py: a file that is not one of this book's, is malformed or was edited is named and
// skipped (tests/fixtures/results/cases.yml holds both readers to the same verdicts).
(() => {
  const MAX_BYTES = 1000000;
  const { el, fill } = window.missionsProgress;  // progress.js, on every page
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isString = (v) => typeof v === "string";
  const isWhole = (v) => typeof v === "number" && Number.isInteger(v);

  class Refused extends Error {
    constructor(kind, field, values = {}) { super(kind); this.kind = kind; this.field = field; this.values = values; }
  }

  // The shape results_schema.json describes; the first problem found, with its field.
  function checkShape(data) {
    const keys = (obj, field, required) => {
      for (const key of Object.keys(obj)) if (!required.includes(key)) throw new Refused("bad_field", field || "(top)");
      for (const key of required) if (!(key in obj)) throw new Refused("bad_field", field || "(top)");
    };
    const need = (ok, field) => { if (!ok) throw new Refused("bad_field", field); };
    keys(data, "", ["format", "version", "edition", "saved", "student", "quizzes"]);
    need(["en", "nl"].includes(data.edition), "edition");
    need(isString(data.saved), "saved");
    need(isObject(data.student), "student");
    keys(data.student, "student", ["name", "class"]);
    need(isString(data.student.name) && data.student.name.length >= 1 && data.student.name.length <= 100, "student.name");
    need(isString(data.student.class) && data.student.class.length <= 40, "student.class");
    need(Array.isArray(data.quizzes) && data.quizzes.length <= 100, "quizzes");
    data.quizzes.forEach((quiz, q) => {
      need(isObject(quiz), `quizzes.${q}`);
      keys(quiz, `quizzes.${q}`, ["quiz", "score", "answers"]);
      need(isString(quiz.quiz) && /^[a-z0-9-]+$/.test(quiz.quiz), `quizzes.${q}.quiz`);
      need(isWhole(quiz.score) && quiz.score >= 0, `quizzes.${q}.score`);
      need(Array.isArray(quiz.answers) && quiz.answers.length <= 200, `quizzes.${q}.answers`);
      quiz.answers.forEach((answer, a) => {
        const at = `quizzes.${q}.answers.${a}`;
        need(isObject(answer), at);
        keys(answer, at, ["question", "fingerprint", "response", "correct", "time"]);
        need(isString(answer.question) && /^[a-z0-9][a-z0-9-]*$/.test(answer.question), `${at}.question`);
        need(isString(answer.fingerprint) && /^[0-9a-f]{12}$/.test(answer.fingerprint), `${at}.fingerprint`);
        const r = answer.response;
        need(typeof r === "number" || typeof r === "boolean" || (Array.isArray(r) && r.every((i) => isWhole(i) && i >= 0)), `${at}.response`);
        need(typeof answer.correct === "boolean", `${at}.correct`);
        need(isString(answer.time), `${at}.time`);
      });
    });
  }

  function isCorrect(question, r) {
    if (question.kind === "single") return question.options[r].correct;
    if (question.kind === "multiple") {
      const right = question.options.flatMap((o, i) => (o.correct ? [i] : []));
      return r.length === right.length && r.every((i, n) => i === right[n]);
    }
    if (question.kind === "true_false") return r === question.answer;
    if (question.kind === "numeric") return Math.abs(r - question.answer) <= question.tolerance * (1 + 1e-6);
    return r.every((place, i) => place === i + 1);
  }

  function fitsQuestion(question, r) {
    const count = (question.options || question.items || []).length;
    const index = (i) => isWhole(i) && i >= 0 && i < count;
    if (question.kind === "single") return index(r);
    if (question.kind === "multiple") return Array.isArray(r) && r.every(index) && r.every((i, n) => n === 0 || i > r[n - 1]);
    if (question.kind === "true_false") return typeof r === "boolean";
    if (question.kind === "numeric") return typeof r === "number";
    return Array.isArray(r) && r.length === count && r.every((p) => isWhole(p) && p >= 1 && p <= count);
  }

  // One file: its data with only the answers that count, and notes on what was left out; or Refused.
  function readFile(name, text, size, bank) {
    if (size > MAX_BYTES) throw new Refused("too_large", "");
    let data;
    try { data = JSON.parse(text); } catch { throw new Refused("not_json", ""); }
    if (!isObject(data) || data.format !== bank.format) throw new Refused("not_ours", "format");
    if (data.version !== bank.version) throw new Refused("bad_version", "version", { version: data.version });
    checkShape(data);
    const notes = [];
    const quizzes = new Map(bank.quizzes.map((quiz) => [quiz.name, quiz]));
    const seen = new Set();
    data.quizzes.forEach((entry, q) => {
      if (seen.has(entry.quiz)) throw new Refused("duplicate", `quizzes.${q}.quiz`);
      seen.add(entry.quiz);
      const quiz = quizzes.get(entry.quiz);
      if (!quiz) notes.push(["left_out", { quiz: entry.quiz }]);
      const questions = new Map((quiz?.questions || []).map((question) => [question.id, question]));
      let right = 0;
      const ids = new Set();
      const kept = [];
      entry.answers.forEach((answer, a) => {
        const at = `quizzes.${q}.answers.${a}`;
        if (ids.has(answer.question)) throw new Refused("duplicate", `${at}.question`);
        ids.add(answer.question);
        right += answer.correct ? 1 : 0;
        const question = questions.get(answer.question);
        if (!question || answer.fingerprint !== question.fingerprint) {
          if (quiz) notes.push(["changed", { quiz: entry.quiz, question: answer.question }]);
          return;
        }
        if (!fitsQuestion(question, answer.response)) throw new Refused("bad_field", `${at}.response`);
        if (answer.correct !== isCorrect(question, answer.response)) throw new Refused("edited", `${at}.correct`);
        kept.push(answer);
      });
      if (entry.score !== right) throw new Refused("edited", `quizzes.${q}.score`);
      entry.answers = kept;
      entry.score = kept.filter((answer) => answer.correct).length;
    });
    data.quizzes = data.quizzes.filter((entry) => entry.answers.length);
    return { data, notes };
  }

  // Students by name and class; a quiz handed in twice counts from the newer file.
  function gather(files, bank, s) {
    const students = new Map();
    const report = { read: 0, skipped: [], notes: [] };
    for (const { name, text, size } of files) {
      let result;
      try {
        result = readFile(name, text, size, bank);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        report.skipped.push(fill(s[error.kind], { file: name, field: error.field, ...error.values }));
        continue;
      }
      report.read += 1;
      for (const [kind, values] of result.notes) report.notes.push(fill(s[kind], { file: name, ...values }));
      const { student, quizzes, saved } = result.data;
      const key = `${student.name.trim().toLowerCase()}\u0000${student.class.trim().toLowerCase()}`;
      const entry = students.get(key) || { name: student.name.trim(), group: student.class.trim(), quizzes: new Map() };
      for (const quiz of quizzes) {
        const before = entry.quizzes.get(quiz.quiz);
        if (before) report.notes.push(fill(s.older_file, { file: before.saved <= saved ? before.file : name, quiz: quiz.quiz, name: entry.name }));
        if (!before || before.saved <= saved) entry.quizzes.set(quiz.quiz, { ...quiz, saved, file: name });
      }
      students.set(key, entry);
    }
    const sorted = [...students.values()].sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
    return { students: sorted, report };
  }

  // The wrong answer chosen most often (ties: the first in the quiz file), and what it suggests.
  function mostChosenWrong(question, wrong, s) {
    const counts = new Map();
    const add = (key) => counts.set(key, (counts.get(key) || 0) + 1);
    for (const r of wrong) {
      if (question.kind === "multiple") {
        const chosenWrong = r.filter((i) => !question.options[i].correct);
        if (chosenWrong.length) chosenWrong.forEach(add);
        else question.options.forEach((o, i) => { if (o.correct && !r.includes(i)) add(`missed:${i}`); });
      } else if (question.kind === "order") {
        r.forEach((place, i) => { if (place !== i + 1) add(i); });
      } else add(r);
    }
    if (!counts.size) return null;
    const [key, count] = [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), undefined, { numeric: true }))[0];
    if (question.kind === "single") return { text: question.options[key].text, what: question.options[key].feedback, count };
    if (question.kind === "multiple") {
      const missed = String(key).startsWith("missed:");
      const option = question.options[Number(String(key).replace("missed:", ""))];
      return { text: missed ? fill(s.missed_option, { option: option.text }) : option.text, what: option.feedback, count };
    }
    if (question.kind === "true_false") return { text: key ? s.true : s.false, what: question.explanation, count };
    if (question.kind === "numeric") return { text: formatNumber(key, s.lang), what: question.explanation, count };
    return { text: fill(s.placed, { item: question.items[key] }), what: question.explanation, count };
  }

  const formatNumber = (value, lang) => value.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 2 });
  const percent = (part, whole, lang) => `${formatNumber(Math.round((100 * part) / whole), lang)}%`;

  function questionRows(bank, students, s) {
    const rows = [];
    for (const quiz of bank.quizzes) {
      const given = students.map((student) => student.quizzes.get(quiz.name)).filter(Boolean);
      if (!given.length) continue;
      quiz.questions.forEach((question, n) => {
        const answers = given.flatMap((entry) => entry.answers.filter((a) => a.question === question.id));
        const right = answers.filter((a) => a.correct).length;
        const wrong = mostChosenWrong(question, answers.filter((a) => !a.correct).map((a) => a.response), s);
        rows.push({ quiz, n: n + 1, question, answered: answers.length, right, wrong });
      });
    }
    return rows;
  }

  function table(caption, headers, rows) {
    const node = el("table");
    node.append(el("caption", caption), el("thead"), el("tbody"));
    const head = el("tr");
    headers.forEach((h) => head.append(el("th", h, { scope: "col" })));
    node.tHead.append(head);
    for (const cells of rows) {
      const tr = el("tr");
      cells.forEach((cell, i) => tr.append(el(i === 0 ? "th" : "td", cell, i === 0 ? { scope: "row" } : {})));
      node.tBodies[0].append(tr);
    }
    return node;
  }

  function studentTable(bank, students, s) {
    const done = bank.quizzes.filter((quiz) => students.some((st) => st.quizzes.has(quiz.name)));
    const headers = [s.student, s.class, ...done.map((quiz) => fill(s.quiz_total, { quiz: quiz.title, total: quiz.questions.length }))];
    const rows = students.map((st) => [st.name, st.group, ...done.map((quiz) => {
      const entry = st.quizzes.get(quiz.name);
      return entry ? fill(s.right, { right: entry.score, answered: entry.answers.length }) : s.not_done;
    })]);
    return { headers, rows, node: table(s.students_caption, headers, rows) };
  }

  function questionTables(rows, s) {
    const headers = [s.question, s.answered, s.share, s.wrong_most, s.what_it_shows];
    const byQuiz = new Map();
    for (const row of rows) byQuiz.set(row.quiz, [...(byQuiz.get(row.quiz) || []), row]);
    return [...byQuiz].map(([quiz, quizRows]) => table(fill(s.questions_caption, { quiz: quiz.title }), headers, quizRows.map((r) => [
      `${r.n}. ${r.question.text}`,
      String(r.answered),
      r.answered ? percent(r.right, r.answered, s.lang) : "",
      r.wrong ? `${r.wrong.text} (${r.wrong.count})` : s.none_wrong,
      r.wrong ? r.wrong.what : "",
    ])));
  }

  // Excel in a Dutch school splits on ";" (the decimal comma takes ","); a cell that starts like a
  // formula is quoted with ' so a spreadsheet shows it rather than runs it.
  function csv(headers, rows, lang) {
    const sep = lang === "nl" ? ";" : ",";
    const cell = (value) => {
      let text = String(value ?? "");
      if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return `"${text.replace(/"/g, '""')}"`;
    };
    return `\ufeff${[headers, ...rows].map((row) => row.map(cell).join(sep)).join("\r\n")}\r\n`;
  }

  function setUp(root) {
    const bank = JSON.parse(root.querySelector(".overview-bank").textContent);
    const s = { ...JSON.parse(root.dataset.strings), lang: bank.edition };
    const report = root.querySelector(".overview-report");
    const exportBar = root.querySelector(".overview-export");
    let current = null;

    async function open(fileList) {
      const files = await Promise.all([...fileList].filter((f) => f.name.toLowerCase().endsWith(".json") || f.type === "application/json")
        .map(async (f) => ({ name: f.webkitRelativePath || f.name, size: f.size, text: f.size > MAX_BYTES ? "" : await f.text() })));
      files.sort((a, b) => a.name.localeCompare(b.name));
      const { students, report: found } = gather(files, bank, s);
      const lines = [el("p", files.length ? fill(s.read, { count: found.read, students: students.length, files: files.length }) : s.no_files)];
      for (const [title, items] of [[s.skipped, found.skipped], [s.notes, found.notes]]) {
        if (!items.length) continue;
        const list = el("ul");
        items.forEach((item) => list.append(el("li", item)));
        lines.push(el("p", title), list);
      }
      report.replaceChildren(...lines);
      const studentsPart = studentTable(bank, students, s);
      const rows = questionRows(bank, students, s);
      root.querySelector(".overview-students").replaceChildren(...(students.length ? [studentsPart.node] : []));
      root.querySelector(".overview-questions").replaceChildren(...(students.length ? questionTables(rows, s) : []));
      exportBar.hidden = !students.length;
      current = { studentsPart, rows };
    }

    for (const input of root.querySelectorAll(".overview-input")) input.addEventListener("change", () => open(input.files));
    const save = window.missionsProgress.saveFile;
    root.querySelector(".overview-csv-students").addEventListener("click", () => {
      save("class-overview-students.csv", csv(current.studentsPart.headers, current.studentsPart.rows, s.lang), "text/csv");
    });
    root.querySelector(".overview-csv-questions").addEventListener("click", () => {
      const headers = [s.quiz, s.number, s.question, s.answered, s.right_count, s.share, s.wrong_most, s.wrong_count, s.what_it_shows];
      const rows = current.rows.map((r) => [r.quiz.title, r.n, r.question.text, r.answered, r.right, r.answered ? percent(r.right, r.answered, s.lang) : "",
        r.wrong?.text ?? "", r.wrong?.count ?? "", r.wrong?.what ?? ""]);
      save("class-overview-questions.csv", csv(headers, rows, s.lang), "text/csv");
    });
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-class-overview]").forEach(setUp));
})();
