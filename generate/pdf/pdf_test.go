package pdf

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/quiz"
)

var update = flag.Bool("update", false, "rewrite golden files")

var fixedDate = time.Date(2019, 11, 3, 0, 0, 0, 0, time.UTC)

func testMeta(title string) Meta {
	return Meta{Title: title, Subject: "test", Keywords: "test", Creator: "quizcard test", Date: fixedDate}
}

func loadQuiz(t testing.TB, opt quiz.Options, seed uint64) (*bank.Bank, *quiz.Quiz) {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Build(b, opt, rand.New(rand.NewPCG(seed, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return b, q
}

// need returns the path of a poppler or qpdf tool, or skips the test when it
// is missing outside CI (.ci/run installs them).
func need(t *testing.T, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed", tool)
		}
		t.Skipf("%s is not installed", tool)
	}
	return p
}

func writeTemp(t *testing.T, name string, data []byte) string {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(need(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// checkPDF runs the structural checks every document must pass: qpdf,
// embedded Unicode fonts, page count and size, metadata.
func checkPDF(t *testing.T, path string, pages int, paper Paper) {
	t.Helper()
	tool(t, "qpdf", "--check", path)
	fonts := tool(t, "pdffonts", path)
	rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(rows) == 0 {
		t.Fatal("no fonts")
	}
	for _, r := range rows {
		f := strings.Fields(r)
		// name type... enc emb sub uni id gen
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" || !strings.Contains(r, "CID TrueType") {
			t.Errorf("font not embedded as Unicode TrueType: %s", r)
		}
	}
	info := tool(t, "pdfinfo", path)
	if !regexp.MustCompile(`(?m)^Pages:\s+` + strconv.Itoa(pages) + `$`).MatchString(info) {
		t.Errorf("want %d pages:\n%s", pages, info)
	}
	wantSize := map[string]string{"A4": "595.28 x 841.89 pts (A4)", "Letter": "612 x 792 pts (letter)"}[paper.Name]
	if wantSize != "" && !strings.Contains(info, wantSize) {
		t.Errorf("want page size %s:\n%s", wantSize, info)
	}
	for _, field := range []string{"Title:", "Author:", "Subject:", "Creator:"} {
		if !regexp.MustCompile(`(?m)^` + field + `\s+\S`).MatchString(info) {
			t.Errorf("metadata %s missing", field)
		}
	}
}

// squash folds whitespace so wrapped text can be found in extracted text.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestQuizText(t *testing.T) {
	for _, paper := range []Paper{A4, Letter} {
		t.Run(paper.Name, func(t *testing.T) {
			_, q := loadQuiz(t, quiz.Options{Count: 12, Versions: 3, Seed: 7}, 7)
			var buf bytes.Buffer
			n, err := Quiz(&buf, q, paper, testMeta(q.Title))
			if err != nil {
				t.Fatal(err)
			}
			path := writeTemp(t, "quiz.pdf", buf.Bytes())
			checkPDF(t, path, n, paper)
			// Each version starts on a new page: extract version by version.
			all := squash(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
			for _, v := range q.Versions {
				if !strings.Contains(all, "Version "+v.Label) {
					t.Errorf("no header for version %s", v.Label)
				}
			}
			for _, qu := range q.Questions {
				if !strings.Contains(all, squash(qu.Prompt)) {
					t.Errorf("question %s not found: %q", qu.ID, qu.Prompt)
				}
				for _, o := range append(append(append([]string{}, qu.Options...), qu.Left...), append(qu.Right, qu.Items...)...) {
					if !strings.Contains(all, squash(o)) {
						t.Errorf("%s: option %q not found", qu.ID, o)
					}
				}
			}
			if !strings.Contains(all, "page 1 of") {
				t.Error("no page x of y footer")
			}
		})
	}
}

func TestKeyText(t *testing.T) {
	_, q := loadQuiz(t, quiz.Options{Count: 12, Versions: 2, Seed: 7}, 7)
	var buf bytes.Buffer
	n, err := Key(&buf, q, A4, testMeta("key"))
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "key.pdf", buf.Bytes())
	checkPDF(t, path, n, A4)
	all := squash(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, v := range q.Versions {
		for _, it := range v.Items {
			if !strings.Contains(all, it.Key) {
				t.Errorf("version %s: key %q not found", v.Label, it.Key)
			}
		}
	}
	// Excerpts are printed in typographic quotes: compare them with
	// every quotation mark and apostrophe left out, and never find the
	// article's straight quotes beside the printed ones.
	noQuotes := strings.NewReplacer("\"", "", "“", "", "”", "", "‘", "", "’", "", "'", "")
	bare := noQuotes.Replace(all)
	for _, qu := range q.Questions {
		if qu.Source != "" && !strings.Contains(bare, strings.TrimRight(noQuotes.Replace(squash(qu.Source)), ",;:")) {
			t.Errorf("%s: source %q not found", qu.ID, qu.Source)
		}
		if !strings.Contains(all, squash(qu.Correct)) {
			t.Errorf("%s: answer %q not found", qu.ID, qu.Correct)
		}
	}
	for _, stray := range []string{"“\"", "\"”", "“'", "'”"} {
		if strings.Contains(all, stray) {
			t.Errorf("the key prints %q", stray)
		}
	}
}

// TestGolden compares both documents byte for byte with testdata; run with
// -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	_, q := loadQuiz(t, quiz.Options{Count: 10, Versions: 2, Seed: 4177}, 4177)
	for _, tc := range []struct {
		name string
		make func(*bytes.Buffer) (int, error)
	}{
		{"quiz.pdf", func(b *bytes.Buffer) (int, error) { return Quiz(b, q, A4, testMeta(q.Title)) }},
		{"quiz-key.pdf", func(b *bytes.Buffer) (int, error) { return Key(b, q, A4, testMeta(q.Title)) }},
	} {
		var got, again bytes.Buffer
		if _, err := tc.make(&got); err != nil {
			t.Fatal(err)
		}
		if _, err := tc.make(&again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), again.Bytes()) {
			t.Fatalf("%s: two renderings differ", tc.name)
		}
		golden := filepath.Join("testdata", tc.name)
		if *update {
			if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s differs from %s (go test ./generate/pdf -run Golden -update after a deliberate change)", tc.name, golden)
		}
	}
}

func TestTallQuestion(t *testing.T) {
	_, q := loadQuiz(t, quiz.Options{Count: 2, Forms: []quiz.Form{quiz.MC}}, 1)
	q.Questions[0].Prompt = strings.Repeat("A very long question that goes on. ", 400)
	_, err := Quiz(&bytes.Buffer{}, q, A4, testMeta("x"))
	if err == nil || !strings.Contains(err.Error(), "taller than a page") {
		t.Fatalf("err = %v, want a refusal", err)
	}
}

func TestParsePaper(t *testing.T) {
	for in, want := range map[string]Paper{"a4": A4, "Letter": Letter, "A6": A6, "3x5": Card35, "4x6": Card46, "a5": A5} {
		if got, err := ParsePaper(in); err != nil || got != want {
			t.Errorf("ParsePaper(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParsePaper("b5"); err == nil {
		t.Error("b5 accepted")
	}
}

// TestInstructions: a paper tells students how to answer the forms it
// holds and no others (read back with pdftotext).
func TestInstructions(t *testing.T) {
	for _, tc := range []struct {
		forms     []quiz.Form
		want, not []string
	}{
		{[]quiz.Form{quiz.MC}, []string{"Tick one box for each question."}, []string{"ordering", "matching", "True or False"}},
		{[]quiz.Form{quiz.MC, quiz.TF}, []string{"Tick one box for multiple choice and true or false."}, []string{"ordering", "matching"}},
		{[]quiz.Form{quiz.MC, quiz.TF, quiz.Match, quiz.Order}, []string{"for matching, write a letter in each box", "for ordering, write the letters from earliest to latest"}, nil},
	} {
		_, q := loadQuiz(t, quiz.Options{Count: 8, Forms: tc.forms}, 1)
		var buf bytes.Buffer
		if _, err := Quiz(&buf, q, A4, testMeta("t")); err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, buf.Bytes())
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("forms %v: %q missing from %q", tc.forms, w, text[:min(len(text), 400)])
			}
		}
		for _, n := range tc.not {
			if strings.Contains(text, n) {
				t.Errorf("forms %v: %q on a paper without it", tc.forms, n)
			}
		}
	}
}
