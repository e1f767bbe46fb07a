package quiz

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// TestLint: what check reports for testdata/rules.toml, worked out by
// hand. With 4 options every fact but one makes a clean multiple-choice
// item: "more than 50 diplomats" has no wrong figure below 50 that is not
// true too, and figures above alone would always put the answer first.
// With 5, three more run short: "Who pulled the United States out…"
// keeps only the three other Americans, the embassy city loses the two
// U.S. cities, and the mediators question has three countries left.
func TestLint(t *testing.T) {
	b := rulesBank(t)
	const floor = `fact "hostage-count" cannot make a clean multiple-choice item: the article gives “more than 50”: a wrong figure below 50 would be true too, and figures above it alone would always put the answer first; it is asked as true/false only, or give it wrong = [...] figures of your choosing`
	r := Lint(b, 4)
	if r.Facts != 7 || r.MC != 6 || r.TF != 4 || r.Groups != 6 || r.Choices != 4 || len(r.Problems) != 1 || r.Problems[0].String() != floor {
		t.Errorf("Lint(4) = %+v", r)
	}
	r = Lint(b, 5)
	// The mediators' sentence holds no clean item now: five groups.
	if r.MC != 3 || r.TF != 4 || r.Groups != 5 || r.NoStatement != 3 {
		t.Errorf("Lint(5) = %+v", r)
	}
	const advice = ": add plausible entities of that kind (foil = true for ones the article does not mention) or a wrong = [...] list"
	want := []string{
		`fact "pulled-out" cannot make a clean multiple-choice item: only 3 clean wrong options, needs 4 (among people; ruled out: 3 not of the United States, which the question names)` + advice,
		floor,
		`fact "embassy-city" cannot make a clean multiple-choice item: only 3 clean wrong options, needs 4 (among places; ruled out: 2 of the United States, which the question names)` + advice,
		`fact "mediators" cannot make a clean multiple-choice item: only 3 clean wrong options, needs 4 (among country groups)` + advice,
	}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	lines := r.Lines("rules.toml")
	head := []string{
		"items (under the item-writing rules, 5 options per multiple-choice question):",
		"  3 of 7 facts make a clean multiple-choice item, 4 a true/false item (3 facts have no statement, which true/false needs)",
		"  5 sentence groups hold one: a quiz takes one item per group, so at most 5 fact questions (plus matching and ordering)",
	}
	if len(lines) != 7 || strings.Join(lines[:3], "\n") != strings.Join(head, "\n") {
		t.Errorf("lines:\n%s", strings.Join(lines, "\n"))
	}
	if len(lines) == 7 && lines[3] != fmt.Sprintf("  rules.toml:%d: %s", r.Problems[0].Fact.Line, want[0]) {
		t.Errorf("line %q", lines[3])
	}
	// A true/false problem is reported only for a fact with a statement,
	// and an error that is no shortage is passed on as it is.
	facts := append(b.Facts[:0:0], b.Facts...)
	for i := range facts {
		if facts[i].ID == "mediators" {
			facts[i].Statement = "{answer}, unlike France, Iran, Oman and America, mediated."
		}
	}
	r = Lint(b.WithFacts(facts), 4)
	if len(r.Problems) != 2 || r.Problems[0].String() != floor || r.Problems[1].String() != `fact "mediators" cannot make a clean true/false item: no clean false version: add false_statements` {
		t.Errorf("problems %v", r.Problems)
	}
	if r.TF != 4 {
		t.Errorf("TF = %d, want 4", r.TF)
	}
}

// TestLintLinesPlurals: check's summary words counts of one in the
// singular, and says how many facts lack the statement true/false needs
// only when some do. The reports and the lines are written by hand.
func TestLintLinesPlurals(t *testing.T) {
	for _, tc := range []struct {
		r    Report
		want []string
	}{
		{Report{Facts: 15, MC: 1, TF: 1, Groups: 1, Choices: 4, NoStatement: 14}, []string{
			"items (under the item-writing rules, 4 options per multiple-choice question):",
			"  1 of 15 facts makes a clean multiple-choice item, 1 a true/false item (14 facts have no statement, which true/false needs)",
			"  1 sentence group holds one: a quiz takes one item per group, so at most 1 fact question (plus matching and ordering)",
		}},
		{Report{Facts: 1, MC: 0, TF: 0, Groups: 0, Choices: 3, NoStatement: 1}, []string{
			"items (under the item-writing rules, 3 options per multiple-choice question):",
			"  0 of 1 fact make a clean multiple-choice item, 0 a true/false item (1 fact has no statement, which true/false needs)",
			"  0 sentence groups hold one: a quiz takes one item per group, so at most 0 fact questions (plus matching and ordering)",
		}},
		{Report{Facts: 2, MC: 2, TF: 2, Groups: 2, Choices: 4}, []string{
			"items (under the item-writing rules, 4 options per multiple-choice question):",
			"  2 of 2 facts make a clean multiple-choice item, 2 a true/false item",
			"  2 sentence groups hold one: a quiz takes one item per group, so at most 2 fact questions (plus matching and ordering)",
		}},
	} {
		if got := tc.r.Lines("b.toml"); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("Lines(%+v):\n%s\nwant:\n%s", tc.r, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestPoolFallback: a fact that makes no clean multiple-choice item
// enters the pool as true/false when it can, and not at all when it has
// no statement; ids count from q1 and each group's questions stand
// together. With 5 options, rules.toml's "pulled-out" runs short (see
// TestLint) but has a statement; "mediators" has none.
func TestPoolFallback(t *testing.T) {
	b := rulesBank(t)
	q, err := Pool(b, Options{Choices: 5}, rng(1))
	if err != nil {
		t.Fatal(err)
	}
	form := map[string]Form{}
	groupEnd := map[string]bool{}
	last := ""
	for i, qu := range q.Questions {
		if qu.ID != fmt.Sprintf("q%d", i+1) {
			t.Errorf("question %d has id %q", i+1, qu.ID)
		}
		if qu.Group != last {
			if groupEnd[qu.Group] {
				t.Errorf("group %q comes back at %s", qu.Group, qu.ID)
			}
			groupEnd[last] = true
			last = qu.Group
		}
		if len(qu.Facts) == 1 {
			form[qu.Facts[0]] = qu.Form
		}
	}
	if form["pulled-out"] != TF {
		t.Errorf("pulled-out in the pool as %q, want tf", form["pulled-out"])
	}
	if _, ok := form["mediators"]; ok {
		t.Errorf("mediators in the pool as %q", form["mediators"])
	}
	if form["embassy-year"] != MC {
		t.Errorf("embassy-year in the pool as %q, want mc", form["embassy-year"])
	}
}

// TestStatementCapitalised: a statement that starts with its answer shows
// the answer capitalised, as the sentence does ("More than 50 diplomats
// were taken."); one that does not keeps the answer as the bank writes it.
func TestStatementCapitalised(t *testing.T) {
	// "More than 50" makes a multiple-choice item only with curated wrong
	// figures: an automatic one below 50 would be true too.
	src, err := os.ReadFile("testdata/rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	b := parseBank(t, strings.Replace(string(src), `qualifier = "more than"`, `qualifier = "more than"`+"\nwrong = [60, 70, 80]", 1))
	q, err := Build(b, Options{Count: 2, Forms: []Form{MC}, Filter: bank.Filter{Kinds: []string{"number"}}}, rng(1))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Statement{
		"hostage-count": {Before: "", Answer: "More than 50 diplomats", After: " were taken."},
		"hostage-days":  {Before: "The hostages were held for ", Answer: "444 days", After: "."},
	}
	for _, qu := range q.Questions {
		if w := want[qu.Facts[0]]; qu.Statement == nil || *qu.Statement != w {
			t.Errorf("%s: statement %+v, want %+v", qu.Facts[0], qu.Statement, w)
		}
	}
}

// TestLintCues: check names the facts whose clean items still carry a cue
// the bank could remove, with the options to rephrase (worked out by hand
// from the banks).
func TestLintCues(t *testing.T) {
	// Two plain wrong reasons and two marked ones: a four-option item
	// needs one marked.
	b := parseBank(t, withoutBlocks(determinerBank, "lorry"))
	r := Lint(b, 4)
	if len(r.Cues) != 1 || r.Cues[0].Fact.ID != "closed" ||
		!strings.Contains(r.Cues[0].Why, `rephrase "The bridge had never been inspected" and "Its lights always failed in storms"`) {
		t.Errorf("marked: %+v", r.Cues)
	}
	// Enough plain ones: nothing to say.
	if r := Lint(parseBank(t, determinerBank), 4); len(r.Cues) != 0 {
		t.Errorf("plain enough: %+v", r.Cues)
	}
	// Every wrong reason shorter than the answer: the length cue.
	r = Lint(parseBank(t, withoutBlocks(reasonBank, "long1", "long2")), 4)
	if len(r.Cues) != 1 || !strings.Contains(r.Cues[0].Why, "longer than every wrong option") {
		t.Errorf("longest: %+v", r.Cues)
	}
	if r := Lint(parseBank(t, reasonBank), 4); len(r.Cues) != 0 {
		t.Errorf("longer ones exist: %+v", r.Cues)
	}
	// Lines print each with its line in the bank.
	lines := strings.Join(Lint(parseBank(t, withoutBlocks(reasonBank, "long1", "long2")), 4).Lines("r.toml"), "\n")
	if !strings.Contains(lines, `r.toml:`) || !strings.Contains(lines, `fact "closed": its answer is longer`) {
		t.Errorf("lines:\n%s", lines)
	}
}
