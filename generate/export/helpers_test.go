package export

import (
	"encoding/json"
	"flag"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/quiz"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testOpt are the options the golden files are made with.
var testOpt = Options{Date: qtiDate}

// testQuiz is the quiz every golden file is made from: the built-in bank,
// all four forms, a fixed seed.
func testQuiz(t testing.TB) *quiz.Quiz { return testQuizSeed(t, 7) }

// figuresQuiz is a multiple-choice quiz of dates and figures only: its
// options are Ordered.
func figuresQuiz(t testing.TB) *quiz.Quiz {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Build(b, quiz.Options{Count: 5, Versions: 2, Seed: 3, Forms: []quiz.Form{quiz.MC},
		Filter: bank.Filter{Kinds: []string{"when", "number"}}}, rand.New(rand.NewPCG(3, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// testQuizSeed is testQuiz with another seed.
func testQuizSeed(t testing.TB, seed uint64) *quiz.Quiz {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Build(b, quiz.Options{Count: 10, Versions: 2, Seed: seed}, rand.New(rand.NewPCG(seed, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// feedbackQuiz is a quiz whose questions carry feedback on wrong options:
// every wrong multiple-choice option and every false statement's "True"
// gets a text of its own.
func feedbackQuiz(t testing.TB, seed uint64) *quiz.Quiz {
	t.Helper()
	q := testQuizSeed(t, seed)
	for k := range q.Questions {
		qu := &q.Questions[k]
		switch qu.Form {
		case quiz.MC:
			qu.Feedback = make([]string, len(qu.Options))
			for j := range qu.Options {
				if j != qu.Answer {
					qu.Feedback[j] = "Not " + qu.Options[j] + ": the article says otherwise."
				}
			}
		case quiz.TF:
			if qu.Answer == 1 {
				qu.Feedback = []string{"The statement names the wrong one.", ""}
			}
		}
	}
	return q
}

// specialStrings are texts that break naive exporters.
var specialStrings = []string{
	"a ~ b = c # d { e } f : g", `back\slash \n not a newline`, "]]> end of CDATA", "<script>alert(1)</script>",
	`"double" 'single' “curly” ‘quotes’`, "tab\there", "line\nbreak", "carriage\r\nreturn", "\u200fRTL mark \u202eoverride",
	"%50% of votes", "& ampersand &amp; entity", "-> arrow", "émigré Ğ", "trailing space ", "",
	`x & " ' < > y`, "{{c1::cloze}} and a::b", "حسن روحانی",
}

// specialQuiz is a quiz whose texts are full of special characters,
// feedback and statements included.
func specialQuiz(t testing.TB) *quiz.Quiz {
	t.Helper()
	q := feedbackQuiz(t, 7)
	i := 0
	next := func() string {
		s := specialStrings[i%len(specialStrings)]
		i++
		if s == "" || s == "trailing space " || s == "-> arrow" {
			s = "x " + s + " y"
		}
		return "Q" + string(rune('a'+i%26)) + " " + s
	}
	for k := range q.Questions {
		qu := &q.Questions[k]
		qu.Prompt = next()
		qu.Explain = next()
		qu.Source = next()
		if qu.Form == quiz.MC {
			for j := range qu.Options {
				qu.Options[j] = next()
				if qu.Feedback[j] != "" {
					qu.Feedback[j] = next()
				}
			}
			qu.Correct = qu.Options[qu.Answer]
		}
		if qu.Statement != nil {
			qu.Statement = &quiz.Statement{Before: next(), Answer: next(), After: next()}
		}
		for j := range qu.Left {
			qu.Left[j] = next()
			qu.Right[j] = next()
		}
		for j := range qu.Items {
			qu.Items[j] = next()
		}
	}
	return q
}

// golden compares data with testdata/name; -update rewrites it. With
// QUIZCARD_GOLDEN=off in the environment it compares nothing, so that a
// mutation run measures the semantic tests alone.
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	if os.Getenv("QUIZCARD_GOLDEN") == "off" && !*update {
		return
	}
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(data) {
		t.Errorf("%s differs from the golden file (go test ./generate/export -update after a deliberate change)", name)
	}
}

// The oracle: what each question must look like in version A, read from
// the quiz as quiz.json has it (the contract every export follows) and
// never from the exporters' own helpers. The types below are the test's
// own reading of quiz.json.
type (
	jsonQuiz struct {
		Title   string `json:"title"`
		Article struct {
			Title, Outlet, Date string
		} `json:"article"`
		Questions []jsonQuestion `json:"questions"`
		Versions  []struct {
			Label string `json:"label"`
			Items []struct {
				Number   int    `json:"number"`
				Question string `json:"question"`
				Order    []int  `json:"order"`
				Key      string `json:"key"`
			} `json:"items"`
		} `json:"versions"`
	}
	jsonQuestion struct {
		ID        string   `json:"id"`
		Form      string   `json:"form"`
		Facts     []string `json:"facts"`
		Entities  []string `json:"entities"`
		Prompt    string   `json:"prompt"`
		Options   []string `json:"options"`
		Answer    int      `json:"answer"`
		Ordered   bool     `json:"ordered"`
		Left      []string `json:"left"`
		Right     []string `json:"right"`
		Extra     []string `json:"extra"`
		Items     []string `json:"items"`
		Correct   string   `json:"correct"`
		Explain   string   `json:"explain"`
		Source    string   `json:"source"`
		Kind      string   `json:"kind"`
		Feedback  []string `json:"feedback"`
		Statement *struct {
			Before, Answer, After string
		} `json:"statement"`
	}
	// want is one question of version A.
	want struct {
		jsonQuestion
		N     int      // position in version A
		Shown []string // choices as version A shows them
		Pick  int      // mc, tf: index in Shown of the right choice, from the key
		Why   []string // mc, tf: feedback for each shown choice
		Pairs [][2]string
		Seq   []string // order: the items, earliest first, from the key
	}
)

var letterKey = regexp.MustCompile(`^[A-Z]$`)

// expect reads q as quiz.json and returns version A's questions with
// their right answers worked out from the version's key, checking on the
// way that key, answer and correct agree.
func expect(t *testing.T, q *quiz.Quiz) []want {
	t.Helper()
	data, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	var jq jsonQuiz
	if err := json.Unmarshal(data, &jq); err != nil {
		t.Fatal(err)
	}
	byID := map[string]jsonQuestion{}
	for _, qu := range jq.Questions {
		byID[qu.ID] = qu
	}
	letter := func(s string) int {
		if !letterKey.MatchString(s) {
			t.Fatalf("key letter %q", s)
		}
		return int(s[0] - 'A')
	}
	var out []want
	for _, it := range jq.Versions[0].Items {
		w := want{jsonQuestion: byID[it.Question], N: it.Number}
		src := w.Options
		switch w.Form {
		case "match":
			src = append(append([]string{}, w.Right...), w.Extra...)
		case "order":
			src = w.Items
		}
		for _, o := range it.Order {
			w.Shown = append(w.Shown, src[o])
			if w.Feedback != nil {
				w.Why = append(w.Why, w.Feedback[o])
			}
		}
		switch w.Form {
		case "mc":
			w.Pick = letter(it.Key)
			if w.Shown[w.Pick] != w.Options[w.Answer] || w.Shown[w.Pick] != w.Correct {
				t.Fatalf("%s: key %s shows %q; answer %q, correct %q", w.ID, it.Key, w.Shown[w.Pick], w.Options[w.Answer], w.Correct)
			}
		case "tf":
			w.Pick = map[string]int{"True": 0, "False": 1}[it.Key]
			if it.Key != w.Options[w.Answer] || w.Shown[w.Pick] != it.Key {
				t.Fatalf("%s: key %q, answer %d", w.ID, it.Key, w.Answer)
			}
		case "match":
			for l, pair := range strings.Fields(it.Key) {
				num, let, ok := strings.Cut(pair, "-")
				if n, _ := strconv.Atoi(num); !ok || n != l+1 {
					t.Fatalf("%s: key %q", w.ID, it.Key)
				}
				w.Pairs = append(w.Pairs, [2]string{w.Left[l], w.Shown[letter(let)]})
				if w.Shown[letter(let)] != w.Right[l] {
					t.Fatalf("%s: key %q pairs %q with %q", w.ID, it.Key, w.Left[l], w.Shown[letter(let)])
				}
			}
		case "order":
			for r, let := range strings.Fields(it.Key) {
				w.Seq = append(w.Seq, w.Shown[letter(let)])
				if w.Seq[r] != w.Items[r] {
					t.Fatalf("%s: key %q puts %q at %d", w.ID, it.Key, w.Seq[r], r+1)
				}
			}
		}
		out = append(out, w)
	}
	if len(out) != len(q.Questions) {
		t.Fatalf("version A has %d items for %d questions", len(out), len(q.Questions))
	}
	return out
}

// why returns the feedback expected for shown choice i, or "".
func (w want) why(i int) string {
	if i < len(w.Why) {
		return w.Why[i]
	}
	return ""
}

// stableID is the id every platform file must name the question by: the
// fact id, or for matching and ordering an id that the test only checks
// for stability (see TestIDs).
func (w want) stableID() string {
	if len(w.Facts) == 1 {
		return w.Facts[0]
	}
	return ""
}

// unhtml reads HTML text as a browser shows it: <br> is a line break,
// paragraphs and references are undone.
func unhtml(s string) string {
	s = strings.NewReplacer("<br>", "\n", "<p>", "", "</p>", "").Replace(s)
	return html.UnescapeString(s)
}

// lines normalises line breaks as XML and HTML read them.
func lines(s string) string { return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s) }

// noted reports whether a note names question id.
func noted(notes []Note, id string) bool {
	for _, n := range notes {
		if strings.Contains(string(n), id+" ") || strings.Contains(string(n), id+",") || strings.Contains(string(n), id+")") {
			return true
		}
	}
	return false
}
