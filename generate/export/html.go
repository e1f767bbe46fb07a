package export

import (
	"encoding/json"
	"html/template"
	"io"
	"sync"

	"github.com/quizcard/quizcard/generate/quiz"
)

// htmlQuestion is what the page's script needs for one question, in the
// first version's order.
type htmlQuestion struct {
	ID      string   `json:"id"`
	Form    string   `json:"form"`
	Prompt  string   `json:"prompt"`
	Choices []string `json:"choices"`        // mc, tf: options; match: right column; order: items as shown
	Answer  int      `json:"answer"`         // mc, tf: index in choices
	Why     []string `json:"why,omitempty"`  // mc, tf: why each choice is wrong ("" where the bank says nothing)
	Left    []string `json:"left,omitempty"` // match
	Key     []int    `json:"key,omitempty"`  // match: choice index for each left item; order: choice indices, earliest first
	Correct string   `json:"correct"`
	Explain string   `json:"explain,omitempty"`
	Source  string   `json:"source,omitempty"`
}

// HTML writes a self-contained quiz page: no network, no external assets.
// Students answer one question at a time or all at once: they choose with
// the mouse, the arrow keys or the letter keys, and check with Enter or
// the Check button (choosing alone never locks an answer in). They get
// feedback with the explanation, the source and why a wrong option is
// wrong, can try a question again, and see a score at the end. Every text
// from the bank goes into the page as JSON and is shown with textContent,
// never as markup.
func HTML(w io.Writer, q *quiz.Quiz, _ Options) ([]Note, error) {
	var qs []htmlQuestion
	for _, it := range items(q) {
		qu := it.q
		h := htmlQuestion{ID: qu.ID, Form: string(qu.Form), Prompt: qu.Prompt, Choices: it.choices, Correct: qu.Correct, Explain: qu.Explain, Why: it.why}
		if qu.Source != "" {
			h.Source = "“" + qu.Source + "” (" + sourceLine(q) + ")"
		}
		switch qu.Form {
		case quiz.MC:
			h.Answer = it.answer
		case quiz.TF:
			h.Answer = qu.Answer
		case quiz.Match:
			h.Left = qu.Left
			h.Key = it.pos
		case quiz.Order:
			h.Key = it.pos
		}
		qs = append(qs, h)
	}
	// encoding/json escapes <, > and & (and U+2028/9), so the data cannot
	// close the script element it sits in.
	data, err := json.Marshal(struct {
		Title     string         `json:"title"`
		Source    string         `json:"source"`
		Questions []htmlQuestion `json:"questions"`
	}{q.Title, sourceLine(q), qs})
	if err != nil {
		return nil, err
	}
	return nil, page().Execute(w, struct {
		Title string
		Data  template.JS
	}{q.Title, template.JS(data)})
}

// page is parsed on first use, so commands that write no HTML quiz do not
// parse it at start-up.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("quiz").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="quizcard">
<title>{{.Title}}</title>
<style>
:root { --ink: #1b1b1b; --muted: #5a5a5a; --accent: #a41c24; --ok: #1d6b35; --bad: #a41c24; --line: #d9d9d9; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fafafa; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.35rem; line-height: 1.25; margin: .5rem 0 .25rem; }
.meta, .help { color: var(--muted); font-size: .9rem; margin: 0 0 1rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.mode { display: flex; gap: 1rem; flex-wrap: wrap; margin: 0 0 1rem; font-size: .95rem; border: 0; padding: 0; }
section.q { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }
section.q h2 { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--accent); margin: 0 0 .4rem; }
.prompt { font-weight: 600; margin: 0 0 .75rem; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
label.choice { display: flex; gap: .6rem; align-items: flex-start; padding: .55rem .6rem; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .45rem; cursor: pointer; min-height: 2.75rem; }
label.choice input { margin-top: .3rem; width: 1.1rem; height: 1.1rem; flex: none; }
label.choice .letter { font-weight: 700; min-width: 1.2rem; }
label.choice.right { border-color: var(--ok); background: #eaf5ee; }
label.choice.wrong { border-color: var(--bad); background: #fbeaea; }
.row { display: grid; grid-template-columns: 1fr auto; gap: .5rem; align-items: center; margin: 0 0 .45rem; }
.row.right select { border-color: var(--ok); } .row.wrong select { border-color: var(--bad); }
select, button { font: inherit; min-height: 2.5rem; }
select { padding: .3rem; border: 2px solid var(--line); border-radius: 6px; background: #fff; }
ol.letters { margin: 0 0 .75rem; padding-left: 1.6rem; } ol.letters li { margin: .2rem 0; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; margin: .4rem 0 0; }
button { padding: .45rem 1rem; border-radius: 6px; border: 1px solid var(--ink); background: #fff; cursor: pointer; }
button.primary { background: var(--ink); color: #fff; }
button:disabled { opacity: .45; cursor: default; }
[hidden] { display: none !important; }
:focus-visible { outline: 3px solid #3b82f6; outline-offset: 2px; }
.fb { margin: .6rem 0 0; padding: .6rem .75rem; border-radius: 6px; background: #f3f3f3; }
.fb:empty { margin: 0; padding: 0; } /* kept in the page: a live region must exist before it speaks */
.fb .verdict { font-weight: 700; margin: 0; }
.fb p { margin: .3rem 0 0; }
.fb.right .verdict { color: var(--ok); } .fb.wrong .verdict { color: var(--bad); }
.fb .src { color: var(--muted); font-size: .9rem; font-style: italic; }
nav { display: flex; gap: .5rem; justify-content: space-between; align-items: center; flex-wrap: wrap; margin: 0 0 1rem; }
#progress { color: var(--muted); font-size: .9rem; }
#result { background: #fff; border: 2px solid var(--ink); border-radius: 8px; padding: 1rem; }
#score { font-size: 1.4rem; font-weight: 700; margin: 0; }
.one section.q:not(.current) { display: none; }
.all nav .step { display: none; }
@media (max-width: 30rem) { body { font-size: 16px; } main { padding: .6rem; } }
</style>
</head>
<body>
<main>
<h1 id="title" dir="auto"></h1>
<p class="meta" id="source" dir="auto"></p>
<p class="help">Choose an answer (arrow keys or A–E), then press Enter or “Check”. N and P move between questions.</p>
<fieldset class="mode">
<legend class="sr">How to show the questions</legend>
<label><input type="radio" name="mode" value="one" checked> One question at a time</label>
<label><input type="radio" name="mode" value="all"> All at once</label>
</fieldset>
<div id="questions"></div>
<nav aria-label="Questions">
<button type="button" class="step" id="prev">← Previous</button>
<span id="progress" aria-live="polite"></span>
<button type="button" class="step" id="next">Next →</button>
<button type="button" class="primary" id="finish">Finish and see my score</button>
</nav>
<div id="result" hidden><p id="score" role="status"></p><p id="review"></p><button type="button" id="restart">Start again</button></div>
<noscript><p>This quiz needs JavaScript.</p></noscript>
</main>
<script id="quiz-data" type="application/json">{{.Data}}</script>
<script>
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("quiz-data").textContent);
  var qs = data.questions, current = 0, results = new Array(qs.length);
  var el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) { e.textContent = text; e.dir = "auto"; }
    return e;
  };
  var letter = function (i) { return String.fromCharCode(65 + i); };
  document.getElementById("title").textContent = data.title;
  document.getElementById("source").textContent = "Source: " + data.source;
  var root = document.getElementById("questions");
  var resets = [];
  var sections = qs.map(function (q, i) {
    var s = el("section", "q");
    s.id = "q" + (i + 1);
    s.setAttribute("aria-labelledby", s.id + "-h");
    var h = el("h2", "", "Question " + (i + 1) + " of " + qs.length);
    h.id = s.id + "-h";
    s.appendChild(h);
    var prompt = el("p", "prompt", q.prompt);
    prompt.id = s.id + "-p";
    s.appendChild(prompt);
    var form = el("form", "answer");
    form.noValidate = true;
    var fb = el("div", "fb");
    fb.setAttribute("role", "status");
    var check = el("button", "primary check", "Check");
    check.type = "submit";
    var again = el("button", "again", "Try again");
    again.type = "button";
    again.hidden = true;
    var controls = function () { return form.querySelectorAll("input, select"); };
    var say = function (cls, lines) {
      fb.textContent = "";
      fb.className = "fb " + cls;
      lines.forEach(function (l, k) { if (l) fb.appendChild(el("p", k === 0 ? "verdict" : l.cls, l.text)); });
    };
    var done = function (ok, why) {
      results[i] = ok;
      var lines = [{ text: ok ? "Right." : "Not quite. The answer: " + q.correct }];
      if (why) lines.push({ cls: "why", text: why });
      if (q.explain) lines.push({ cls: "explain", text: q.explain });
      if (q.source) lines.push({ cls: "src", text: "Source: " + q.source });
      say(ok ? "right" : "wrong", lines);
      controls().forEach(function (x) { x.disabled = true; });
      check.hidden = true;
      again.hidden = false;
      update();
    };
    var answer; // returns [ok, why] or null when nothing is chosen yet
    var clearMarks;
    if (q.form === "mc" || q.form === "tf") {
      var fs = el("fieldset");
      fs.setAttribute("aria-labelledby", prompt.id);
      var labels = q.choices.map(function (c, k) {
        var lab = el("label", "choice");
        var inp = el("input");
        inp.type = "radio"; inp.name = s.id; inp.value = String(k);
        lab.appendChild(inp);
        if (q.form === "mc") lab.appendChild(el("span", "letter", letter(k) + "."));
        lab.appendChild(el("span", "text", c));
        fs.appendChild(lab);
        return lab;
      });
      form.appendChild(fs);
      answer = function () {
        var picked = form.querySelector("input:checked");
        if (!picked) return null;
        var k = Number(picked.value);
        labels[k].classList.add(k === q.answer ? "right" : "wrong");
        labels[q.answer].classList.add("right");
        var why = q.why && q.why[k] ? "Why not " + q.choices[k] + ": " + q.why[k] : "";
        return [k === q.answer, why];
      };
      clearMarks = function () { labels.forEach(function (l) { l.classList.remove("right", "wrong"); }); };
    } else {
      var rows = [];
      var n = q.choices.length;
      var list = el("ol", "letters");
      list.type = "A";
      q.choices.forEach(function (c) { list.appendChild(el("li", "", c)); });
      s.appendChild(list);
      var names = q.form === "match" ? q.left : q.choices.map(function (_, k) { return "Place " + (k + 1) + (k === 0 ? " (earliest)" : k === n - 1 ? " (latest)" : ""); });
      names.forEach(function (l, k) {
        var row = el("div", "row");
        var sel = el("select");
        sel.id = s.id + "-" + (k + 1);
        var lab = el("label", "", l);
        lab.htmlFor = sel.id;
        sel.appendChild(el("option", "", "—"));
        sel.options[0].value = "";
        q.choices.forEach(function (_, c) {
          var o = el("option", "", letter(c));
          o.value = String(c);
          sel.appendChild(o);
        });
        row.appendChild(lab);
        row.appendChild(sel);
        form.appendChild(row);
        rows.push(row);
      });
      answer = function () {
        var all = true;
        rows.forEach(function (row, k) {
          var ok = row.querySelector("select").value === String(q.key[k]);
          row.classList.add(ok ? "right" : "wrong");
          all = all && ok;
        });
        return [all, ""];
      };
      clearMarks = function () { rows.forEach(function (r) { r.classList.remove("right", "wrong"); }); };
    }
    var actions = el("div", "actions");
    actions.appendChild(check);
    form.appendChild(actions);
    form.appendChild(fb);
    var after = el("div", "actions");
    after.appendChild(again);
    form.appendChild(after);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (results[i] !== undefined) return;
      var r = answer();
      if (!r) { say("", [{ text: "Choose an answer first." }]); return; }
      done(r[0], r[1]);
      // After the key that checked has finished, or its Enter would
      // press Try again at once.
      setTimeout(function () { again.focus(); }, 0);
    });
    // Enter on a radio button checks the answer, in every browser.
    form.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.type === "radio") { e.preventDefault(); form.requestSubmit(check); }
    });
    var retry = function () {
      results[i] = undefined;
      clearMarks();
      fb.textContent = "";
      fb.className = "fb";
      controls().forEach(function (x) { x.disabled = false; if (x.type === "radio") x.checked = false; else x.value = ""; });
      check.hidden = false;
      again.hidden = true;
      update();
    };
    again.addEventListener("click", function () { retry(); var first = controls()[0]; if (first) first.focus(); });
    resets.push(retry);
    s.appendChild(form);
    root.appendChild(s);
    return s;
  });
  var prev = document.getElementById("prev"), next = document.getElementById("next");
  var mode = function () { return document.querySelector("input[name=mode]:checked").value; };
  var update = function () {
    document.body.className = mode();
    sections.forEach(function (s, i) { s.classList.toggle("current", i === current); });
    prev.disabled = current === 0;
    next.disabled = current === qs.length - 1;
    var answered = results.filter(function (r) { return r !== undefined; }).length;
    document.getElementById("progress").textContent = (mode() === "one" ? "Question " + (current + 1) + " of " + qs.length + " · " : "") + answered + " answered";
  };
  var go = function (d) {
    current = Math.max(0, Math.min(qs.length - 1, current + d));
    update();
    var first = sections[current].querySelector("input:not(:disabled), select:not(:disabled), button:not([hidden])");
    if (first) first.focus();
  };
  prev.addEventListener("click", function () { go(-1); });
  next.addEventListener("click", function () { go(1); });
  document.querySelectorAll("input[name=mode]").forEach(function (r) { r.addEventListener("change", update); });
  document.getElementById("finish").addEventListener("click", function () {
    var right = results.filter(function (r) { return r === true; }).length;
    var unanswered = results.filter(function (r) { return r === undefined; }).length + (qs.length - results.length);
    document.getElementById("result").hidden = false;
    document.getElementById("score").textContent = "Score: " + right + " of " + qs.length;
    document.getElementById("review").textContent = unanswered ? unanswered + " not answered." : "Every question answered.";
    document.getElementById("result").scrollIntoView();
  });
  document.getElementById("restart").addEventListener("click", function () {
    resets.forEach(function (r) { r(); });
    document.getElementById("result").hidden = true;
    current = 0;
    go(0);
  });
  // One question at a time: N and P move, from anywhere but the mode
  // switch (a select's own type-ahead has no option named N or P); A–E
  // choose an option without checking it.
  document.addEventListener("keydown", function (e) {
    if (mode() !== "one" || e.altKey || e.ctrlKey || e.metaKey || e.target.name === "mode") return;
    var k = e.key.length === 1 ? e.key.toUpperCase() : "";
    if (k === "N") { go(1); e.preventDefault(); return; }
    if (k === "P") { go(-1); e.preventDefault(); return; }
    if (e.target.tagName === "SELECT" || k === "") return;
    var inputs = sections[current].querySelectorAll("input[type=radio]");
    var idx = k.charCodeAt(0) - 65;
    if (idx >= 0 && idx < inputs.length && !inputs[idx].disabled) { inputs[idx].checked = true; inputs[idx].focus(); e.preventDefault(); }
  });
  update();
})();
</script>
</body>
</html>
`))
})
