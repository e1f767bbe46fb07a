package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/quiz"
)

// These tests read the PDFs back with poppler and compare what a teacher
// and a student see with quiz.json, decoded here into types of the test's
// own: expected answers come from the JSON file's questions and versions,
// never from the code that draws the PDFs.

// jsonQuiz is quiz.json as a reader of the file sees it.
type jsonQuiz struct {
	Title     string `json:"title"`
	Questions []struct {
		ID      string   `json:"id"`
		Form    string   `json:"form"`
		Prompt  string   `json:"prompt"`
		Options []string `json:"options"`
		Answer  int      `json:"answer"`
		Left    []string `json:"left"`
		Right   []string `json:"right"`
		Items   []string `json:"items"`
		Correct string   `json:"correct"`
	} `json:"questions"`
	Versions []struct {
		Label string `json:"label"`
		Items []struct {
			Number   int    `json:"number"`
			Question string `json:"question"`
			Order    []int  `json:"order"`
			Key      string `json:"key"`
		} `json:"items"`
	} `json:"versions"`
}

// asJSON writes q as the quiz command writes quiz.json and reads it back.
func asJSON(t *testing.T, q *quiz.Quiz) jsonQuiz {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(q); err != nil {
		t.Fatal(err)
	}
	var jq jsonQuiz
	if err := json.Unmarshal(buf.Bytes(), &jq); err != nil {
		t.Fatal(err)
	}
	return jq
}

// rightKeys works out, from quiz.json's questions alone, what a student
// must write for each item of each version: the letter of the shown
// option that is the answer (mc), True or False (tf), number–letter pairs
// (match), letters earliest first (order). It also checks that the file's
// own key says the same.
func rightKeys(t *testing.T, jq jsonQuiz) map[string]map[int]string {
	t.Helper()
	forms := map[string]int{}
	for i, q := range jq.Questions {
		forms[q.ID] = i
	}
	letter := func(i int) string { return string(rune('A' + i)) }
	out := map[string]map[int]string{}
	for _, v := range jq.Versions {
		out[v.Label] = map[int]string{}
		for _, it := range v.Items {
			q := jq.Questions[forms[it.Question]]
			var want string
			switch q.Form {
			case "mc":
				for shown, orig := range it.Order {
					if orig == q.Answer {
						want = letter(shown)
					}
				}
			case "tf":
				want = q.Options[q.Answer]
			case "match":
				pairs := make([]string, len(q.Left))
				for shown, orig := range it.Order {
					if orig < len(pairs) { // the rest are extra responses
						pairs[orig] = fmt.Sprintf("%d-%s", orig+1, letter(shown))
					}
				}
				want = strings.Join(pairs, " ")
			case "order":
				seq := make([]string, len(q.Items))
				for shown, orig := range it.Order {
					seq[orig] = letter(shown)
				}
				want = strings.Join(seq, " ")
			}
			if want != it.Key {
				t.Errorf("quiz.json version %s item %d (%s): key %q, but its options give %q", v.Label, it.Number, q.Form, it.Key, want)
			}
			out[v.Label][it.Number] = want
		}
	}
	return out
}

var (
	longKeyRE = regexp.MustCompile(`(?m)^(\d+) \((matching|ordering)\): (.+)$`)
	answerRE  = regexp.MustCompile(`^([A-Z]|True|False)$`)
)

// TestKeyGrid reads each version's grid of the key PDF (number cells over
// answer cells) and its matching and ordering lines, and compares every
// answer with quiz.json: the letters, and True or False.
func TestKeyGrid(t *testing.T) {
	for _, seed := range []uint64{7, 12, 4177} {
		_, q := loadQuiz(t, quiz.Options{Count: 12, Versions: 3, Seed: seed,
			Forms: []quiz.Form{quiz.MC, quiz.TF, quiz.Match, quiz.Order}}, seed)
		want := rightKeys(t, asJSON(t, q))
		var buf bytes.Buffer
		if _, err := Key(&buf, q, A4, testMeta("key")); err != nil {
			t.Fatal(err)
		}
		path := writeTemp(t, "key.pdf", buf.Bytes())
		ws, _ := words(t, path)
		// Version headings, top to bottom.
		type heading struct {
			label string
			y     float64
		}
		var hs []heading
		for i := 0; i+1 < len(ws); i++ {
			if ws[i].text == "Version" && ws[i+1].yMin == ws[i].yMin {
				hs = append(hs, heading{ws[i+1].text, ws[i].yMax})
			}
		}
		if len(hs) != len(q.Versions) {
			t.Fatalf("seed %d: %d version grids on page 1, want %d", seed, len(hs), len(q.Versions))
		}
		got := map[string]map[int]string{}
		for i, h := range hs {
			end := math.Inf(1)
			if i+1 < len(hs) {
				end = hs[i+1].y - 16
			}
			got[h.label] = map[int]string{}
			// A number cell, and the answer cell right under it.
			for _, n := range ws {
				num, err := strconv.Atoi(n.text)
				if err != nil || n.yMin < h.y || n.yMin > end {
					continue
				}
				cx := (n.xMin + n.xMax) / 2
				for _, a := range ws {
					ax := (a.xMin + a.xMax) / 2
					if math.Abs(ax-cx) < 6 && a.yMin > n.yMax && a.yMin < n.yMax+10 && answerRE.MatchString(a.text) {
						got[h.label][num] = a.text
					}
				}
			}
		}
		// Matching and ordering answers are lines under the grid, in the
		// order of the versions.
		text := tool(t, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", path, "-")
		long := longKeyRE.FindAllStringSubmatch(text, -1)
		per := len(long) / max(1, len(hs))
		for i, m := range long {
			n, _ := strconv.Atoi(m[1])
			got[hs[i/max(1, per)].label][n] = m[3]
		}
		for label, items := range want {
			for n, key := range items {
				if got[label][n] != key {
					t.Errorf("seed %d version %s question %d: the key PDF says %q, quiz.json %q", seed, label, n, got[label][n], key)
				}
			}
			if len(got[label]) != len(items) {
				t.Errorf("seed %d version %s: %d answers in the key PDF, %d in quiz.json", seed, label, len(got[label]), len(items))
			}
		}
	}
}

// TestKeyTrueFalse: every true/false question's explanation in the key
// PDF gives the answer quiz.json has, in words.
func TestKeyTrueFalse(t *testing.T) {
	_, q := loadQuiz(t, quiz.Options{Count: 10, Versions: 2, Seed: 3, Forms: []quiz.Form{quiz.TF}}, 3)
	jq := asJSON(t, q)
	var buf bytes.Buffer
	if _, err := Key(&buf, q, A4, testMeta("key")); err != nil {
		t.Fatal(err)
	}
	all := squash(tool(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "key.pdf", buf.Bytes()), "-"))
	trues := 0
	for _, qu := range jq.Questions {
		if qu.Form != "tf" {
			continue
		}
		want := qu.Options[qu.Answer]
		if want == "True" {
			trues++
		}
		i := strings.Index(all, squash(qu.Prompt))
		if i < 0 {
			t.Errorf("%s: statement not in the key", qu.ID)
			continue
		}
		after := strings.TrimSpace(all[i+len(squash(qu.Prompt)):])
		if !strings.HasPrefix(after, "Answer: "+want) {
			t.Errorf("%s: key says %.20q, quiz.json %q", qu.ID, after, want)
		}
	}
	if trues == 0 || trues == len(jq.Questions) {
		t.Logf("all %d statements are %v: a weak sample", len(jq.Questions), trues > 0)
	}
}

// TestQuizPageStarts counts, page by page, where each version starts: the
// first page of every version has its header (version box, name, class and
// date lines) and a "page 1 of n" footer, its other pages have neither, and
// the versions come in quiz.json's order.
func TestQuizPageStarts(t *testing.T) {
	_, q := loadQuiz(t, quiz.Options{Count: 12, Versions: 3, Seed: 7}, 7)
	jq := asJSON(t, q)
	var buf bytes.Buffer
	pages, err := Quiz(&buf, q, A4, testMeta(q.Title))
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "quiz.pdf", buf.Bytes())
	footRE := regexp.MustCompile(`Version ([A-Z]+) · page (\d+) of (\d+)`)
	var starts []string
	v, seen := -1, 0
	for p := 1; p <= pages; p++ {
		txt := squash(tool(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), "-enc", "UTF-8", path, "-"))
		m := footRE.FindStringSubmatch(txt)
		if m == nil {
			t.Fatalf("page %d: no footer", p)
		}
		body := " " + strings.Replace(txt, m[0], "", 1) + " "
		header := strings.Contains(body, " Name ") && strings.Contains(body, " Class ") &&
			strings.Contains(body, " Date ") && strings.Contains(body, " Version "+m[1]+" ")
		if m[2] == "1" {
			starts = append(starts, m[1])
			v++
			seen = 0
			if !header {
				t.Errorf("page %d starts version %s without its header", p, m[1])
			}
		} else if header {
			t.Errorf("page %d repeats the header of version %s", p, m[1])
		}
		seen++
		if v < 0 || m[1] != jq.Versions[v].Label || strconv.Itoa(seen) != m[2] {
			t.Errorf("page %d: footer %q out of sequence", p, m[0])
		}
	}
	var labels []string
	for _, v := range jq.Versions {
		labels = append(labels, v.Label)
	}
	if strings.Join(starts, ",") != strings.Join(labels, ",") {
		t.Errorf("versions start on pages as %v, quiz.json has %v", starts, labels)
	}
}

// TestQuizShortVersionOnePage: a version that takes two pages at the
// standard size but fits on one slightly smaller is set on one. The test
// looks for such a quiz among small ones of the built-in bank.
func TestQuizShortVersionOnePage(t *testing.T) {
	f := &flow{t: newText(newDoc(A4, testMeta("x"))), top: qMargin, bottom: A4.H - qMargin}
	for count := 5; count <= 12; count++ {
		for seed := uint64(1); seed <= 16; seed++ {
			_, q := loadQuiz(t, quiz.Options{Count: count, Versions: 1, Seed: seed}, seed)
			full, _ := f.pages(quizSections(f.t, q, A4, quizStyleAt(1)))
			small, _ := f.pages(quizSections(f.t, q, A4, quizStyleAt(shrinkTo[len(shrinkTo)-1])))
			if full != 2 || small != 1 {
				continue
			}
			var buf bytes.Buffer
			pages, err := Quiz(&buf, q, A4, testMeta(q.Title))
			if err != nil {
				t.Fatal(err)
			}
			if pages != 1 {
				t.Errorf("%d questions, seed %d: %d pages, want 1", count, seed, pages)
			}
			txt := squash(tool(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "quiz.pdf", buf.Bytes()), "-"))
			for _, qu := range q.Questions {
				if !strings.Contains(txt, squash(qu.Prompt)) {
					t.Errorf("%s missing", qu.ID)
				}
			}
			return
		}
	}
	t.Fatal("no quiz of 5 to 12 questions takes two pages at full size and one at 90%: widen the search")
}

// TestFooterTitle: a title too long for the footer is cut at a word, with
// an ellipsis.
func TestFooterTitle(t *testing.T) {
	_, q := loadQuiz(t, quiz.Options{Count: 3, Seed: 1}, 1)
	q.Title = "Quiz: " + strings.Repeat("Rejecting Talks, Khamenei Says Macron Is Either Naive Or A U.S. Accomplice ", 2)
	var buf bytes.Buffer
	if _, err := Quiz(&buf, q, A4, testMeta(q.Title)); err != nil {
		t.Fatal(err)
	}
	txt := tool(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "quiz.pdf", buf.Bytes()), "-")
	m := regexp.MustCompile(`(?m)^(.*)… · Version A · page 1 of`).FindStringSubmatch(txt)
	if m == nil {
		t.Fatalf("no clipped title in the footer:\n%s", txt)
	}
	kept := strings.TrimSpace(m[1])
	if !strings.HasPrefix(q.Title, kept+" ") {
		t.Errorf("footer keeps %q: not the title cut at a word", kept)
	}
}
