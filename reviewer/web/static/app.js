// reviewer web UI: small progressive enhancements (the pages work without JavaScript).
"use strict";
(function () {
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

  // --- review form: drag and drop, item assignment per document ---------------------------------
  const input = document.getElementById("documents");
  const zone = document.getElementById("dropzone");
  const list = document.getElementById("doclist");
  function renderDocs() {
    const body = list.querySelector("tbody");
    body.textContent = "";
    Array.from(input.files).forEach((file, i) => {
      const tr = document.createElement("tr");
      const name = document.createElement("td");
      name.textContent = file.name;
      const cell = document.createElement("td");
      const item = document.createElement("input");
      item.type = "number"; item.min = "1"; item.name = "doc_item"; item.setAttribute("aria-label", file.name + " 对应的申请事项序号");
      cell.appendChild(item);
      tr.append(name, cell);
      body.appendChild(tr);
    });
    list.hidden = input.files.length === 0;
  }
  if (input && zone) {
    input.addEventListener("change", renderDocs);
    zone.addEventListener("click", () => input.click());
    zone.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault(); zone.classList.remove("over");
      const all = new DataTransfer();
      Array.from(input.files).forEach((f) => all.items.add(f));
      Array.from(e.dataTransfer.files).forEach((f) => all.items.add(f));
      input.files = all.files;
      input.dispatchEvent(new Event("picked"));
      renderDocs();
    });
  }
  const reviewForm = document.getElementById("review-form");
  if (reviewForm) reviewForm.addEventListener("submit", () => {
    const b = document.getElementById("submit-review"); b.disabled = true; b.textContent = "正在审查……";
  });

  // --- file pickers: show the chosen names in Chinese ------------------------------------------
  document.querySelectorAll(".picked[data-for]").forEach((label) => {
    const field = document.getElementById(label.dataset.for);
    const show = () => {
      const names = Array.from(field.files).map((f) => f.name);
      label.textContent = names.length ? names.join("、") : "未选择文件";
    };
    field.addEventListener("change", show);
    field.addEventListener("picked", show);
  });

  // --- findings: click / Enter on a highlight shows its details ----------------------------------
  function activate(id, scroll) {
    document.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
    const item = document.getElementById(id);
    document.querySelectorAll('mark[data-f="' + id + '"]').forEach((m) => m.classList.add("active"));
    if (item) { item.classList.add("active"); if (scroll) item.scrollIntoView({ block: "nearest" }); }
  }
  document.querySelectorAll("mark.finding[data-f]").forEach((m) => {
    m.addEventListener("click", () => activate(m.dataset.f, true));
    m.addEventListener("mouseenter", () => activate(m.dataset.f, false));
    m.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); activate(m.dataset.f, true); const item = document.getElementById(m.dataset.f); if (item) item.querySelector("button").focus(); }
    });
  });
  document.querySelectorAll("form.feedback").forEach((form) => {
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const button = e.submitter;
      const data = new FormData(form);
      data.set("verdict", button.value);
      const resp = await fetch(form.action, { method: "POST", body: data, headers: { "X-CSRF-Token": csrf() } });
      const state = form.querySelector(".fb-state");
      if (!resp.ok) { state.textContent = "保存失败，请刷新后重试"; return; }
      const id = data.get("finding");
      form.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", b === button ? "true" : "false"));
      const li = document.getElementById(id);
      li.classList.remove("fb-accept", "fb-reject"); li.classList.add("fb-" + button.value);
      document.querySelectorAll('mark[data-f="' + id + '"]').forEach((m) => m.classList.toggle("rejected", button.value === "reject"));
      const body = await resp.json();
      state.textContent = (button.value === "accept" ? "已采纳" : "已标记为不采纳") + (body.case ? "（记入案件 " + body.case + "）" : "");
    });
  });

  // --- letter editor: highlight 【待填写…】 and count what is left ------------------------------
  const letter = document.getElementById("letter");
  if (letter) {
    const marks = document.getElementById("letter-highlights");
    const count = document.getElementById("blank-count");
    const warning = document.getElementById("blanks-warning");
    const blank = /【待填写[^】]*】/g;
    const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    function refresh() {
      const text = letter.value;
      marks.innerHTML = esc(text).replace(/【待填写[^】]*】/g, (m) => "<mark>" + m + "</mark>") + "\n";
      const n = (text.match(blank) || []).length;
      count.textContent = n;
      warning.classList.toggle("done", n === 0);
      warning.firstChild.textContent = n === 0 ? "" : "还有 ";
      warning.lastChild.textContent = n === 0 ? "【待填写】已全部填写，请通读后再发出。" : " 处【待填写】未填写，填写完毕前请勿发出。";
      count.hidden = n === 0;
      letter.style.height = "auto";
      letter.style.height = letter.scrollHeight + 4 + "px";
    }
    function nextBlank() {
      blank.lastIndex = letter.selectionEnd;
      let m = blank.exec(letter.value);
      if (!m) { blank.lastIndex = 0; m = blank.exec(letter.value); }
      if (m) { letter.focus(); letter.setSelectionRange(m.index, m.index + m[0].length); }
    }
    letter.addEventListener("input", refresh);
    document.getElementById("next-blank").addEventListener("click", nextBlank);
    letter.addEventListener("keydown", (e) => { if (e.altKey && (e.key === "n" || e.key === "N")) { e.preventDefault(); nextBlank(); } });
    refresh();
  }

  // --- batch: live progress by polling -----------------------------------------------------------
  const card = document.getElementById("progress-card");
  if (card && card.dataset.state === "running") {
    const labels = { running: "进行中", finished: "已完成", interrupted: "已中断（服务曾重启）", failed: "失败" };
    const timer = setInterval(async () => {
      const resp = await fetch(card.dataset.url, { headers: { Accept: "application/json" } });
      if (!resp.ok) return;
      const p = await resp.json();
      document.getElementById("batch-done").textContent = p.done;
      document.getElementById("batch-total").textContent = p.total;
      const bar = document.getElementById("batch-progress"); bar.max = p.total || 1; bar.value = p.done;
      document.getElementById("batch-state").textContent = labels[p.state] || p.state;
      if (p.state !== "running") { clearInterval(timer); window.location.reload(); }
    }, 600);
  }

  // --- batch report: filter, search, sort --------------------------------------------------------
  const table = document.getElementById("batch-table");
  if (table) {
    const rows = Array.from(table.tBodies[0].rows);
    const fv = document.getElementById("f-verdict"), fg = document.getElementById("f-ground"), fn = document.getElementById("f-name");
    function filter() {
      let shown = 0;
      rows.forEach((r) => {
        const ok = (!fv.value || r.dataset.verdict === fv.value) &&
          (!fg.value || r.dataset.grounds.split("|").includes(fg.value)) &&
          (!fn.value || r.dataset.name.toLowerCase().includes(fn.value.toLowerCase()));
        r.hidden = !ok; if (ok) shown++;
      });
      document.getElementById("f-count").textContent = "显示 " + shown + " / " + rows.length + " 个文件";
    }
    [fv, fg].forEach((el) => el.addEventListener("change", filter));
    fn.addEventListener("input", filter);
    let dir = 1;
    table.querySelectorAll("th button[data-sort]").forEach((b) => b.addEventListener("click", () => {
      const key = b.dataset.sort; dir = -dir;
      rows.sort((a, c) => {
        const x = a.dataset[key], y = c.dataset[key];
        return (key === "name" ? x.localeCompare(y, "zh") : Number(x) - Number(y)) * dir;
      }).forEach((r) => table.tBodies[0].appendChild(r));
    }));
    filter();
  }

  // --- rules: filter ------------------------------------------------------------------------------
  const rf = document.getElementById("rule-filter");
  if (rf) rf.addEventListener("input", () => {
    const q = rf.value.toLowerCase();
    document.querySelectorAll("#rules-table tbody tr").forEach((r) => { r.hidden = q && !r.textContent.toLowerCase().includes(q); });
  });
})();
