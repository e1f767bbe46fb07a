package bank

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/english"
)

// kindTypes says which answers each kind of fact may have.
var kindTypes = map[string]struct {
	value ValueType
	pools []Pool // for entity answers; nil means any pool
	noun  string
}{
	"who":      {EntityValue, []Pool{People}, "person"},
	"when":     {DateValue, nil, "date"},
	"deal":     {EntityValue, []Pool{Deals}, "deal"},
	"mediator": {EntityValue, []Pool{People, Groups}, "person or group"},
	"quote":    {EntityValue, []Pool{People, Groups, Events}, "person, group or event"},
	"number":   {NumberValue, nil, "number"},
	"place":    {EntityValue, []Pool{Places, Groups}, "place or group"},
	// A thing the article names (an orbiter, a mission, an organisation, a
	// deal, an event), and a reason, claim or condition: statement-length
	// answers written as [[groups]] of a type of their own (or events).
	"what": {EntityValue, []Pool{Groups, Places, Deals, Events}, "group, place, deal or event"},
	"why":  {EntityValue, []Pool{Groups, Events}, "group or event"},
}

// MinDistractors is how many wrong options every fact must be able to offer.
const MinDistractors = 3

func (f Fact) line(key string) int {
	if f.tab != nil {
		if l, ok := f.tab.key(key); ok {
			return l
		}
	}
	return f.Line
}

// validate checks what needs the whole bank: references, excerpts, truth.
func (p *parser) validate(b *Bank) {
	add := func(line int, what, format string, args ...any) {
		p.errs = append(p.errs, Error{File: p.file, Line: line, What: what, Msg: fmt.Sprintf(format, args...)})
	}
	p.entityRefs(b, add)
	p.sameNames(b, add)
	p.titleLengths(b, add)
	if len(b.Facts) == 0 {
		add(1, "", "bank has no [[facts]]")
	}
	text := foldExcerpt(b.Article.Text)
	p.quoteInArticle(b, text, add)
	p.matchings(b, text, add)
	p.quoteKeys(b, add)
	p.drafts(b, add)
	sizes := countCandidates(b)
	ids := map[string]int{}
	for _, f := range b.Facts {
		what := "fact " + strconv.Quote(f.ID)
		if first, dup := ids[f.ID]; dup && f.ID != "" {
			add(f.line("id"), what, "duplicate id (first used at line %d)", first)
		} else {
			ids[f.ID] = f.Line
		}
		p.checkFact(b, f, text, sizes, add)
	}
}

// entityRefs checks that every entity's country and parties name known
// groups.
func (p *parser) entityRefs(b *Bank, add func(int, string, string, ...any)) {
	for _, e := range b.Entities {
		what := fmt.Sprintf("%s %q", poolNoun[e.Pool], e.ID)
		if e.Country != "" {
			if c, ok := b.Entity(e.Country); !ok || c.Pool != Groups {
				add(e.Line, what, "country %q is not a known group%s", e.Country, b.didYouMean(e.Country, Groups))
			}
		}
		for _, party := range e.Parties {
			if c, ok := b.Entity(party); !ok || c.Pool != Groups {
				add(e.Line, what, "party %q is not a known group%s", party, b.didYouMean(party, Groups))
			}
		}
	}
}

// quoteInArticle checks the article's quote against text, the article's
// text folded by foldExcerpt: the quote is in it, and quote_by names a
// person or group the article mentions (not a foil).
func (p *parser) quoteInArticle(b *Bank, text string, add func(int, string, string, ...any)) {
	if q := b.Article.Quote; q != "" && text != "" && !strings.Contains(text, foldExcerpt(q)) {
		add(p.articleLine("quote"), "article", "quote is not in the article text: %q", clip(q, 60))
	}
	if by := b.Article.QuoteBy; by != "" {
		if e, ok := b.Entity(by); !ok || (e.Pool != People && e.Pool != Groups) {
			add(p.articleLine("quote_by"), "article", "quote_by %q is not a known person or group%s", by, b.didYouMean(by, People, Groups))
		}
	}
	if e, ok := b.Entity(b.Article.QuoteBy); ok && e.Foil {
		add(p.articleLine("quote_by"), "article", "quote_by %q is a foil: the article does not mention it", e.ID)
	}
}

// quoteKeys checks the keys that go with the article's quote: quote and
// quote_by come together, and quote_about names a known person or group
// of an article that has a quote.
func (p *parser) quoteKeys(b *Bank, add func(int, string, string, ...any)) {
	if (b.Article.Quote == "") != (b.Article.QuoteBy == "") {
		add(p.articleLine("quote"), "article", "quote and quote_by go together")
	}
	if about := b.Article.QuoteAbout; about != "" {
		if e, ok := b.Entity(about); !ok || (e.Pool != People && e.Pool != Groups) {
			add(p.articleLine("quote_about"), "article", "quote_about %q is not a known person or group", about)
		} else if b.Article.Quote == "" {
			add(p.articleLine("quote_about"), "article", "quote_about needs a quote")
		}
	}
}

// candidates counts the entities that can stand in for each other as
// options, by candidateKey.
type candidates struct {
	all      map[string]int // every entity
	accepted map[string]int // drafts left out
}

// countCandidates counts b's entities by candidateKey.
func countCandidates(b *Bank) candidates {
	c := candidates{all: map[string]int{}, accepted: map[string]int{}}
	for _, e := range b.Entities {
		c.all[candidateKey(e)]++
		if !e.Draft {
			c.accepted[candidateKey(e)]++
		}
	}
	return c
}

// checkFact checks one fact against the rest of the bank: its kind, its
// text against the article (text, folded by foldExcerpt), its references,
// its wrong answers, and that it can draw enough distractors. A problem
// that makes the later checks meaningless ends them.
func (p *parser) checkFact(b *Bank, f Fact, text string, sizes candidates, add func(int, string, string, ...any)) {
	what := "fact " + strconv.Quote(f.ID)
	kt, known := kindTypes[f.Kind]
	if f.Kind != "" && !known {
		add(f.line("kind"), what, "unknown kind %q (want one of %s)", f.Kind, strings.Join(Kinds, ", "))
	}
	p.factText(b, f, text, add)
	if f.Answer.Type == 0 {
		return // already reported
	}
	answerKey := map[ValueType]string{EntityValue: "answer", DateValue: "date", NumberValue: "number"}[f.Answer.Type]
	if known && kt.value != f.Answer.Type {
		add(f.line(answerKey), what, "a %s fact needs a %s answer, not %s%s", f.Kind, kt.noun, answerKey, rewriteAnswer(b, f, kt.value))
		return
	}
	answer, ok := p.answerRef(b, f, add)
	if !ok || !p.listRefs(b, f, answer, add) {
		return
	}
	p.alsoRepeats(b, f, add)
	p.wrongRepeats(b, f, add)
	if f.Answer.Type == EntityValue {
		p.enoughDistractors(b, f, answer, sizes, add)
	}
}

// factText checks a fact's text: the source excerpt is in the article
// (text, folded by foldExcerpt), outcome goes with a mediator, the
// statement has one slot, the false statements and group are well formed
// and a number's qualifier is one quizcard knows.
func (p *parser) factText(b *Bank, f Fact, text string, add func(int, string, string, ...any)) {
	what := "fact " + strconv.Quote(f.ID)
	switch {
	case f.Source == "":
	case len(strings.Fields(f.Source)) < 3:
		add(f.line("source"), what, "source excerpt %q is too short to check: quote at least three words", f.Source)
	case text != "" && !strings.Contains(text, foldExcerpt(f.Source)):
		add(f.line("source"), what, "source excerpt is not in the article text: %q%s", clip(f.Source, 60), excerptHint(b.Article.Text, f.Source))
	}
	if f.Outcome != "" && f.Kind != "mediator" {
		add(f.line("outcome"), what, "outcome goes only with mediator facts")
	}
	if f.Statement != "" && strings.Count(f.Statement, "{answer}") != 1 {
		add(f.line("statement"), what, "statement must contain the slot {answer} exactly once")
	}
	p.falseStatements(b, f, add)
	if f.Group != "" && !idPattern.MatchString(f.Group) {
		add(f.line("group"), what, "group %q must be lower-case letters, digits and - . _ +", f.Group)
	}
	if f.Answer.Type == NumberValue {
		if _, ok := QualifierBound(f.Answer.Number.Qualifier); !ok {
			add(f.line("qualifier"), what, "qualifier %q is not one quizcard understands (use one of %s, or leave it out)",
				f.Answer.Number.Qualifier, strings.Join(Qualifiers(), ", "))
		}
	}
}

// answerRef returns the entity a fact's answer names, checking that it
// exists, is of a pool the fact's kind takes and is no foil; false when it
// is not. A date or number answer gives the zero Entity and true.
func (p *parser) answerRef(b *Bank, f Fact, add func(int, string, string, ...any)) (Entity, bool) {
	if f.Answer.Type != EntityValue {
		return Entity{}, true
	}
	what := "fact " + strconv.Quote(f.ID)
	kt, known := kindTypes[f.Kind]
	e, ok := b.Entity(f.Answer.Entity)
	switch {
	case !ok:
		add(f.line("answer"), what, "answer %q is not a known %s%s", f.Answer.Entity, kt.noun, b.didYouMean(f.Answer.Entity, kt.pools...))
		return Entity{}, false
	case known && !inPools(e.Pool, kt.pools):
		add(f.line("answer"), what, "answer %q is a %s; a %s fact needs a %s", e.ID, poolNoun[e.Pool], f.Kind, kt.noun)
		return Entity{}, false
	}
	if e.Foil {
		add(f.line("answer"), what, "answer %q is a foil (foil = true): a foil is only ever a wrong option", e.ID)
		return Entity{}, false
	}
	return e, true
}

// listRefs checks the entities a fact's also and wrong lists name: each
// exists, no also is a foil, and every wrong answer is of the answer's
// kind (candidateKey). It returns false when one does not exist.
func (p *parser) listRefs(b *Bank, f Fact, answer Entity, add func(int, string, string, ...any)) bool {
	what := "fact " + strconv.Quote(f.ID)
	kt := kindTypes[f.Kind]
	refsOK := true
	for _, l := range []struct {
		key  string
		vals []Value
	}{{"also", f.Also}, {"wrong", f.Wrong}} {
		for _, v := range l.vals {
			if v.Type != EntityValue {
				continue
			}
			e, ok := b.Entity(v.Entity)
			if !ok {
				add(f.line(l.key), what, "%s %q is not a known entity%s", l.key, v.Entity, b.didYouMean(v.Entity, kt.pools...))
				refsOK = false
			} else if l.key == "also" && e.Foil {
				add(f.line(l.key), what, "also %q is a foil (foil = true): a foil is never a true answer", v.Entity)
			} else if l.key == "wrong" && candidateKey(e) != candidateKey(answer) {
				add(f.line(l.key), what, "wrong answer %q is a %s, unlike the answer %q", v.Entity, describe(e), answer.ID)
			}
		}
	}
	return refsOK
}

// enoughDistractors checks that a fact with an entity answer can draw
// MinDistractors wrong options from the bank (an accepted fact only from
// accepted entities). Dates and numbers can always be shifted; entities
// come only from the bank.
func (p *parser) enoughDistractors(b *Bank, f Fact, answer Entity, sizes candidates, add func(int, string, string, ...any)) {
	size := sizes.all // an accepted fact draws only on accepted entities
	if !f.Draft {
		size = sizes.accepted
	}
	n := size[candidateKey(answer)] - 1
	for _, v := range f.Also {
		if e, ok := b.Entity(v.Entity); ok && candidateKey(e) == candidateKey(answer) && e.ID != answer.ID {
			n--
		}
	}
	if n < MinDistractors {
		add(f.line("answer"), "fact "+strconv.Quote(f.ID), "only %s for %s (%s); needs %d: %s",
			english.Plural(max(n, 0), "candidate distractor", ""), f.Answer.Entity, pluralNoun(describe(answer)), MinDistractors, moreCandidates(b, answer, MinDistractors-max(n, 0), f.Draft))
	}
}

// articleLine returns the line of a key in [article].
func (p *parser) articleLine(key string) int {
	if t := p.table("article", 0); t != nil {
		if l, ok := t.key(key); ok {
			return l
		}
		return t.line
	}
	return 1
}

// foldExcerpt normalises text for finding an excerpt in the article: Fold,
// and sentence punctuation dropped, since a curator quoting `"repents,"`
// naturally leaves the comma out.
func foldExcerpt(s string) string { return fold(s, lowerCase|dropPunct) }

// candidateKey groups entities that can stand in for each other as options:
// the same pool, and for groups the same type.
func candidateKey(e Entity) string {
	if e.Pool == Groups {
		return string(e.Pool) + "/" + e.Type
	}
	return string(e.Pool)
}

func describe(e Entity) string {
	if e.Pool == Groups && e.Type != "" {
		return e.Type
	}
	return poolNoun[e.Pool]
}

// pluralNoun returns a noun, such as a group's type, in the plural:
// "country" → "countries", "person" → "people", "armed group" → "armed
// groups", "NGO" → "NGOs".
func pluralNoun(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return s
	}
	if last := words[len(words)-1]; strings.ToUpper(last) == last && strings.ToLower(last) != last {
		return s + "s"
	}
	return inflect().Plural(s)
}

func inPools(p Pool, pools []Pool) bool {
	for _, q := range pools {
		if p == q {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	r := []rune(NormalizeSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

// falseStatements checks a fact's curated false statements: whole
// sentences, each different from the true statement.
func (p *parser) falseStatements(b *Bank, f Fact, add func(int, string, string, ...any)) {
	what := "fact " + strconv.Quote(f.ID)
	truth := ""
	if f.Statement != "" && f.Answer.Type != 0 {
		truth = Fold(strings.Replace(f.Statement, "{answer}", b.Text(f.Answer), 1))
	}
	seen := map[string]bool{}
	for _, s := range f.FalseStatements {
		k := Fold(s)
		switch {
		case strings.TrimSpace(s) == "":
			add(f.line("false_statements"), what, "a false statement is empty")
		case strings.Contains(s, "{answer}"):
			add(f.line("false_statements"), what, "false statements are whole sentences: write the wrong value in place of {answer}")
		case k == truth:
			add(f.line("false_statements"), what, "false statement %q is the true statement", clip(s, 60))
		case seen[k]:
			add(f.line("false_statements"), what, "false statement %q is listed twice", clip(s, 60))
		}
		seen[k] = true
	}
}

// MinMatchPairs is how many pairs a matching question needs.
const MinMatchPairs = 3

// matchings checks the curated matching questions.
func (p *parser) matchings(b *Bank, text string, add func(int, string, string, ...any)) {
	ids := map[string]int{}
	for _, m := range b.Matchings {
		what := "matching " + strconv.Quote(m.ID)
		switch first, dup := ids[m.ID]; {
		case m.ID == "":
		case !idPattern.MatchString(m.ID):
			add(m.Line, what, "id %q must be lower-case letters, digits and - . _ +", m.ID)
		case dup:
			add(m.Line, what, "duplicate id (first used at line %d)", first)
		default:
			ids[m.ID] = m.Line
		}
		if _, known := kindTypes[m.Kind]; m.Kind != "" && !known {
			add(m.Line, what, "unknown kind %q (want one of %s)", m.Kind, strings.Join(Kinds, ", "))
		}
		for _, id := range m.Left {
			e, ok := b.Entity(id)
			switch {
			case !ok:
				add(m.Line, what, "left %q is not a known entity%s", id, b.didYouMean(id))
			case e.Foil:
				add(m.Line, what, "left %q is a foil: matching pairs come from the article", id)
			}
		}
		if len(m.Left) != len(m.Right) {
			add(m.Line, what, "left has %d entries and right %d: write one right text per left entity, in the same order", len(m.Left), len(m.Right))
		}
		if len(m.Left) < MinMatchPairs {
			add(m.Line, what, "%d pairs; a matching question needs at least %d", len(m.Left), MinMatchPairs)
		}
		if len(m.Left) == MinMatchPairs && len(m.Extra) == 0 {
			add(m.Line, what, "with %d pairs, add at least one extra response that matches no one, so the last pair is not found by elimination", MinMatchPairs)
		}
		seen := map[string]bool{}
		for _, r := range append(append([]string{}, m.Right...), m.Extra...) {
			if k := Fold(r); seen[k] {
				add(m.Line, what, "response %q is listed twice", clip(r, 60))
			} else {
				seen[k] = true
			}
		}
		for _, src := range m.Sources {
			if text != "" && !strings.Contains(text, foldExcerpt(src)) {
				add(m.Line, what, "source excerpt is not in the article text: %q", clip(src, 60))
			}
		}
	}
}
