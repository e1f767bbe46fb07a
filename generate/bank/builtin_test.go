package bank

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// The built-in bank's promises (issue 10), checked from the bank itself.
// Each expectation comes from the issue or the review
// (shared/reviews/builtin-bank-review.md), never from the quiz generator.

func loadBuiltin(t *testing.T) *Bank {
	t.Helper()
	b, err := Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBuiltinCoverage: at least 70 facts from at least 30 of the article's
// sentences, every excerpt placed in a sentence, and at least 10 facts that
// ask a reason or a claim with statement-length options.
func TestBuiltinCoverage(t *testing.T) {
	b := loadBuiltin(t)
	if len(b.Facts) < 70 {
		t.Errorf("%d facts, want at least 70", len(b.Facts))
	}
	covered := map[int]bool{}
	for _, f := range b.Facts {
		ss := b.SentencesOf(f.Source)
		if len(ss) == 0 {
			t.Errorf("fact %q: source is in no sentence of the article", f.ID)
		}
		for _, s := range ss {
			covered[s] = true
		}
	}
	if len(covered) < 30 {
		t.Errorf("facts cover %d of the article's %d sentences, want at least 30", len(covered), len(b.Sentences()))
	}
	// The review's coverage gaps (section 3), each by an excerpt some fact
	// or matching set must quote.
	gaps := []string{
		"Europe's delay in meeting its promise",                           // 1
		"leave investors and businesses undecided",                        // 2
		"a rare admission by Khamenei that sanctions seriously hurt Iran", // 3
		"self-reliance can compensate for any losses",                     // 3
		"to block the way for American political re-infiltration",         // 4
		"Avoiding negotiations is also one of the ways to block",          // 4
		"does not recognize the usurpation",                               // 4
		"coups, ethnic provocations, arousing separatism",                 // 5
		"we managed to corner them",                                       // 5
		"the U.S. overthrew a national government",                        // 6
		"had made the mistake of trusting the United States",              // 6
		"Khamenei denied that the seizure of the embassy",                 // 7
		"The Americans distort history",                                   // 7
		"\"repents,\" lifts its sanctions and takes part in the P5+1",     // 8
		"willing to negotiate with Iran without any preconditions",        // 9
		"he would accept negotiations only if the United States returns",  // 9
		"quoting diplomatic sources that apparently a deal was made",      // 10
		"on the side-lines of the UN General Assembly meetings",           // 10
		"expressed love for the North Korean officials",                   // 11
		"they didn’t reduce the sanctions even a bit",                     // 11
		"rimposed sanctions on the Islamic Republic",                      // 12
		"Khamenei claimed according to his official website",              // 13
		"Speaking on Sunday November 3 to a group of students",            // 14
	}
	var sources []string
	for _, f := range b.Facts {
		sources = append(sources, foldExcerpt(f.Source))
	}
	for _, m := range b.Matchings {
		for _, s := range m.Sources {
			sources = append(sources, foldExcerpt(s))
		}
	}
	for _, g := range gaps {
		found := false
		for _, s := range sources {
			found = found || strings.Contains(s, foldExcerpt(g))
		}
		if !found {
			t.Errorf("no fact quotes %q", g)
		}
	}
	// Gap 10 asks which publication reported, gap 13 where the quotes
	// come from: facts answered by The New Yorker and by Europe.
	for _, id := range []string{"new-yorker", "europe", "un-general-assembly", "p5-plus-1"} {
		found := false
		for _, f := range b.Facts {
			found = found || (f.Answer.Type == EntityValue && f.Answer.Entity == id)
		}
		if !found {
			t.Errorf("no fact is answered by %q", id)
		}
	}

	reasons := 0
	for _, f := range b.Facts {
		if !hasTag(f, "reason") {
			continue
		}
		reasons++
		e, ok := b.Entity(f.Answer.Entity)
		if f.Answer.Type != EntityValue || !ok || (e.Pool != Groups && e.Pool != Events) {
			t.Errorf("reason fact %q: answer must be a statement group or an event", f.ID)
			continue
		}
		if n := len(strings.Fields(e.Name)); n < 4 {
			t.Errorf("reason fact %q: answer %q has %d words, want a statement of at least 4", f.ID, e.Name, n)
		}
		if len(f.Wrong) < 4 {
			t.Errorf("reason fact %q: %d curated wrong options, want at least 4", f.ID, len(f.Wrong))
		}
		for _, w := range f.Wrong {
			we, _ := b.Entity(w.Entity)
			if n := len(strings.Fields(we.Name)); n < 4 {
				t.Errorf("reason fact %q: wrong option %q has %d words, want at least 4", f.ID, we.Name, n)
			}
			if we.Pool == Groups && !we.Foil {
				t.Errorf("reason fact %q: wrong option %q is not marked foil", f.ID, we.ID)
			}
		}
	}
	if reasons < 10 {
		t.Errorf("%d facts tagged reason, want at least 10", reasons)
	}
}

// TestBuiltinWrongOptions: every entity fact can offer four clean wrong
// options (so --choices 5 works) from its curated list alone. Clean means:
// not named by the question, and obeying the country rule of issue 9 (a
// question that names the answer's own country gets options from that
// country; one that names another country gets none from it).
func TestBuiltinWrongOptions(t *testing.T) {
	b := loadBuiltin(t)
	for _, f := range b.Facts {
		if f.Answer.Type != EntityValue {
			continue
		}
		ans, _ := b.Entity(f.Answer.Entity)
		var named []string // countries the question names
		for _, e := range b.Entities {
			if e.Pool == Groups && e.Type == "country" && textNames(f.Ask, e) {
				named = append(named, e.ID)
			}
		}
		ownNamed := ans.Country != "" && contains(named, ans.Country)
		clean := 0
		for _, w := range f.Wrong {
			e, _ := b.Entity(w.Entity)
			switch {
			case textNames(f.Ask, e):
				t.Errorf("fact %q: wrong option %q is named by the question", f.ID, e.ID)
			case ownNamed && e.Country != ans.Country:
				t.Errorf("fact %q: the question names %s, but wrong option %q is from %q", f.ID, ans.Country, e.ID, e.Country)
			case !ownNamed && e.Country != "" && contains(named, e.Country):
				t.Errorf("fact %q: the question names %s, so wrong option %q may not be from it", f.ID, e.Country, e.ID)
			case e.Country == "" && ans.Country != "" && e.Pool != Groups:
				t.Errorf("fact %q: wrong option %q has no country", f.ID, e.ID)
			default:
				clean++
			}
		}
		if clean < 4 {
			t.Errorf("fact %q: %d clean curated wrong options, want at least 4", f.ID, clean)
		}
		if f.Statement != "" && len(f.FalseStatements) == 0 {
			t.Errorf("fact %q: has a statement and an entity answer but no false_statements", f.ID)
		}
	}
	for _, e := range b.Entities {
		if (e.Pool == People || e.Pool == Places) && e.Country == "" {
			t.Errorf("%s %q has no country", e.Pool, e.ID)
		}
	}
}

// TestBuiltinHonest: what the bank prints is what the article says.
func TestBuiltinHonest(t *testing.T) {
	b := loadBuiltin(t)
	article := dropQuotes(foldExcerpt(b.Article.Text))
	// Event names never contain their own date (review #15).
	for _, e := range b.Pool(Events) {
		for _, form := range dateWords(e.Date) {
			if containsWord(e.Name, form) {
				t.Errorf("event %q: name %q contains its own date (%q)", e.ID, e.Name, form)
			}
		}
	}
	// A year shown without brackets is printed in the fact's excerpt, or
	// in the article for events (review #19).
	for _, f := range b.Facts {
		d := f.Answer.Date
		if f.Answer.Type != DateValue || d.Precision == MonthDay || d.Inferred {
			continue
		}
		if !strings.Contains(f.Source, strconv.Itoa(d.Year)) {
			t.Errorf("fact %q: year %d is not in its excerpt; write it [%d] if the article does not print it", f.ID, d.Year, d.Year)
		}
	}
	for _, e := range b.Pool(Events) {
		if !e.Date.Inferred && e.Date.Precision != MonthDay && !strings.Contains(b.Article.Text, strconv.Itoa(e.Date.Year)) {
			t.Errorf("event %q: year %d is not in the article; write it in brackets", e.ID, e.Date.Year)
		}
	}
	// A qualified number is asked as a cloze of its excerpt, so the
	// excerpt prints the figure with its qualifier (review #1).
	for _, f := range b.Facts {
		if n := f.Answer.Number; f.Answer.Type == NumberValue && n.Qualifier != "" {
			if !strings.Contains(f.Source, n.Qualifier+" "+n.Digits()) {
				t.Errorf("fact %q: excerpt does not print %q", f.ID, n.Qualifier+" "+n.Digits())
			}
		}
	}
	// Words an explanation puts in quotation marks are the article's
	// (review #24, #25): ‘inner quotes’ and [editorial insertions] aside.
	quoted := regexp.MustCompile(`“([^”]*)”`)
	editorial := regexp.MustCompile(`\[[^\]]*\]`)
	for _, f := range b.Facts {
		for _, m := range quoted.FindAllStringSubmatch(f.Explain, -1) {
			words := dropQuotes(foldExcerpt(editorial.ReplaceAllString(m[1], "")))
			if !strings.Contains(article, words) {
				t.Errorf("fact %q: explanation quotes %q, which is not in the article", f.ID, m[1])
			}
		}
	}
	// Roles are asked "at the time" (review #18).
	for _, f := range b.Facts {
		if hasTag(f, "roles") && !strings.Contains(f.Ask, "at the time") {
			t.Errorf("role fact %q: ask %q does not say \"at the time\"", f.ID, f.Ask)
		}
	}
	// The card's content (review #29, #30, section 4).
	a := b.Article
	if strings.ContainsAny(a.Headline, "“”\"") {
		t.Errorf("headline %q puts words in quotation marks", a.Headline)
	}
	if a.QuizTitle == "" {
		t.Error("no quiz_title: the default would be made without the curator")
	}
	for _, f := range b.Facts {
		if f.Answer.Type == EntityValue {
			if e, _ := b.Entity(f.Answer.Entity); textNames(a.QuizTitle, e) {
				t.Errorf("quiz_title %q names the answer of %q", a.QuizTitle, f.ID)
			}
		}
	}
	why := strings.Join(a.Why, "\n")
	for _, want := range []string{"23 August", "return to the 2015 nuclear deal", "Radio Farda calls it a rare admission"} {
		if !strings.Contains(why, want) {
			t.Errorf("why it matters does not say %q", want)
		}
	}
}

// TestBuiltinMatchings: the curated matching sets of issue 10.
func TestBuiltinMatchings(t *testing.T) {
	b := loadBuiltin(t)
	var conditions *Matching
	for i, m := range b.Matchings {
		if len(m.Extra) == 0 {
			t.Errorf("matching %q has no extra response", m.ID)
		}
		// No response names a left entity: a label would then point to
		// its own pair, or away from it.
		for _, id := range m.Left {
			e, _ := b.Entity(id)
			for _, r := range append(append([]string{}, m.Right...), m.Extra...) {
				if textNames(r, e) {
					t.Errorf("matching %q: response %q names the left entity %q", m.ID, r, id)
				}
			}
		}
		if m.ID == "leader-conditions" {
			conditions = &b.Matchings[i]
		}
	}
	if conditions == nil {
		t.Fatal("no leader-conditions matching set")
	}
	// Trump: none; Khamenei: a U.S. return to the deal; Rouhani: repent,
	// lift sanctions, P5+1 (the brief).
	want := map[string][]string{
		"trump":    {"without any preconditions"},
		"khamenei": {"returns to the nuclear deal"},
		"rouhani":  {"repents", "lifts its sanctions", "P5+1"},
	}
	for j, id := range conditions.Left {
		for _, w := range want[id] {
			if !strings.Contains(conditions.Right[j], w) {
				t.Errorf("leader-conditions: %s → %q does not say %q", id, conditions.Right[j], w)
			}
		}
		delete(want, id)
	}
	if len(want) > 0 {
		t.Errorf("leader-conditions leaves out %v", want)
	}
}

// TestBuiltinReviewRows: facts the review asked to drop or merge stay out.
func TestBuiltinReviewRows(t *testing.T) {
	b := loadBuiltin(t)
	for _, id := range []string{
		"pulled-out",               // #2: duplicate of deal-trump-left
		"mediator-waited",          // #4: same sentence as never-emerged
		"mediation-disappointment", // #6: merged with #5, re-aimed at Europe
		"meeting-quote",            // #8: same utterance as naive-quote
		"mediators-france",         // #17: mirror of mediators-japan
		"percent-wrong",            // #20: trivia on a figure of speech
		"days-before-anniversary",  // #20: key always the smallest
		"deal-phone-call",          // #16: answer leaked by deal-points
	} {
		if _, ok := b.Fact(id); ok {
			t.Errorf("fact %q is back; the review dropped it", id)
		}
	}
}

func hasTag(f Fact, tag string) bool { return contains(f.Tags, tag) }

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// textNames reports whether text names e by its name (without a leading
// "the"), its surname for people, or an alias, as a whole word. It is
// written here rather than borrowed from the generator, so that the bank
// is checked against the rule as the issue states it.
func textNames(text string, e Entity) bool {
	forms := append([]string{strings.TrimPrefix(strings.TrimPrefix(e.Name, "the "), "The ")}, e.Aliases...)
	if e.Pool == People {
		f := strings.Fields(e.Name)
		forms = append(forms, f[len(f)-1])
	}
	for _, form := range forms {
		if i := strings.Index(form, " ("); i > 0 {
			form = form[:i]
		}
		if containsWord(text, form) {
			return true
		}
	}
	return false
}

// containsWord reports whether s holds w (case folded) not inside a
// longer word.
func containsWord(s, w string) bool {
	s, w = Fold(s), Fold(w)
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 || w == "" {
			return false
		}
		i += from
		end := i + len(w)
		before := i == 0 || !isWordByte(s[i-1])
		after := end == len(s) || !isWordByte(s[end]) || w[len(w)-1] == '.'
		if before && after {
			return true
		}
		from = i + 1
	}
}

// dropQuotes removes the quotation marks of folded text, keeping
// apostrophes inside words ("korea's").
func dropQuotes(s string) string {
	r := []rune(s)
	var out []rune
	for i, c := range r {
		if c == '"' || (c == '\'' && (i == 0 || i == len(r)-1 || !unicode.IsLetter(r[i-1]) || !unicode.IsLetter(r[i+1]))) {
			continue
		}
		out = append(out, c)
	}
	return NormalizeSpace(string(out))
}

func isWordByte(c byte) bool {
	return c >= 0x80 || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
}

// dateWords are the ways a label could give a date away.
func dateWords(d Date) []string {
	var out []string
	if d.Precision != MonthDay {
		out = append(out, strconv.Itoa(d.Year))
	}
	if d.Month > 0 {
		out = append(out, time.Month(d.Month).String())
	}
	return out
}

// TestBuiltinFitsExports: options and true/false statements fit the
// tightest platform limits (Kahoot: answers of 75 characters, questions of
// 120), so no exporter has to leave an item of this bank out.
func TestBuiltinFitsExports(t *testing.T) {
	const answerMax, questionMax = 75, 120
	b := loadBuiltin(t)
	runes := func(s string) int { return len([]rune(s)) }
	for _, e := range b.Entities {
		if runes(e.Name) > answerMax {
			t.Errorf("%s %q: name is %d characters, over %d", e.Pool, e.ID, runes(e.Name), answerMax)
		}
	}
	for _, f := range b.Facts {
		if runes(f.Ask) > questionMax {
			t.Errorf("fact %q: ask is %d characters, over %d", f.ID, runes(f.Ask), questionMax)
		}
		if f.Statement == "" {
			continue
		}
		for _, v := range append([]Value{f.Answer}, f.Wrong...) {
			if s := strings.Replace(f.Statement, "{answer}", b.Text(v), 1); runes(s) > questionMax {
				t.Errorf("fact %q: statement %q is %d characters, over %d", f.ID, s, runes(s), questionMax)
			}
		}
		for _, s := range f.FalseStatements {
			if runes(s) > questionMax {
				t.Errorf("fact %q: false statement %q is %d characters, over %d", f.ID, s, runes(s), questionMax)
			}
		}
	}
}

// TestBuiltinExcerpts: excerpts print cleanly in the key (review #27):
// no excerpt opens or closes on a quotation mark, and straight quotes come
// in pairs.
func TestBuiltinExcerpts(t *testing.T) {
	b := loadBuiltin(t)
	check := func(what, s string) {
		trimmed := strings.TrimRight(s, ".,")
		if strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "“") || (strings.HasSuffix(trimmed, `"`) && strings.Count(s, `"`) == 1) {
			t.Errorf("%s: excerpt %q opens or closes on a quotation mark", what, s)
		}
		if strings.Count(s, `"`)%2 != 0 {
			t.Errorf("%s: excerpt %q has an unpaired quotation mark", what, s)
		}
	}
	for _, f := range b.Facts {
		check("fact "+strconv.Quote(f.ID), f.Source)
	}
	for _, m := range b.Matchings {
		for _, s := range m.Sources {
			check("matching "+strconv.Quote(m.ID), s)
		}
	}
}

// TestBuiltinNoStandOut: whichever of its curated wrong options a
// multiple-choice item gets (two to four of them), the answer does not
// stand out by form (issue 9, rule 5; distractors.md §6): it is not the only
// option with digits or with parentheses, nor far longer than every other
// (more than 1.5 times and at least 12 characters longer).
func TestBuiltinNoStandOut(t *testing.T) {
	b := loadBuiltin(t)
	hasDigit := func(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }
	hasParen := func(s string) bool { return strings.Contains(s, "(") }
	for _, f := range b.Facts {
		if f.Answer.Type != EntityValue || len(f.Wrong) < 2 {
			continue
		}
		key := b.Text(f.Answer)
		var lens []int
		without := map[string]int{}
		for _, w := range f.Wrong {
			s := b.Text(w)
			lens = append(lens, len([]rune(s)))
			if !hasDigit(s) {
				without["digits"]++
			}
			if !hasParen(s) {
				without["parentheses"]++
			}
		}
		// The worst draw for three options: the two wrong options that
		// lack the feature, or the two shortest.
		for feature, test := range map[string]func(string) bool{"digits": hasDigit, "parentheses": hasParen} {
			if test(key) && without[feature] >= 2 {
				t.Errorf("fact %q: the answer %q can be the only option with %s", f.ID, key, feature)
			}
		}
		sortInts(lens)
		n, longest := len([]rune(key)), lens[1]
		if float64(n) > 1.5*float64(longest) && n-longest >= 12 {
			t.Errorf("fact %q: the answer (%d characters) can stand out against wrong options of %d", f.ID, n, longest)
		}
	}
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
