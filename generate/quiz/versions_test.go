package quiz

import (
	"slices"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// Tests for versions (versions.go) and the small public helpers of
// quiz.go, with hand-worked expectations.

// TestDealLetters: m right letters out of k, each m/k times, the rest to
// the letters used least so far, so that over versions every letter is
// right equally often.
func TestDealLetters(t *testing.T) {
	for _, tc := range []struct{ m, k, versions int }{
		{10, 4, 2}, // 10 per version: 2 or 3 each; over 2 versions 5 each
		{6, 4, 2},  // 1 or 2 each; over 2 versions 3 each
		{3, 4, 4},  // 0 or 1 each; over 4 versions 3 each
		{5, 5, 3},  // 1 each, every version
		{7, 3, 3},  // 2 or 3 each; over 3 versions 7 each
	} {
		used := make([]int, tc.k)
		total := make([]int, tc.k)
		for v := 0; v < tc.versions; v++ {
			got := dealLetters(tc.m, tc.k, used, rng(uint64(v)))
			if len(got) != tc.m {
				t.Fatalf("m=%d k=%d: %d letters", tc.m, tc.k, len(got))
			}
			count := make([]int, tc.k)
			for _, l := range got {
				count[l]++
				total[l]++
			}
			for l, c := range count {
				if c != tc.m/tc.k && c != tc.m/tc.k+1 {
					t.Errorf("m=%d k=%d version %d: letter %d right %d times", tc.m, tc.k, v, l, c)
				}
			}
		}
		want := tc.m * tc.versions / tc.k
		for l, c := range total {
			if c != want {
				t.Errorf("m=%d k=%d over %d versions: letter %d right %d times, want %d (%v)", tc.m, tc.k, tc.versions, l, c, want, total)
			}
			if used[l] != want {
				t.Errorf("m=%d k=%d: used[%d] = %d, want %d", tc.m, tc.k, l, used[l], want)
			}
		}
	}
}

// TestPlaceAnswer: the answer is shown at pos; every option once.
func TestPlaceAnswer(t *testing.T) {
	for n := 2; n <= 5; n++ {
		for answer := 0; answer < n; answer++ {
			for pos := 0; pos < n; pos++ {
				order := placeAnswer(n, answer, pos, rng(uint64(n*100+answer*10+pos)))
				if len(order) != n || order[pos] != answer {
					t.Fatalf("placeAnswer(%d, %d, %d) = %v", n, answer, pos, order)
				}
				sorted := slices.Clone(order)
				slices.Sort(sorted)
				for i, x := range sorted {
					if x != i {
						t.Fatalf("placeAnswer(%d, %d, %d) = %v: not a permutation", n, answer, pos, order)
					}
				}
			}
		}
	}
}

// TestDerange: an ordering question is never shown in its answer's order.
func TestDerange(t *testing.T) {
	for seed := uint64(0); seed < 200; seed++ {
		for _, n := range []int{2, 4, 5} {
			p := derange(n, rng(seed))
			if slices.IsSorted(p) || len(p) != n {
				t.Fatalf("derange(%d) = %v", n, p)
			}
		}
	}
	if got := inverse([]int{2, 0, 1}); !slices.Equal(got, []int{1, 2, 0}) {
		t.Errorf("inverse([2 0 1]) = %v, want [1 2 0]", got)
	}
}

// TestVersionKeys: each version keys a true/false item by the word it
// shows, always True then False, and a matching or ordering item by the
// letters a student writes, worked out from the shown order.
func TestVersionKeys(t *testing.T) {
	qs := []Question{
		{ID: "q1", Form: TF, Options: []string{"True", "False"}, Answer: 1},
		{ID: "q2", Form: TF, Options: []string{"True", "False"}, Answer: 0},
		{ID: "q3", Form: Match, Left: []string{"a", "b", "c"}, Right: []string{"A", "B", "C"}, Extra: []string{"X"}},
		{ID: "q4", Form: Order, Items: []string{"first", "second", "third", "fourth"}},
		{ID: "q5", Form: MC, Options: []string{"right", "w1", "w2"}, Answer: 0},
	}
	for _, v := range shuffle(qs, 3, 3, rng(7)) {
		if len(v.Items) != len(qs) {
			t.Fatalf("version %s: %d items", v.Label, len(v.Items))
		}
		// Canonical sections: multiple choice first, then true/false,
		// matching, ordering.
		var forms []Form
		for i, it := range v.Items {
			if it.Number != i+1 {
				t.Errorf("version %s: item %d numbered %d", v.Label, i, it.Number)
			}
			qu := &qs[slices.IndexFunc(qs, func(q Question) bool { return q.ID == it.Question })]
			forms = append(forms, qu.Form)
			shown := qu.Shown(it)
			switch qu.Form {
			case TF:
				if !slices.Equal(it.Order, []int{0, 1}) || it.Key != qu.Options[qu.Answer] {
					t.Errorf("version %s %s: order %v key %q", v.Label, qu.ID, it.Order, it.Key)
				}
			case MC:
				if shown[it.Key[0]-'A'] != "right" {
					t.Errorf("version %s: key %s shows %q", v.Label, it.Key, shown[it.Key[0]-'A'])
				}
			case Match:
				want := []string{}
				for l, r := range qu.Right {
					want = append(want, string(rune('1'+l))+"-"+string(rune('A'+slices.Index(shown, r))))
				}
				if it.Key != strings.Join(want, " ") || len(shown) != 4 {
					t.Errorf("version %s: match key %q shown %q, want %q", v.Label, it.Key, shown, want)
				}
			case Order:
				var want []string
				for _, x := range qu.Items {
					want = append(want, string(rune('A'+slices.Index(shown, x))))
				}
				if it.Key != strings.Join(want, " ") {
					t.Errorf("version %s: order key %q shown %q", v.Label, it.Key, shown)
				}
			}
		}
		if !slices.Equal(forms, []Form{MC, TF, TF, Match, Order}) {
			t.Errorf("version %s: forms in order %v", v.Label, forms)
		}
	}
}

func TestFormName(t *testing.T) {
	for f, want := range map[Form]string{MC: "multiple-choice", TF: "true/false", Match: "matching", Order: "ordering"} {
		if got := f.Name(); got != want {
			t.Errorf("%s.Name() = %q, want %q", f, got, want)
		}
	}
}

func TestParseForms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Form
		err  bool
	}{
		{"mc", []Form{MC}, false},
		{" tf , mc ,", []Form{TF, MC}, false},
		{"mc,tf,match,order", []Form{MC, TF, Match, Order}, false},
		{"", nil, false},
		{"essay", nil, true},
		{"mc,MC", nil, true},
	} {
		got, err := ParseForms(tc.in)
		if (err != nil) != tc.err || !slices.Equal(got, tc.want) {
			t.Errorf("ParseForms(%q) = %v, %v", tc.in, got, err)
		}
	}
}

// TestDefaultTitle: the bank's quiz_title, else the topic, outlet and
// month, never the headline.
func TestDefaultTitle(t *testing.T) {
	day := bank.Date{Year: 2019, Month: 11, Day: 3, Precision: bank.Day}
	for _, tc := range []struct {
		a    bank.Article
		want string
	}{
		{bank.Article{QuizTitle: "Iran talks", Topic: "t", Outlet: "o", Date: day}, "Iran talks"},
		{bank.Article{Title: "Headline", Topic: "Iran and the U.S.", Outlet: "AP", Date: day}, "Quiz: Iran and the U.S. · AP"},
		{bank.Article{Title: "Headline", Outlet: "AP", Date: day}, "Quiz on an article from AP"},
		{bank.Article{Outlet: "AP", Date: bank.Date{Year: 2019, Month: 11, Precision: bank.Month}}, "Quiz on an article from AP"},
	} {
		if got := DefaultTitle(tc.a); got != tc.want {
			t.Errorf("DefaultTitle(%+v) = %q, want %q", tc.a, got, tc.want)
		}
	}
}

// TestOptionLimits: counts, choices and versions outside their ranges are
// refused with the range; zero means the default.
func TestOptionLimits(t *testing.T) {
	b := rulesBank(t)
	for _, tc := range []struct {
		opt Options
		err string
	}{
		{Options{}, ""},
		{Options{Choices: 2}, ""},
		{Options{Choices: 5}, ""},
		{Options{Versions: 5000}, ""},
		{Options{Count: 1}, ""},
		{Options{Choices: 1}, "choices must be 2 to 5, not 1"},
		{Options{Choices: 6}, "choices must be 2 to 5, not 6"},
		{Options{Versions: 5001}, "versions must be 1 to 5000, not 5001"},
		{Options{Versions: -1}, "versions must be 1 to 5000, not -1"},
		{Options{Count: -2}, "count must be at least 1, not -2"},
	} {
		got, err := tc.opt.withDefaults(b)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%+v: %v", tc.opt, err)
		case tc.err != "" && (err == nil || err.Error() != tc.err):
			t.Errorf("%+v: %v, want %q", tc.opt, err, tc.err)
		}
		if tc.err == "" && (got.Count < 1 || got.Choices < 2 || got.Versions < 1 || got.Title != "Quiz on an article from Test News") {
			t.Errorf("%+v: defaults %+v", tc.opt, got)
		}
	}
	d, _ := Options{}.withDefaults(b)
	if d.Count != 10 || d.Choices != 4 || d.Versions != 1 {
		t.Errorf("defaults %+v, want 10 questions, 4 choices, 1 version", d)
	}
}

// TestQuizAccessors: Question finds by id; Responses lists Right then
// Extra; Letter and Label count from A.
func TestQuizAccessors(t *testing.T) {
	q := &Quiz{Questions: []Question{{ID: "q1"}, {ID: "q2", Right: []string{"a", "b"}, Extra: []string{"x"}}}}
	if q.Question("q2") != &q.Questions[1] || q.Question("q3") != nil {
		t.Error("Question by id")
	}
	if got := q.Questions[1].Responses(); !slices.Equal(got, []string{"a", "b", "x"}) {
		t.Errorf("Responses = %v", got)
	}
	if Letter(0) != "A" || Letter(3) != "D" {
		t.Error("Letter")
	}
}
