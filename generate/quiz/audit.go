package quiz

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// A Violation is an item that breaks one of the item-writing rules, as
// numbered in distract.go (1–5), build.go (6), match.go (7) and paper.go
// (8–9).
type Violation struct {
	Rule     int
	Question string // the question's id, "q3"
	Msg      string
}

func (v Violation) String() string { return fmt.Sprintf("%s: rule %d: %s", v.Question, v.Rule, v.Msg) }

// Audit checks a built quiz against the item-writing rules, from the
// questions as students see them and the bank they came from. Build runs
// it on every quiz and replaces what it finds; it returns nil for a clean
// quiz.
func Audit(b *bank.Bank, q *Quiz) []Violation {
	g := newGen(b, nil)
	groups, groupsOf := g.groups, g.groupsOf
	var out []Violation
	bad := func(rule int, id, format string, args ...any) {
		out = append(out, Violation{rule, id, fmt.Sprintf(format, args...)})
	}
	items := make([]*item, len(q.Questions))
	for i := range q.Questions {
		qu := &q.Questions[i]
		it := &item{q: *qu, text: normalize(qu.Prompt)}
		items[i] = it
		switch qu.Form {
		case MC, TF:
			if len(qu.Facts) != 1 {
				bad(2, qu.ID, "made from %d facts, not one", len(qu.Facts))
				continue
			}
			f, ok := b.Fact(qu.Facts[0])
			if !ok {
				bad(2, qu.ID, "unknown fact %q", qu.Facts[0])
				continue
			}
			it.keys = normalizeAll(valueForms(b, f.Answer))
			it.fact = &f
			it.groups = groups[f.ID]
			it.kind = f.Kind
			if qu.Form == MC {
				it.opts = normalizeAll(qu.Options)
				g.auditMC(f, qu, bad)
			} else {
				g.auditTF(f, qu, bad)
			}
		case Match:
			for _, m := range b.Matchings {
				if m.Prompt == qu.Prompt {
					it.groups = groupsOf(m.Sources)
				}
			}
			for i, r := range qu.Right {
				it.keys = append(it.keys, normalize(r))
				if e, ok := b.Entity(qu.Entities[i]); ok && e.Pool == bank.Events {
					it.keys = append(it.keys, normalizeAll(dateForms(e.Date))...)
				}
			}
			it.events = qu.Entities
			it.text = normalize(strings.Join(append(append(append([]string{qu.Prompt}, qu.Left...), qu.Right...), qu.Extra...), " | "))
			auditMatch(b, qu, bad)
		case Order:
			for _, id := range qu.Entities {
				if e, ok := b.Entity(id); ok {
					it.keys = append(it.keys, normalizeAll(dateForms(e.Date))...)
					if e.Foil {
						bad(7, qu.ID, "foil %q in an ordering question", id)
					}
				}
			}
			it.events = qu.Entities
			it.text = normalize(strings.Join(append([]string{qu.Prompt}, qu.Items...), " | "))
		}
	}
	title := &item{text: normalize(q.Title)}
	for i, a := range items {
		if cues(a, title) {
			bad(8, a.q.ID, "the quiz title %q names its answer", q.Title)
		}
		if narrows(a, title.text) {
			bad(8, a.q.ID, "the quiz title %q names its answer's month or year", q.Title)
		}
		for _, c := range items[i+1:] {
			switch {
			case sharesGroup(a, c):
				bad(9, c.q.ID, "draws on the same sentence of the article as %s", a.q.ID)
			case sharesEvent(a, c):
				bad(9, c.q.ID, "uses the same events as %s", a.q.ID)
			case cues(a, c):
				bad(8, a.q.ID, "its answer is named in %s", c.q.ID)
			case cues(c, a):
				bad(8, c.q.ID, "its answer is named in %s", a.q.ID)
			case sameAnswer(a, c):
				bad(8, c.q.ID, "has the same answer as %s", a.q.ID)
			case retells(a, c) || retells(c, a):
				bad(8, a.q.ID, "%s and %s tell the same event", a.q.ID, c.q.ID)
			case eliminates(a, c) || eliminates(c, a):
				bad(8, a.q.ID, "%s lists options of %s, leaving its answer out", c.q.ID, a.q.ID)
			}
		}
	}
	return out
}

func sharesGroup(a, c *item) bool {
	for _, x := range a.groups {
		if slices.Contains(c.groups, x) {
			return true
		}
	}
	return false
}

func sharesEvent(a, c *item) bool {
	for _, x := range a.events {
		if slices.Contains(c.events, x) {
			return true
		}
	}
	return false
}

// auditMC checks one multiple-choice question made from f (rules 1–5).
func (g *gen) auditMC(f bank.Fact, qu *Question, bad func(int, string, string, ...any)) {
	if qu.Answer < 0 || qu.Answer >= len(qu.Options) {
		bad(2, qu.ID, "answer index %d out of range", qu.Answer)
		return
	}
	c := g.context(qu.Prompt)
	truths := g.truth[bank.Fold(f.Ask)]
	qualified := f.Answer.Type == bank.NumberValue && f.Answer.Number.Bound() != bank.Exact
	var key bank.Entity
	named := false
	if f.Answer.Type == bank.EntityValue {
		key, _ = g.b.Entity(f.Answer.Entity)
		if named = hasAny(c.text, g.names[key.ID]); named {
			bad(1, qu.ID, "the question names its own answer %q", key.Name)
		}
	}
	if why := standsOut(qu.Options, qu.Answer); why != "" {
		bad(5, qu.ID, "the answer %q stands out: %s", qu.Options[qu.Answer], why)
	}
	// A stem that names its answer is rule 1's fault, said once.
	if w := clang(qu.Prompt, qu.Options, qu.Answer); w != "" && !named {
		bad(5, qu.ID, "the answer %q is the only option that repeats %q from the question", qu.Options[qu.Answer], w)
	}
	curated := map[string]bool{}
	for _, v := range f.Wrong {
		curated[bank.Fold(english.Capitalise(g.show(v)))] = true
		if v.Type == bank.NumberValue {
			curated[bank.Fold(v.Number.Digits())] = true
		}
	}
	for i, o := range qu.Options {
		if i == qu.Answer {
			continue
		}
		if truths[bank.Fold(o)] {
			bad(2, qu.ID, "wrong option %q is a true answer", o)
		}
		switch f.Answer.Type {
		case bank.EntityValue:
			e, ok := g.entityNamed(o, key)
			switch {
			case !ok:
				bad(5, qu.ID, "option %q is not a %s", o, describeKind(key))
			case g.ruledOut(e, key, c) != "":
				bad(1, qu.ID, "wrong option %q is %s", o, g.ruledOut(e, key, c))
			}
		case bank.DateValue:
			d, err := parseShown(o)
			k := optionDate(f.Answer.Date)
			switch {
			case err != nil:
				bad(3, qu.ID, "option %q is not a date", o)
			case d.Precision != k.Precision:
				bad(5, qu.ID, "option %q is a %s, the answer a %s", o, d.Precision, k.Precision)
			case !curated[bank.Fold(o)] && (!g.after(f.Answer.Date) && g.after(d) || !g.nearDate(d, k)):
				bad(3, qu.ID, "option %q is outside the plausible band of %s", o, k)
			case hasAny(c.text, normalizeAll(dateForms(d))):
				bad(1, qu.ID, "wrong option %q is named in the question", o)
			}
		case bank.NumberValue:
			x, qual, err := parseFigure(o)
			switch {
			case err != nil:
				bad(3, qu.ID, "option %q is not a number", o)
			case qualified && qual != "":
				bad(2, qu.ID, "option %q is qualified like the answer, so it may be true too", o)
			case qualified && f.Answer.Number.Implies(x):
				bad(2, qu.ID, "wrong option %q is true too: the article's “%s %s” implies it", o, f.Answer.Number.Qualifier, f.Answer.Number.Digits())
			case !curated[bank.Fold(o)] && !inFactBand(x, f):
				bad(3, qu.ID, "option %q is outside the plausible band of %s", o, f.Answer.Number.Digits())
			case hasAny(c.text, []string{normalize(strings.Fields(o)[0])}):
				bad(1, qu.ID, "wrong option %q is named in the question", o)
			}
		}
	}
}

// auditTF checks one true/false question made from f (rule 6).
func (g *gen) auditTF(f bank.Fact, qu *Question, bad func(int, string, string, ...any)) {
	truth := fillSlot(f.Statement, g.show(f.Answer))
	if cutShort(qu.Prompt) {
		bad(6, qu.ID, "the statement %q is cut short, not a whole sentence", qu.Prompt)
	}
	if qu.Answer == 0 {
		if qu.Prompt != truth {
			bad(6, qu.ID, "keyed true, but %q is not the fact's statement", qu.Prompt)
		}
		return
	}
	if bank.Fold(qu.Prompt) == bank.Fold(truth) {
		bad(6, qu.ID, "keyed false, but it is the fact's true statement")
		return
	}
	if slices.Contains(f.FalseStatements, qu.Prompt) {
		return
	}
	// A substituted statement: no entity may be named more often than in
	// the true statement ("Donald Trump waited with Trump").
	tc, fc := g.nameCounts(truth), g.nameCounts(qu.Prompt)
	for id, n := range fc {
		if n > tc[id] && n > 1 {
			bad(6, qu.ID, "the false statement names %q twice", id)
		}
	}
	if f.Answer.Type == bank.EntityValue {
		key, _ := g.b.Entity(f.Answer.Entity)
		c := g.context(strings.Replace(f.Statement, "{answer}", "", 1))
		for _, e := range g.alike(key) {
			if fc[e.ID] > tc[e.ID] && g.ruledOut(e, key, c) != "" {
				bad(6, qu.ID, "the false statement puts in %q, which the statement rules out", e.Name)
			}
		}
	}
}

// nameCounts returns how many times text names each entity (by its
// shortest name, which every longer one contains).
func (g *gen) nameCounts(text string) map[string]int {
	t := strings.ToLower(normalize(text))
	out := map[string]int{}
	for _, e := range g.b.Entities {
		ns := g.names[e.ID]
		if len(ns) == 0 || !hasAny(normalize(text), ns) {
			continue
		}
		short := strings.ToLower(ns[len(ns)-1])
		if n := strings.Count(t, short); n > 0 {
			out[e.ID] = n
		} else {
			out[e.ID] = 1
		}
	}
	return out
}

// auditMatch checks a matching question (rule 7).
func auditMatch(b *bank.Bank, qu *Question, bad func(int, string, string, ...any)) {
	if len(qu.Right)+len(qu.Extra) <= len(qu.Left) {
		bad(7, qu.ID, "%d responses for %d items: the last pair follows by elimination", len(qu.Right)+len(qu.Extra), len(qu.Left))
	}
	for i, l := range qu.Left {
		r := qu.Right[i]
		forms := []string{normalize(r)}
		if e, ok := b.Entity(qu.Entities[i]); ok {
			if e.Foil {
				bad(7, qu.ID, "foil %q in a matching question", e.ID)
			}
			if e.Pool == bank.Events {
				forms = append(forms, normalizeAll(dateForms(e.Date))...)
				if e.Date.Precision != bank.MonthDay && !e.Date.Inferred {
					forms = append(forms, yearOf(e.Date))
				}
			}
		}
		if hasAny(normalize(l), forms) {
			bad(7, qu.ID, "label %q holds its own answer %q", l, r)
		}
	}
}

// entityNamed finds the entity an option shows, among those like key.
func (g *gen) entityNamed(option string, key bank.Entity) (bank.Entity, bool) {
	k := bank.Fold(option)
	for _, e := range append([]bank.Entity{key}, g.alike(key)...) {
		if bank.Fold(e.Name) == k {
			return e, true
		}
	}
	return bank.Entity{}, false
}

func describeKind(e bank.Entity) string {
	if e.Pool == bank.Groups && e.Type != "" {
		return e.Type
	}
	return map[bank.Pool]string{bank.People: "person", bank.Groups: "group", bank.Places: "place", bank.Deals: "deal", bank.Events: "event"}[e.Pool]
}

// standsOut says how the answer differs in form from every wrong option,
// or "" when it does not (rule 5): the only option with digits or with
// parentheses, or far longer than all the others.
func standsOut(options []string, answer int) string {
	if len(options) < 3 {
		return ""
	}
	feature := func(name string, test func(string) bool) string {
		if !test(options[answer]) {
			return ""
		}
		for i, o := range options {
			if i != answer && test(o) {
				return ""
			}
		}
		return "the only option " + name
	}
	if why := feature("with digits", func(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }); why != "" {
		return why
	}
	if why := feature("with parentheses", func(s string) bool { return strings.Contains(s, "(") }); why != "" {
		return why
	}
	// Among names and short phrases, a leading article ("The Lancet", "A
	// cook") is form too: the answer alone with one, or alone without one,
	// stands out (HDR 28c). Longer options may be sentences, which start
	// with "The" as they must; but "a" or "an" in front of every wrong
	// option and not the answer (or the reverse) still marks a phrase.
	short := true
	for _, o := range options {
		short = short && len([]rune(o)) <= statementLength
	}
	lead, name := leadingArticle, "an article (a, an, the)"
	if !short {
		lead, name = indefinite, "a or an"
	}
	if why := feature("with "+name+" in front", lead); why != "" {
		return why
	}
	if why := feature("without "+name+" in front", func(s string) bool { return !lead(s) }); why != "" {
		return why
	}
	longest := 0
	for i, o := range options {
		if i != answer {
			longest = max(longest, len([]rune(o)))
		}
	}
	if n := len([]rune(options[answer])); float64(n) > 1.5*float64(longest) && n-longest >= 12 {
		return fmt.Sprintf("%d characters against at most %d", n, longest)
	}
	return ""
}

// clang returns a word of the stem that the answer repeats and no wrong
// option repeats too (HDR 28b, "clang associations": "Which PHE tool gives your
// heart age?" answered by "Heart Age tool"), or "". Words are compared
// without case and a plural or -ed/-ing ending; short and common words
// do not count.
func clang(stem string, options []string, answer int) string {
	if len(options) < 3 {
		return ""
	}
	for _, w := range echoes(stem, options[answer]) {
		alone := true
		for i, o := range options {
			if i != answer && len(echoes(w, o)) > 0 {
				alone = false
				break
			}
		}
		if alone {
			return w
		}
	}
	return ""
}

// echoes returns the content words of option that stem also holds, as
// they are or with a short ending ("York" and "Yorker").
func echoes(stem, option string) []string {
	var in []string
	for _, w := range contentWords(stem) {
		in = append(in, stemWord(w))
	}
	var out []string
	for _, w := range contentWords(option) {
		o := stemWord(w)
		for _, s := range in {
			if o == s || suffixed(o, s) || suffixed(s, o) {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// suffixed reports whether long is short with an ending of at most two
// letters ("Yorker" and "York"; not "Johnson" and "John").
func suffixed(long, short string) bool {
	return strings.HasPrefix(long, short) && len(long)-len(short) <= 2
}

// contentWords returns the words of s that carry meaning: four letters or
// more, not on the list of common words.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(normalize(s)), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		w = strings.TrimSuffix(strings.Trim(w, "'"), "'s")
		if len([]rune(w)) >= 4 && !commonWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// stemWord strips a plural or -ed/-ing ending: "talks" and "talk" match.
func stemWord(w string) string {
	if strings.HasSuffix(w, "ies") && len(w) > 5 {
		return w[:len(w)-3] + "y" // "nationalities", "nationality"
	}
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// commonWords are words too common in stems and options to cue anything.
var commonWords = wordSet(`about above after again against also among article according because been before being
		below between both could does doing down during each from further have having here into itself just more most
		much must never only other over same should some such than that their them then there these they this those
		through under until very what when where which while whom whose will with would your said says according
		article what's who's during within without made make makes took take takes
		gave give given came come went told tell seen done were even still many well`)

// wordSet returns the words of a space-separated list as a set.
func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// leadingArticle reports whether s starts with an article or a word that
// serves as one ("a", "an", "the", "his", "its", "their"…).
func leadingArticle(s string) bool { return startsWith(s, determiners) }

// indefinite reports whether s starts with "a" or "an".
func indefinite(s string) bool { return startsWith(s, indefinites) }

var (
	determiners = wordSet("a an the his her its their our my your")
	indefinites = wordSet("a an")
)

// startsWith reports whether s has more than one word and its first,
// in lower case, is in set.
func startsWith(s string, set map[string]bool) bool {
	f := strings.Fields(strings.ToLower(s))
	return len(f) > 1 && set[f[0]]
}

// parseShown reads a date as options show it: "1979", "May 2018",
// "3 November 2019", "23 August".
func parseShown(s string) (bank.Date, error) {
	s = strings.NewReplacer("[", "", "]", "").Replace(s) // "March [2011]", "[1961]": inferred
	for _, f := range []struct {
		layout string
		p      bank.Precision
	}{{"2006", bank.Year}, {"January 2006", bank.Month}, {"2 January 2006", bank.Day}, {"2 January", bank.MonthDay}} {
		if t, err := time.Parse(f.layout, s); err == nil {
			d := bank.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: f.p}
			switch f.p {
			case bank.Year:
				d.Month, d.Day = 0, 0
			case bank.Month:
				d.Day = 0
			case bank.MonthDay:
				d.Year = 0
			}
			return d, nil
		}
	}
	return bank.Date{}, fmt.Errorf("not a date: %q", s)
}

// parseFigure reads an option's number, and any qualifier before it:
// "More than 40 diplomats" → 40, "more than".
func parseFigure(s string) (float64, string, error) {
	i := strings.IndexFunc(s, unicode.IsDigit)
	if i < 0 {
		return 0, "", fmt.Errorf("no digits in %q", s)
	}
	j := i
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ',' || s[j] == '.') {
		j++
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimRight(s[i:j], ".,"), ",", ""), 64)
	return x, strings.ToLower(strings.TrimSpace(s[:i])), err
}
