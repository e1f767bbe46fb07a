package quiz

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// plan is how many questions of each form a quiz gets.
type plan map[Form]int

// An item is a question a paper may hold, with what keeping the paper
// clean needs to know about it.
type item struct {
	q      Question
	fact   *bank.Fact // nil for matching and ordering
	kind   string     // the fact's kind, or the matching set's
	groups []int      // sentence groups it draws on
	keys   []string   // normalized ways a text may name its answer(s)
	text   string     // normalized text a student reads: stem, statement or labels
	opts   []string   // normalized options (multiple choice)
	events []string   // entities a matching or ordering question uses
	// True/false: the statement with the answer, and the false versions
	// it may show instead (curated first).
	truth  string
	falses []string
	values []bank.Value // multiple choice: the option values, answer first
}

// factItems are the questions one fact can become, made when first asked
// for: a paper usually looks at a fraction of the bank.
type factItems struct {
	g       *gen
	fact    *bank.Fact
	groups  []int
	choices int
	made    [2]bool
	items   [2]*item // multiple choice, true/false
	whys    [2]error // why not, when an item is nil
}

// mc returns the fact's multiple-choice item, or nil and why not.
func (fi *factItems) mc() (*item, error) { return fi.get(0) }

// tf returns the fact's true/false item, or nil and why not.
func (fi *factItems) tf() (*item, error) { return fi.get(1) }

func (fi *factItems) get(i int) (*item, error) {
	if !fi.made[i] {
		fi.made[i] = true
		if i == 0 {
			fi.items[0], fi.whys[0] = fi.g.multipleChoice(fi.fact, fi.choices, fi.groups)
		} else {
			fi.items[1], fi.whys[1] = fi.g.trueFalse(fi.fact, fi.groups)
		}
	}
	return fi.items[i], fi.whys[i]
}

// candidates returns, for every fact the filter selects, the items it can
// make under the rules of distract.go.
func (g *gen) candidates(facts []bank.Fact, choices int, groups map[string][]int) []*factItems {
	var out []*factItems
	for i := range facts {
		out = append(out, &factItems{g: g, fact: &facts[i], groups: groups[facts[i].ID], choices: choices})
	}
	return out
}

// base is what every item made from one fact shares.
func (g *gen) base(f *bank.Fact, form Form, groups []int) *item {
	return &item{
		q: Question{
			Form:    form,
			Facts:   []string{f.ID},
			Prompt:  f.Ask,
			Correct: g.show(f.Answer),
			Explain: f.Explain,
			Source:  f.Source,
			Kind:    f.Kind,
		},
		fact:   f,
		kind:   f.Kind,
		groups: groups,
		keys:   normalizeAll(valueForms(g.b, f.Answer)),
		events: g.eventsDated(f.Answer),
	}
}

// eventsDated returns the events on the date v holds: a fact that asks an
// event's date makes the same point as a matching or ordering question
// that shows it.
func (g *gen) eventsDated(v bank.Value) []string {
	if v.Type != bank.DateValue {
		return nil
	}
	var out []string
	for _, e := range g.b.Pool(bank.Events) {
		a, d := optionDate(e.Date), optionDate(v.Date)
		sameDay := (a.Precision == bank.MonthDay || d.Precision == bank.MonthDay) &&
			a.Day != 0 && a.Month == d.Month && a.Day == d.Day
		if a == d || sameDay {
			out = append(out, e.ID)
		}
	}
	return out
}

// multipleChoice makes f's multiple-choice item with choices options, or
// says why it cannot.
func (g *gen) multipleChoice(f *bank.Fact, choices int, groups []int) (*item, error) {
	it := g.base(f, MC, groups)
	answer := f.Answer
	if answer.Type == bank.NumberValue && answer.Number.Bound() != bank.Exact {
		// "More than 40" is as true as "more than 50": ask for the figure
		// the article prints, as a gap in its own words (rule 2).
		cloze, ok := clozeFigure(f.Source, answer.Number)
		if !ok {
			return nil, fmt.Errorf("its source does not show the figure %s, which a qualified number is asked as", answer.Number.Digits())
		}
		it.q.Prompt = cloze
		answer.Number = bank.Number{Value: answer.Number.Value, Decimals: answer.Number.Decimals}
	}
	if n := named(normalize(it.q.Prompt), it.keys); n != "" && answer.Type == bank.EntityValue {
		return nil, g.namesOwnAnswer(f, n)
	}
	// An answer that differs in form from every wrong option is a cue
	// (rule 5): draw again a few times before giving up on the fact.
	for try := 0; ; try++ {
		wrong, err := g.distractors(*f, it.q.Prompt, choices-1)
		if err != nil {
			return nil, err
		}
		it.values = append([]bank.Value{answer}, wrong...)
		it.q.Options = it.q.Options[:0]
		for _, v := range it.values {
			it.q.Options = append(it.q.Options, english.Capitalise(g.show(v)))
		}
		why, fix := standsOut(it.q.Options, 0), "give it wrong options of the same form"
		if w := clang(it.q.Prompt, it.q.Options, 0); why == "" && w != "" {
			why = fmt.Sprintf("the only option that repeats %q from the question", w)
			fix = "reword the question without it, or give wrong options that say it too"
		}
		if why == "" {
			break
		}
		if try == 4 {
			return nil, fmt.Errorf("its answer stands out (%s): %s", why, fix)
		}
	}
	it.q.Correct = it.q.Options[0]
	if answer.Type != bank.EntityValue {
		ascending(it)
	}
	it.text = normalize(it.q.Prompt)
	it.opts = normalizeAll(it.q.Options)
	return it, nil
}

// ascending puts the options of a figure or date item in ascending order
// (HDR 21: "place choices in logical or numerical order") and marks the
// question Ordered, so that every version keeps that order. The key's
// letter is then its rank among the options, which rule 4 draws
// uniformly. it.values keeps the key first.
func ascending(it *item) {
	order := make([]int, len(it.values))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return valueLess(it.values[order[a]], it.values[order[b]]) })
	opts := make([]string, len(order))
	for k, i := range order {
		opts[k] = it.q.Options[i]
		if i == 0 {
			it.q.Answer = k
		}
	}
	it.q.Options = opts
	it.q.Ordered = true
}

// valueLess orders two numbers or two dates.
func valueLess(a, b bank.Value) bool {
	if a.Type == bank.NumberValue {
		return a.Number.Value < b.Number.Value
	}
	return a.Date.Compare(b.Date) < 0
}

// clozeFigure returns the question "Complete the article's words: “…more
// than ___ U.S. diplomats…”" for a figure n that excerpt shows, in digits
// or in words.
func clozeFigure(excerpt string, n bank.Number) (string, bool) {
	ex := strings.TrimSpace(strings.Trim(strings.TrimSpace(excerpt), `"'“”`))
	forms := []string{n.Digits(), strings.ReplaceAll(n.Digits(), ",", "")}
	if w, ok := numberWords[int(n.Value)]; ok && n.Decimals == 0 {
		forms = append(forms, w)
	}
	for _, form := range forms {
		at := wordIndex(ex, form)
		if at < 0 {
			continue
		}
		blank := ex[:at] + "___" + ex[at+len(form):]
		lead, tail := "…", "…"
		if r, _ := utf8.DecodeRuneInString(blank); unicode.IsUpper(r) {
			lead = ""
		}
		if strings.ContainsAny(blank[len(blank)-1:], ".!?") {
			tail = ""
		}
		return "Complete the article’s words: “" + lead + blank + tail + "”", true
	}
	return "", false
}

// wordIndex returns where form (ASCII: digits or a number word) stands in s
// as a whole word, ignoring case, or -1.
func wordIndex(s, form string) int {
	for i := 0; i+len(form) <= len(s); i++ {
		if !strings.EqualFold(s[i:i+len(form)], form) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(form):])
		if (i == 0 || !wordRune(before)) && (i+len(form) == len(s) || !wordRune(after)) {
			return i
		}
	}
	return -1
}

// trueFalse makes f's true/false item: the statement with the answer, and
// the false statements it may show instead, or says why it cannot.
func (g *gen) trueFalse(f *bank.Fact, groups []int) (*item, error) {
	if f.Statement == "" {
		return nil, fmt.Errorf("it has no statement")
	}
	it := g.base(f, TF, groups)
	it.q.Options = []string{"True", "False"}
	it.truth = fillSlot(f.Statement, g.show(f.Answer))
	it.text = normalize(it.truth)
	// A statement cut short at either end ("…who are either overweight
	// or obese…", as new drafts a long sentence) leaves out part of the
	// claim to be judged: no item (HDR 7 and 11: no trick items; whole,
	// correctly punctuated sentences).
	if cutShort(it.truth) {
		return nil, fmt.Errorf("its statement is cut short (it starts or ends with “…”): a true/false statement must be a whole sentence, so write it out in full")
	}
	for _, s := range f.FalseStatements {
		if !cutShort(s) {
			it.falses = append(it.falses, s)
		}
	}
	if len(it.falses) == 0 {
		if s, ok := g.substitute(f); ok {
			it.falses = append(it.falses, s)
		}
	}
	if len(it.falses) == 0 {
		return nil, fmt.Errorf("no clean false version: add false_statements")
	}
	return it, nil
}

// cutShort reports whether s opens or closes with an ellipsis: a sentence
// cut short, not a whole one.
func cutShort(s string) bool {
	s = strings.TrimSpace(s)
	for _, e := range []string{"…", "..."} {
		if strings.HasPrefix(s, e) || strings.HasSuffix(s, e) || strings.HasSuffix(s, e+".") {
			return true
		}
	}
	return false
}

// substitute makes a false statement from f by putting a clean wrong value
// in its slot: for a qualified figure, the opposite bound ("fewer than 50"
// for "more than 50"), or a figure far off for an approximate one.
func (g *gen) substitute(f *bank.Fact) (string, bool) {
	if f.Answer.Type == bank.NumberValue {
		n := f.Answer.Number
		switch n.Bound() {
		case bank.Above:
			n.Qualifier = "fewer than"
			if n.Unit == "" || n.Unit == "percent" || n.Unit == "%" || n.Decimals > 0 {
				n.Qualifier = "less than"
			}
			return fillSlot(f.Statement, n.String()), true
		case bank.Below:
			n.Qualifier = "more than"
			return fillSlot(f.Statement, n.String()), true
		case bank.About:
			factor := 2.0
			if g.rng.IntN(2) == 0 {
				factor = 0.5
			}
			n.Value = roundLike(n.Value*factor, n)
			return fillSlot(f.Statement, n.String()), true
		}
	}
	// The wrong value must not clash with the rest of the statement:
	// "Donald Trump waited with Trump" is out (rule 1).
	wrong, err := g.distractors(*f, strings.Replace(f.Statement, "{answer}", "", 1), 1)
	if err != nil {
		return "", false
	}
	return fillSlot(f.Statement, g.show(wrong[0])), true
}

// roundLike rounds x as precisely as n is written: 12,000 to thousands,
// 444 to units. A power of ten keeps one digit more (100 to tens), or half
// of "about 100" would round back to 100, the true figure.
func roundLike(x float64, n bank.Number) float64 {
	if n.Decimals > 0 {
		s := math.Pow(10, float64(n.Decimals))
		return math.Round(x*s) / s
	}
	step := 1.0
	for math.Mod(n.Value, step*10) == 0 && step*10 < n.Value {
		step *= 10
	}
	return math.Max(step, math.Round(x/step)*step)
}

// fillSlot puts s into a statement's {answer} slot, capitalising it when it
// starts the sentence.
func fillSlot(statement, s string) string {
	if strings.HasPrefix(statement, "{answer}") {
		s = english.Capitalise(s)
	}
	return strings.Replace(statement, "{answer}", s, 1)
}

func normalizeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = normalize(s)
	}
	return out
}

// planForms decides how many questions of each form to ask. Multiple
// choice and true/false share what is left after matching and ordering:
// TF is a target the paper fills as far as clean statements allow.
func planForms(opt Options, matchSets int, canOrder bool) (plan, error) {
	p := plan{}
	forms := opt.Forms
	if len(forms) == 0 {
		// The default mix: mostly multiple choice, some true/false, and one
		// matching and one ordering question in longer quizzes.
		if opt.Count >= 8 && matchSets > 0 {
			p[Match] = 1
		}
		if opt.Count >= 10 && canOrder {
			p[Order] = 1
		}
		rest := opt.Count - p[Match] - p[Order]
		p[TF] = int(math.Round(float64(rest) * 0.25))
		if rest < 4 {
			p[TF] = 0
		}
		p[MC] = rest - p[TF]
		return p, nil
	}
	has := map[Form]bool{}
	for _, f := range forms {
		has[f] = true
	}
	rest := opt.Count
	if has[Match] {
		if matchSets == 0 {
			return nil, fmt.Errorf("no matching question is possible with these kinds and tags (needs who or when, or a [[matching]] set): drop match from --forms, or add a [[matching]] set")
		}
		p[Match] = 1
		if !has[MC] && !has[TF] && !has[Order] {
			p[Match] = min(matchSets, rest)
		}
		rest -= p[Match]
	}
	if has[Order] {
		if !canOrder {
			return nil, errNoOrder
		}
		p[Order] = 1
		rest -= p[Order]
	}
	switch {
	case has[MC] && has[TF]:
		p[TF] = rest / 3
		p[MC] = rest - p[TF]
	case has[MC]:
		p[MC] = rest
	case has[TF]:
		p[TF] = rest
	}
	total := p[MC] + p[TF] + p[Match] + p[Order]
	if total != opt.Count || rest < 0 {
		return nil, fmt.Errorf("forms %s can make only %s; asked for %d", joinForms(forms), english.Plural(total, "question", ""), opt.Count)
	}
	return p, nil
}

func joinForms(fs []Form) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return strings.Join(s, ",")
}

// describeFilter names the facts a filter selects, for messages.
func describeFilter(f bank.Filter, n int) string {
	noun := english.PluralWord(n, "fact", "")
	var parts []string
	if len(f.Kinds) > 0 {
		parts = append(parts, "of kind "+strings.Join(f.Kinds, " or "))
	}
	if len(f.Tags) > 0 {
		parts = append(parts, "tagged "+strings.Join(f.Tags, " or "))
	}
	if len(f.Difficulties) > 0 {
		ds := make([]string, len(f.Difficulties))
		for i, d := range f.Difficulties {
			ds[i] = fmt.Sprint(d)
		}
		parts = append(parts, "of difficulty "+strings.Join(ds, " or "))
	}
	if len(parts) == 0 {
		return noun + " in the bank"
	}
	return noun + " " + strings.Join(parts, ", ")
}
