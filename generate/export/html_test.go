package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/quizcard/quizcard/generate/quiz"
)

func mustHTML(t *testing.T, q *quiz.Quiz) []byte {
	var buf bytes.Buffer
	if _, err := HTML(&buf, q, testOpt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pageData reads the quiz data out of the page as its script does:
// JSON.parse of the quiz-data element's text.
func pageData(t *testing.T, page []byte) []htmlQuestion {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script id="quiz-data" type="application/json">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no quiz data in the page")
	}
	var data struct{ Questions []htmlQuestion }
	if err := json.Unmarshal(m[1], &data); err != nil {
		t.Fatal(err)
	}
	return data.Questions
}

// TestHTMLData: the page's script marks right what the version's key says,
// in version A's order, with the feedback of each choice.
func TestHTMLData(t *testing.T) {
	for _, q := range []*quiz.Quiz{testQuiz(t), feedbackQuiz(t, 11), specialQuiz(t)} {
		qs := pageData(t, mustHTML(t, q))
		ws := expect(t, q)
		if len(qs) != len(ws) {
			t.Fatalf("%d questions on the page, want %d", len(qs), len(ws))
		}
		for i, w := range ws {
			h := qs[i]
			if h.Prompt != w.Prompt || strings.Join(h.Choices, "|") != strings.Join(w.Shown, "|") {
				t.Errorf("%s: page shows %q %q", w.ID, h.Prompt, h.Choices)
			}
			switch w.Form {
			case "mc", "tf":
				if h.Answer != w.Pick {
					t.Errorf("%s: the page takes %d as right, want %d (%q)", w.ID, h.Answer, w.Pick, w.Shown[w.Pick])
				}
				for k := range w.Shown {
					got := ""
					if k < len(h.Why) {
						got = h.Why[k]
					}
					if got != w.why(k) {
						t.Errorf("%s: feedback on %q is %q, want %q", w.ID, w.Shown[k], got, w.why(k))
					}
				}
			case "match":
				for l, p := range w.Pairs {
					if h.Left[l] != p[0] || h.Choices[h.Key[l]] != p[1] {
						t.Errorf("%s: the page pairs %q with %q, want %q", w.ID, h.Left[l], h.Choices[h.Key[l]], p[1])
					}
				}
			case "order":
				for r, item := range w.Seq {
					if h.Choices[h.Key[r]] != item {
						t.Errorf("%s: place %d is %q on the page, want %q", w.ID, r+1, h.Choices[h.Key[r]], item)
					}
				}
			}
		}
	}
}

func TestHTMLSelfContained(t *testing.T) {
	page := string(mustHTML(t, specialQuiz(t)))
	golden(t, "quiz.html", mustHTML(t, testQuiz(t)))
	for _, bad := range []string{"http://", "https://", "<link", "src=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page refers outside itself: %q", bad)
		}
	}
	// Bank text never appears as markup: the special quiz's <script> is in
	// the JSON, escaped.
	if strings.Count(page, "<script") != 2 || !strings.Contains(page, `\u003cscript\u003e`) {
		t.Error("bank text escaped wrongly")
	}
}

// browser starts headless Chromium, or skips outside CI when it is absent
// (.ci/run installs Debian's chromium).
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed; CI installs it (.ci/run)")
		}
		t.Skip("browser tests skipped: chromium is not installed (apt-get install chromium); TestHTMLData checked the page's data")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(400, 850), // a phone
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

// open loads the page of q in a new browser.
func open(t *testing.T, q *quiz.Quiz) context.Context {
	t.Helper()
	path := filepath.Join(t.TempDir(), "quiz.html")
	if err := os.WriteFile(path, mustHTML(t, q), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.ID("q1")))
	return ctx
}

// answer returns the steps that answer question i of the page, rightly or
// not, with the right answer taken from the version's key.
func answer(w want, i int, right bool) []chromedp.Action[chromedp.Void] {
	sel := fmt.Sprintf("#q%d", i+1)
	check := click(sel + " button.check")
	switch w.Form {
	case "mc", "tf":
		k := w.Pick
		if !right {
			k = (k + 1) % len(w.Shown)
		}
		return []chromedp.Action[chromedp.Void]{click(fmt.Sprintf(`%s input[value="%d"]`, sel, k)), check}
	}
	var steps []chromedp.Action[chromedp.Void]
	find := func(s string) int {
		for k, c := range w.Shown {
			if c == s {
				return k
			}
		}
		return -1
	}
	places := len(w.Shown)
	if w.Form == "match" {
		places = len(w.Pairs) // the extra responses fill no place
	}
	for k := range places {
		// Matching: left item k goes with the choice its pair names.
		// Ordering: place k holds the item the key puts there.
		v := 0
		if w.Form == "match" {
			v = find(w.Pairs[k][1])
		} else {
			v = find(w.Seq[k])
		}
		if !right && k == 0 {
			v = (v + 1) % len(w.Shown)
		}
		steps = append(steps, chromedp.SetValue(chromedp.ID(fmt.Sprintf("q%d-%d", i+1, k+1)), fmt.Sprint(v)))
	}
	return append(steps, check)
}

// click clicks an element from the page's script: with every question on
// the page, feedback appearing above moves the next one while a mouse
// click is on its way.
func click(sel string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		ok, err := chromedp.Evaluate[bool](fmt.Sprintf(`(e => e ? (e.click(), true) : false)(document.querySelector(%q))`, sel))(ctx, tg)
		if err == nil && !ok {
			err = fmt.Errorf("no %s on the page", sel)
		}
		return chromedp.Void{}, err
	}
}

// text reads an element's text, failing the test on error.
func text(t *testing.T, ctx context.Context, sel chromedp.CSS) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(sel))
	if err != nil {
		t.Fatalf("%s: %v", sel, err)
	}
	return s
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// TestHTMLInBrowser loads the page in headless Chromium, answers every
// question (all right, then one wrong) and checks the feedback and score.
func TestHTMLInBrowser(t *testing.T) {
	q := feedbackQuiz(t, 7)
	ws := expect(t, q)
	ctx := open(t, q)
	for _, wrong := range []int{-1, 0, 9} {
		do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("q1")), chromedp.Click(chromedp.CSS(`input[name=mode][value=all]`)))
		for i, w := range ws {
			do(t, ctx, answer(w, i, i != wrong)...)
		}
		do(t, ctx, chromedp.Click(chromedp.ID("finish")), chromedp.WaitVisible(chromedp.ID("result")))
		want := len(ws)
		if wrong >= 0 {
			want--
		}
		if score := text(t, ctx, "#score"); score != fmt.Sprintf("Score: %d of %d", want, len(ws)) {
			t.Errorf("score %q, want %d of %d", score, want, len(ws))
		}
		for i, w := range ws {
			fb := text(t, ctx, chromedp.CSS(fmt.Sprintf("#q%d .fb", i+1)))
			verdict := []string{"Right."}
			if i == wrong {
				verdict = []string{"Not quite. The answer: " + w.Correct}
				if w.Form == "mc" {
					picked := (w.Pick + 1) % len(w.Shown)
					verdict = append(verdict, "Why not "+w.Shown[picked]+": "+w.why(picked))
				}
			}
			verdict = append(verdict, w.Explain)
			if w.Source != "" {
				verdict = append(verdict, "Source: ")
			}
			for _, v := range verdict {
				if !strings.Contains(fb, v) {
					t.Errorf("feedback for question %d (%s): %q, want %q", i+1, w.Form, fb, v)
				}
			}
		}
	}
}

// axNode is a node of the browser's accessibility tree, as a screen
// reader gets it.
type axNode struct {
	role, name string
	props      map[string]string
}

// axTree returns the page's accessibility tree (Accessibility.getFullAXTree),
// without the nodes it ignores.
func axTree(t *testing.T, ctx context.Context) []axNode {
	t.Helper()
	nodes, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]*accessibility.Node, error) {
		res, err := cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		return res.Nodes, err
	})
	if err != nil {
		t.Fatal(err)
	}
	str := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s any
		json.Unmarshal(v.Value, &s)
		return fmt.Sprint(s)
	}
	var out []axNode
	for _, n := range nodes {
		if n.Ignored {
			continue
		}
		a := axNode{role: str(n.Role), name: str(n.Name), props: map[string]string{}}
		for _, p := range n.Properties {
			a.props[string(p.Name)] = str(p.Value)
		}
		out = append(out, a)
	}
	return out
}

// find returns the nodes of a role whose name starts with prefix.
func find(nodes []axNode, role, prefix string) []axNode {
	var out []axNode
	for _, n := range nodes {
		if n.role == role && strings.HasPrefix(n.name, prefix) {
			out = append(out, n)
		}
	}
	return out
}

// TestHTMLAccessibility drives the first multiple-choice question by
// keyboard and reads what a screen reader gets from the accessibility
// tree: the radio group is named by its prompt; arrow keys move the
// choice without answering (nothing is disabled, no verdict is announced);
// Enter checks; the verdict is in a live status region; Try again unlocks.
func TestHTMLAccessibility(t *testing.T) {
	q := feedbackQuiz(t, 7)
	ws := expect(t, q)
	i := -1
	for k, w := range ws {
		if w.Form == "mc" {
			i = k
			break
		}
	}
	w := ws[i]
	ctx := open(t, q)
	for k := 0; k < i; k++ {
		do(t, ctx, chromedp.KeyEvent("n"))
	}
	tree := axTree(t, ctx)
	if g := find(tree, "group", w.Prompt); len(g) != 1 {
		t.Fatalf("no group named by the prompt %q", w.Prompt)
	}
	radios := find(tree, "radio", "A. "+w.Shown[0])
	if len(radios) != 1 {
		t.Fatalf("no radio button named %q", "A. "+w.Shown[0])
	}
	if len(find(tree, "button", "Check")) == 0 || len(find(tree, "status", "")) == 0 {
		t.Fatal("no Check button or status region")
	}
	// Arrow keys move through the group without answering.
	wrong := (w.Pick + 1) % len(w.Shown)
	do(t, ctx, chromedp.Focus(chromedp.CSS(fmt.Sprintf(`#q%d input[value="0"]`, i+1))))
	for k := 0; k < wrong; k++ {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	}
	if wrong == 0 {
		do(t, ctx, chromedp.KeyEvent(" "))
	}
	tree = axTree(t, ctx)
	picked := find(tree, "radio", fmt.Sprintf("%c. %s", 'A'+wrong, w.Shown[wrong]))
	if len(picked) != 1 || picked[0].props["checked"] != "true" || picked[0].props["disabled"] == "true" {
		t.Fatalf("after the arrow keys, %q: %v", w.Shown[wrong], picked)
	}
	if fb := text(t, ctx, chromedp.CSS(fmt.Sprintf("#q%d .fb", i+1))); fb != "" {
		t.Fatalf("choosing with the arrow keys answered: %q", fb)
	}
	// Enter checks the answer; the verdict is announced.
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	tree = axTree(t, ctx)
	if len(find(tree, "status", "")) == 0 || find(tree, "status", "")[0].props["live"] != "polite" {
		t.Error("the feedback is not a polite live region")
	}
	if fb := text(t, ctx, chromedp.CSS(fmt.Sprintf("#q%d .fb", i+1))); !strings.HasPrefix(fb, "Not quite.") {
		t.Errorf("after Enter the feedback says %q", fb)
	}
	picked = find(tree, "radio", fmt.Sprintf("%c. %s", 'A'+wrong, w.Shown[wrong]))
	if len(picked) != 1 || picked[0].props["disabled"] != "true" {
		t.Errorf("after Enter the choice is not locked: %v", picked)
	}
	fb := text(t, ctx, chromedp.CSS(fmt.Sprintf("#q%d .fb", i+1)))
	if !strings.Contains(fb, "Why not "+w.Shown[wrong]+": "+w.why(wrong)) {
		t.Errorf("feedback %q lacks why %q is wrong", fb, w.Shown[wrong])
	}
	// Try again: focus is on it; Enter unlocks the question.
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	tree = axTree(t, ctx)
	if r := find(tree, "radio", "A. "+w.Shown[0]); len(r) != 1 || r[0].props["disabled"] == "true" || r[0].props["checked"] == "true" {
		t.Errorf("after Try again: %v", r)
	}
	if fb := text(t, ctx, chromedp.CSS(fmt.Sprintf("#q%d .fb", i+1))); fb != "" {
		t.Errorf("after Try again the feedback stays: %q", fb)
	}
	// Letter keys choose, Enter checks: the right answer now.
	do(t, ctx, chromedp.KeyEvent(strings.ToLower(string(rune('A'+w.Pick)))), chromedp.KeyEvent(kb.Enter))
	if fb := text(t, ctx, chromedp.CSS(fmt.Sprintf("#q%d .fb", i+1))); !strings.HasPrefix(fb, "Right.") {
		t.Errorf("letter and Enter: %q", fb)
	}
}

// TestHTMLKeyboard: N and P move between questions from anywhere, a
// select included, in one-at-a-time mode.
func TestHTMLKeyboard(t *testing.T) {
	q := testQuiz(t)
	ws := expect(t, q)
	ctx := open(t, q)
	sel := -1
	for i, w := range ws {
		if w.Form == "match" || w.Form == "order" {
			sel = i
			break
		}
	}
	for k := 0; k < sel; k++ {
		do(t, ctx, chromedp.KeyEvent("n"))
	}
	do(t, ctx, chromedp.Focus(chromedp.ID(fmt.Sprintf("q%d-1", sel+1))), chromedp.KeyEvent("p"))
	if got, want := text(t, ctx, "#progress"), fmt.Sprintf("Question %d of %d · 0 answered", sel, len(ws)); got != want {
		t.Errorf("P from a select: progress %q, want %q", got, want)
	}
	do(t, ctx, chromedp.KeyEvent("n"), chromedp.Focus(chromedp.ID(fmt.Sprintf("q%d-1", sel+1))), chromedp.KeyEvent("n"))
	if got, want := text(t, ctx, "#progress"), fmt.Sprintf("Question %d of %d · 0 answered", sel+2, len(ws)); got != want {
		t.Errorf("N from a select: progress %q, want %q", got, want)
	}
}

// TestHTMLSpecial: a bank full of markup shows it as text.
func TestHTMLSpecial(t *testing.T) {
	q := specialQuiz(t)
	ctx := open(t, q)
	prompts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".prompt")).map(p => p.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("script").length`))
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range expect(t, q) {
		if prompts[i] != w.Prompt {
			t.Errorf("prompt %d shows %q, want %q", i+1, prompts[i], w.Prompt)
		}
	}
	if scripts != 2 {
		t.Errorf("%d script elements: bank text became markup", scripts)
	}
}
