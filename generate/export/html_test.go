package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/quizcard/quizcard/generate/quiz"
)

func TestHTMLSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if _, err := HTML(&buf, specialQuiz(t)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
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

func mustHTML(t *testing.T, q *quiz.Quiz) []byte {
	var buf bytes.Buffer
	if _, err := HTML(&buf, q); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
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
			t.Fatal("chromium is not installed")
		}
		t.Skip("chromium is not installed")
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

// answer returns the steps that answer question i of the page, rightly or
// not.
func answer(it item, i int, right bool) []chromedp.Action[chromedp.Void] {
	sel := fmt.Sprintf("#q%d", i+1)
	switch it.q.Form {
	case quiz.MC, quiz.TF:
		k := it.answer
		if it.q.Form == quiz.TF {
			k = it.q.Answer
		}
		if !right {
			k = (k + 1) % len(it.choices)
		}
		return []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS(fmt.Sprintf(`%s input[value="%d"]`, sel, k)))}
	}
	var steps []chromedp.Action[chromedp.Void]
	for k, v := range it.pos {
		// Matching: left item k goes with choice it.pos[k]. Ordering:
		// position k (earliest first) holds the item shown at it.pos[k].
		if !right && k == 0 {
			v = (v + 1) % len(it.choices)
		}
		steps = append(steps, chromedp.SetValue(chromedp.ID(fmt.Sprintf("q%d-%d", i+1, k+1)), fmt.Sprint(v)))
	}
	return append(steps, chromedp.Click(chromedp.CSS(sel+" button.check")))
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
	q := testQuiz(t)
	path := filepath.Join(t.TempDir(), "quiz.html")
	if err := os.WriteFile(path, mustHTML(t, q), 0o644); err != nil {
		t.Fatal(err)
	}
	its := items(q)
	for _, wrong := range []int{-1, 3, 9} {
		ctx := browser(t)
		do(t, ctx,
			chromedp.Navigate("file://"+path),
			chromedp.WaitVisible(chromedp.ID("q1")),
			chromedp.Click(chromedp.CSS(`input[name=mode][value=all]`)),
		)
		for i, it := range its {
			do(t, ctx, answer(it, i, i != wrong)...)
		}
		do(t, ctx, chromedp.Click(chromedp.ID("finish")), chromedp.WaitVisible(chromedp.ID("result")))
		want := len(its)
		if wrong >= 0 {
			want--
		}
		if score := text(t, ctx, "#score"); score != fmt.Sprintf("Score: %d of %d", want, len(its)) {
			t.Errorf("score %q, want %d of %d", score, want, len(its))
		}
		for i, it := range its {
			fb := text(t, ctx, chromedp.CSS(fmt.Sprintf("#q%d .fb", i+1)))
			verdict := "Right."
			if i == wrong {
				verdict = "Not quite. The answer: " + it.q.Correct
			}
			if !strings.Contains(fb, verdict) || !strings.Contains(fb, it.q.Explain) || (it.q.Source != "" && !strings.Contains(fb, "Source:")) {
				t.Errorf("feedback for question %d (%s): %q", i+1, it.q.Form, fb)
			}
		}
	}
}

// TestHTMLKeyboard answers by keys alone in one-at-a-time mode.
func TestHTMLKeyboard(t *testing.T) {
	q := testQuiz(t)
	path := filepath.Join(t.TempDir(), "quiz.html")
	os.WriteFile(path, mustHTML(t, q), 0o644)
	its := items(q)
	ctx := browser(t)
	do(t, ctx,
		chromedp.Navigate("file://"+path),
		chromedp.WaitVisible(chromedp.ID("q1")),
		chromedp.KeyEvent(strings.ToLower(quiz.Letter(its[0].answer))),
	)
	fb := text(t, ctx, "#q1 .fb")
	do(t, ctx, chromedp.KeyEvent("n"))
	progress := text(t, ctx, "#progress")
	if !strings.Contains(fb, "Right.") || progress != fmt.Sprintf("Question 2 of %d · 1 answered", len(its)) {
		t.Errorf("feedback %q, progress %q", fb, progress)
	}
}

// TestHTMLSpecial: a bank full of markup shows it as text.
func TestHTMLSpecial(t *testing.T) {
	q := specialQuiz(t)
	path := filepath.Join(t.TempDir(), "quiz.html")
	os.WriteFile(path, mustHTML(t, q), 0o644)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.ID("q1")))
	prompts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".prompt")).map(p => p.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("script").length`))
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range items(q) {
		if prompts[i] != it.q.Prompt {
			t.Errorf("prompt %d shows %q, want %q", i+1, prompts[i], it.q.Prompt)
		}
	}
	if scripts != 2 {
		t.Errorf("%d script elements: bank text became markup", scripts)
	}
}
