package quiz

// An independent check of the item-writing rules over many generated
// quizzes. Nothing here calls the generator's own rule code (names.go,
// distract.go, paper.go, audit.go, bank.Names, bank.SentencesOf): names,
// sentences and bands are worked out again from the bank, in simpler code,
// so that a bug in the generator's rules cannot hide itself.

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/countries"
)

// testBanks are the banks every rule is checked on: the built-in one and
// banks for other articles.
func testBanks(t testing.TB) map[string]*bank.Bank {
	t.Helper()
	files, _ := filepath.Glob("../../testdata/banks/*.toml")
	files = append([]string{"../../questions.toml"}, files...)
	out := map[string]*bank.Bank{}
	for _, f := range files {
		b, err := bank.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = b
	}
	return out
}

// oracle holds what the independent checks know about one bank.
type oracle struct {
	b        *bank.Bank
	names    map[string][]string // entity id -> every name, as the README defines them
	group    map[string]int      // fact id -> group of facts that may not share a paper
	country  map[string]bool     // group ids that are countries
	truths   map[string]map[string]bool
	quoteRep *strings.Replacer
}

func newOracle(b *bank.Bank) *oracle {
	o := &oracle{b: b, names: map[string][]string{}, group: map[string]int{}, country: map[string]bool{},
		truths:   map[string]map[string]bool{},
		quoteRep: strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "—", "-")}
	for _, e := range b.Entities {
		n := []string{e.Name}
		bare := strings.TrimPrefix(strings.TrimPrefix(e.Name, "the "), "The ")
		if i := strings.Index(bare, " ("); i > 0 {
			n = append(n, strings.TrimSuffix(bare[i+2:], ")"))
			bare = bare[:i]
		}
		n = append(n, bare)
		if e.Pool == bank.People {
			w := strings.Fields(e.Name)
			n = append(n, w[len(w)-1])
		}
		n = append(n, e.Aliases...)
		// A country is also named by what the table of countries lists
		// for it, demonyms included (the README's promise).
		if e.Pool == bank.Groups {
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				if c, ok := countries.Find(a); ok {
					n = append(append(append(n, c.Name), c.Aliases...), c.Demonyms...)
					break
				}
			}
		}
		o.names[e.ID] = n
		if e.Type == "country" {
			o.country[e.ID] = true
		}
		if e.Country != "" {
			o.country[e.Country] = true
		}
	}
	for _, f := range b.Facts {
		k := strings.ToLower(f.Ask)
		if o.truths[k] == nil {
			o.truths[k] = map[string]bool{}
		}
		for _, v := range append([]bank.Value{f.Answer}, f.Also...) {
			o.truths[k][strings.ToLower(b.Text(v))] = true
		}
	}
	o.groupFacts()
	return o
}

// named reports whether text holds phrase as whole words: case matters
// only for a phrase in capitals ("US").
func (o *oracle) named(text, phrase string) bool {
	phrase = strings.TrimSpace(o.quoteRep.Replace(phrase))
	if len([]rune(phrase)) < 2 {
		return false
	}
	flags := "(?i)"
	if strings.ToUpper(phrase) == phrase {
		flags = ""
	}
	tail := `($|[^\pL\pN+])`
	if strings.HasSuffix(phrase, ".") {
		tail = ""
	}
	re := compiled(flags + `(^|[^\pL\pN+])` + regexp.QuoteMeta(phrase) + tail)
	return re.MatchString(o.clean(text))
}

var cleaned sync.Map

// clean folds quotes, dashes and spaces the way texts are compared here.
func (o *oracle) clean(text string) string {
	if c, ok := cleaned.Load(text); ok {
		return c.(string)
	}
	c := strings.Join(strings.Fields(o.quoteRep.Replace(text)), " ")
	cleaned.Store(text, c)
	return c
}

var regexps sync.Map

// compiled caches regular expressions: the oracle asks the same ones
// thousands of times.
func compiled(expr string) *regexp.Regexp {
	if re, ok := regexps.Load(expr); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(expr)
	regexps.Store(expr, re)
	return re
}

func (o *oracle) namesEntity(text, id string) bool {
	for _, n := range o.names[id] {
		if o.named(text, n) {
			return true
		}
	}
	return false
}

// sentences splits the article the simple way: at a blank line, or at
// . ! ? (and closing quotes) before a space and a capital, a digit or a
// quote, unless the word before is an abbreviation or an initial.
func sentences(text string) []string {
	abbrev := map[string]bool{"u.s": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
		"sept": true, "jan": true, "feb": true, "aug": true, "oct": true, "nov": true, "dec": true, "gen": true, "sen": true}
	var out []string
	for _, para := range regexp.MustCompile(`\n\s*\n`).Split(text, -1) {
		rs := []rune(para)
		start := 0
		for i := 0; i < len(rs); i++ {
			if !strings.ContainsRune(".!?", rs[i]) {
				continue
			}
			j := i + 1
			for j < len(rs) && strings.ContainsRune(`"'”’)`, rs[j]) {
				j++
			}
			if j+1 >= len(rs) || rs[j] != ' ' || !(unicode.IsUpper(rs[j+1]) || unicode.IsDigit(rs[j+1]) || strings.ContainsRune(`"“'‘(`, rs[j+1])) {
				continue
			}
			if rs[i] == '.' && j == i+1 {
				k := i
				for k > 0 && (unicode.IsLetter(rs[k-1]) || rs[k-1] == '.') {
					k--
				}
				w := strings.ToLower(string(rs[k:i]))
				if abbrev[w] || len([]rune(w)) == 1 {
					continue
				}
			}
			out = append(out, string(rs[start:j]))
			start = j
		}
		out = append(out, string(rs[start:]))
	}
	return out
}

// squash lowers text and keeps letters and digits only, so excerpts are
// found however they are punctuated.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// groupFacts joins facts whose excerpts share a sentence, or a group name.
func (o *oracle) groupFacts() {
	sents := sentences(o.b.Article.Text)
	joined := ""
	var starts []int
	for _, s := range sents {
		starts = append(starts, len(joined))
		joined += squash(s)
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			return find(p)
		}
		return x
	}
	union := func(a, b string) { parent[find(a)] = find(b) }
	for _, f := range o.b.Facts {
		ex := squash(f.Source)
		at := strings.Index(joined, ex)
		node := "fact:" + f.ID
		for i, s := range starts {
			end := len(joined)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			if at >= 0 && s < at+len(ex) && at < end {
				union(node, "sentence:"+strconv.Itoa(i))
			}
		}
		if f.Group != "" {
			union(node, "group:"+f.Group)
		}
	}
	ids := map[string]int{}
	for _, f := range o.b.Facts {
		r := find("fact:" + f.ID)
		if _, ok := ids[r]; !ok {
			ids[r] = len(ids)
		}
		o.group[f.ID] = ids[r]
	}
}

// keyTexts returns the texts that would give a question's answer away.
func (o *oracle) keyTexts(qu *Question) []string {
	var out []string
	value := func(v bank.Value) {
		switch v.Type {
		case bank.EntityValue:
			out = append(out, o.names[v.Entity]...)
		case bank.DateValue:
			d := v.Date
			m := ""
			if d.Month > 0 {
				m = time.Month(d.Month).String()
			}
			switch {
			case d.Precision == bank.Year && !d.Inferred:
				out = append(out, strconv.Itoa(d.Year))
			case d.Precision == bank.Month && !d.Inferred:
				out = append(out, m+" "+strconv.Itoa(d.Year))
			case d.Precision == bank.Day || d.Precision == bank.MonthDay:
				out = append(out, fmt.Sprintf("%d %s", d.Day, m), fmt.Sprintf("%s %d", m, d.Day))
			}
		case bank.NumberValue:
			out = append(out, strconv.FormatFloat(v.Number.Value, 'f', v.Number.Decimals, 64), v.Number.Digits())
		}
	}
	switch qu.Form {
	case MC, TF:
		f, _ := o.b.Fact(qu.Facts[0])
		value(f.Answer)
	case Match:
		out = append(out, qu.Right...)
	case Order:
		for _, id := range qu.Entities {
			e, _ := o.b.Entity(id)
			value(bank.Value{Type: bank.DateValue, Date: e.Date})
		}
	}
	return out
}

// visible returns what a student reads of a question, besides options.
func visible(qu *Question) string {
	parts := append([]string{qu.Prompt}, qu.Left...)
	parts = append(parts, qu.Right...)
	parts = append(parts, qu.Extra...)
	parts = append(parts, qu.Items...)
	return strings.Join(parts, " | ")
}

// check returns every rule the quiz breaks, as "rule N: …".
func (o *oracle) check(q *Quiz) []string {
	var out []string
	bad := func(rule int, qu *Question, format string, args ...any) {
		out = append(out, fmt.Sprintf("rule %d: %s %q: %s", rule, qu.ID, qu.Prompt, fmt.Sprintf(format, args...)))
	}
	for i := range q.Questions {
		qu := &q.Questions[i]
		switch qu.Form {
		case MC:
			o.checkMC(qu, bad)
		case TF:
			o.checkTF(qu, bad)
		case Match:
			if len(qu.Right)+len(qu.Extra) <= len(qu.Left) {
				bad(7, qu, "%d responses for %d items", len(qu.Right)+len(qu.Extra), len(qu.Left))
			}
			for j, l := range qu.Left {
				if o.named(l, qu.Right[j]) || (regexp.MustCompile(`\b\d{4}\b`).FindString(qu.Right[j]) != "" &&
					strings.Contains(l, regexp.MustCompile(`\b\d{4}\b`).FindString(qu.Right[j]))) {
					bad(7, qu, "label %q shows its answer %q", l, qu.Right[j])
				}
			}
		case Order:
			for _, it := range qu.Items {
				if regexp.MustCompile(`\b1[0-9]{3}\b|\b20[0-9]{2}\b`).MatchString(it) {
					bad(7, qu, "label %q shows a year", it)
				}
			}
		}
		// A label that says where it stands in time ("the first flight").
		if qu.Form == Match || qu.Form == Order {
			for _, l := range append(append([]string{}, qu.Left...), qu.Items...) {
				if regexp.MustCompile(`(?i)\b(first|last|final|earliest|latest)\b`).MatchString(l) && qu.Prompt != "" && strings.Contains(strings.ToLower(qu.Prompt), "event") {
					bad(7, qu, "label %q says its place in time", l)
				}
			}
		}
		for _, k := range o.keyTexts(qu) {
			if o.named(q.Title, k) {
				bad(8, qu, "title %q names the answer %q", q.Title, k)
			}
		}
	}
	// Across the paper.
	for i := range q.Questions {
		a := &q.Questions[i]
		for j := range q.Questions {
			c := &q.Questions[j]
			if i == j {
				continue
			}
			for _, k := range o.keyTexts(a) {
				if o.named(visible(c), k) {
					bad(8, a, "its answer %q is named in %s %q", k, c.ID, c.Prompt)
				}
				for _, opt := range c.Options {
					if !strings.EqualFold(opt, k) && o.named(opt, k) {
						bad(8, a, "its answer %q is named in option %q of %s", k, opt, c.ID)
					}
				}
			}
			if i < j && len(a.Facts) == 1 && len(c.Facts) == 1 {
				fa, _ := o.b.Fact(a.Facts[0])
				fc, _ := o.b.Fact(c.Facts[0])
				if fa.Answer.Type == fc.Answer.Type && fa.Answer.Entity == fc.Answer.Entity &&
					fa.Answer.Number == fc.Answer.Number && fa.Answer.Date == fc.Answer.Date {
					bad(8, c, "has the answer of %s", a.ID)
				}
			}
			if i < j && len(a.Facts) == 1 && len(c.Facts) == 1 && o.group[a.Facts[0]] == o.group[c.Facts[0]] {
				bad(9, c, "shares a sentence group with %s", a.ID)
			}
			// A matching or ordering question that lists some options of a
			// multiple-choice item leaves its answer as the odd one out.
			if a.Form == MC && (c.Form == Match || c.Form == Order) {
				for _, opt := range a.Options {
					if o.named(visible(c), opt) {
						bad(8, a, "its option %q is listed in %s, which leaves the answer out", opt, c.ID)
					}
				}
			}
			if i < j && (a.Form == Match || a.Form == Order) && (c.Form == Match || c.Form == Order) {
				for _, e := range a.Entities {
					for _, x := range c.Entities {
						if e == x {
							bad(9, c, "uses event %q like %s", e, a.ID)
						}
					}
				}
			}
		}
	}
	return out
}

// clangStop are long words too common to cue an answer.
var clangStop = map[string]bool{"according": true, "article": true, "between": true, "because": true, "against": true, "through": true, "without": true, "reported": true, "should": true, "during": true}

// The qualifiers that make a figure a floor or a ceiling, listed here from
// English usage, not from the bank package.
var (
	atLeastWords = regexp.MustCompile(`(?i)^(more than|over|above|at least|upwards of|in excess of|just over)$`)
	atMostWords  = regexp.MustCompile(`(?i)^(fewer than|less than|under|below|up to|at most|no more than|just under)$`)
)

// cutShortSentence matches a statement that opens or closes with an
// ellipsis.
var cutShortSentence = regexp.MustCompile(`^(…|\.\.\.)|(…|\.\.\.)\.?$`)

var qualifierWords = regexp.MustCompile(`(?i)\b(more than|fewer than|less than|over|above|under|below|about|around|some|nearly|almost|at least|up to|roughly|approximately)\b`)

func (o *oracle) checkMC(qu *Question, bad func(int, *Question, string, ...any)) {
	f, _ := o.b.Fact(qu.Facts[0])
	key := f.Answer
	if len(qu.Options) < 2 || qu.Answer < 0 || qu.Answer >= len(qu.Options) {
		bad(2, qu, "bad options %v", qu.Options)
		return
	}
	if key.Type == bank.EntityValue && o.namesEntity(qu.Prompt, key.Entity) {
		bad(1, qu, "names its own answer")
	}
	// Stand-out features of the answer.
	only := func(test func(string) bool) bool {
		if !test(qu.Options[qu.Answer]) {
			return false
		}
		for i, op := range qu.Options {
			if i != qu.Answer && test(op) {
				return false
			}
		}
		return true
	}
	if len(qu.Options) >= 3 && (only(func(s string) bool { return strings.ContainsAny(s, "0123456789") }) || only(func(s string) bool { return strings.Contains(s, "(") })) {
		bad(5, qu, "the answer %q is the only option of its form in %v", qu.Options[qu.Answer], qu.Options)
	}
	// Clang association: the answer the only option repeating a long
	// word of the stem (six letters or more, compared by their first six
	// so that "claimant" repeats "claimants").
	long := regexp.MustCompile(`[A-Za-z]{6,}`)
	stemWords := map[string]bool{}
	for _, w := range long.FindAllString(qu.Prompt, -1) {
		if !clangStop[strings.ToLower(w)] {
			stemWords[strings.ToLower(w[:6])] = true
		}
	}
	if len(qu.Options) >= 3 && only(func(s string) bool {
		for _, w := range long.FindAllString(s, -1) {
			if stemWords[strings.ToLower(w[:6])] && !clangStop[strings.ToLower(w)] {
				return true
			}
		}
		return false
	}) {
		bad(5, qu, "the answer %q is the only option that repeats a word of the question", qu.Options[qu.Answer])
	}
	keyEntity, _ := o.b.Entity(key.Entity)
	stemCountries := map[string]bool{}
	for id := range o.country {
		if o.namesEntity(qu.Prompt, id) {
			stemCountries[id] = true
		}
	}
	countryOf := func(e bank.Entity) string {
		if e.Country != "" {
			return e.Country
		}
		if o.country[e.ID] {
			return e.ID
		}
		return ""
	}
	// The band holds for automatic options; the bank's own wrong list is
	// the curator's judgement.
	curated := map[string]bool{}
	for _, v := range f.Wrong {
		curated[strings.ToLower(o.b.Text(v))] = true
		if v.Type == bank.NumberValue {
			curated[strings.ToLower(v.Number.Digits())] = true
		}
		if v.Type == bank.DateValue && v.Date.Inferred && !v.Date.Resolved && v.Date.Precision == bank.Day {
			curated[strings.ToLower(v.Date.Printed())] = true
		}
	}
	for i, op := range qu.Options {
		if i == qu.Answer {
			continue
		}
		if curated[strings.ToLower(op)] && key.Type != bank.EntityValue {
			continue
		}
		if o.truths[strings.ToLower(f.Ask)][strings.ToLower(op)] {
			bad(2, qu, "wrong option %q is true", op)
		}
		switch key.Type {
		case bank.EntityValue:
			var e bank.Entity
			found := false
			for _, x := range o.b.Entities {
				if strings.EqualFold(x.Name, op) && x.Pool == keyEntity.Pool && x.Type == keyEntity.Type {
					e, found = x, true
				}
			}
			if !found {
				bad(5, qu, "option %q is not an entity like the answer", op)
				continue
			}
			if o.namesEntity(qu.Prompt, e.ID) {
				bad(1, qu, "wrong option %q is named in the question", op)
			}
			if e.Pool == bank.People || e.Pool == bank.Places {
				kc, ec := countryOf(keyEntity), countryOf(e)
				if kc != "" && stemCountries[kc] && ec != kc {
					bad(1, qu, "wrong option %q is not of %s, which the question names", op, kc)
				}
				if ec != "" && ec != kc && stemCountries[ec] {
					bad(1, qu, "wrong option %q is of %s, which the question names", op, ec)
				}
			}
		case bank.NumberValue:
			m := regexp.MustCompile(`[0-9][0-9,]*(\.[0-9]+)?`).FindString(op)
			x, err := strconv.ParseFloat(strings.ReplaceAll(m, ",", ""), 64)
			k := key.Number.Value
			switch {
			case err != nil:
				bad(3, qu, "option %q has no number", op)
			case key.Number.Qualifier != "" && qualifierWords.MatchString(op):
				bad(2, qu, "qualified key %q, qualified option %q", key.Number, op)
			// The gap keeps the qualifier: "more than ___" is true of any
			// figure below the article's, "fewer than ___" of any above.
			case !curated[strings.ToLower(op)] && (atLeastWords.MatchString(key.Number.Qualifier) && x < k || atMostWords.MatchString(key.Number.Qualifier) && x > k):
				bad(2, qu, "qualified key %q makes wrong option %q true too", key.Number.Qualifier+" "+key.Number.Digits(), op)
			case k >= 10 && (x < 0.5*k || x > 1.5*k), k < 10 && math.Abs(x-k) > 4, x <= 0 && k > 0,
				(key.Number.Unit == "percent" || key.Number.Unit == "%") && x > 100:
				bad(3, qu, "option %q is implausibly far from %v", op, k)
			case o.named(qu.Prompt, m):
				bad(1, qu, "wrong option %q is in the question", op)
			}
		case bank.DateValue:
			d, ok := parseDateText(op)
			k := key.Date
			switch {
			case !ok:
				bad(3, qu, "option %q is not a date", op)
			case o.named(qu.Prompt, op):
				bad(1, qu, "wrong option %q is in the question", op)
			case k.Precision == bank.Year && (d.Year == 0 || absInt(d.Year-k.Year) > 25 || d.Month != 0):
				bad(3, qu, "option %q is not a year near %d", op, k.Year)
			case k.Precision == bank.Month && (d.Month == 0 || d.Day != 0 || absInt(d.Year*12+d.Month-k.Year*12-k.Month) > 24):
				bad(3, qu, "option %q is not a month near %s", op, k)
			case (k.Precision == bank.Day && !k.Inferred) && (d.Day == 0 || d.Year == 0):
				bad(3, qu, "option %q is not a day with its year", op)
			case (k.Precision == bank.MonthDay || k.Inferred && !k.Resolved && k.Precision == bank.Day) && (d.Day == 0 || d.Year != 0):
				bad(3, qu, "option %q shows a year the article does not print", op)
			case d.Year != 0 && o.b.Article.Date.Year != 0 && d.Year > o.b.Article.Date.Year && k.Year <= o.b.Article.Date.Year:
				bad(3, qu, "option %q is after the article", op)
			}
		}
	}
}

func (o *oracle) checkTF(qu *Question, bad func(int, *Question, string, ...any)) {
	f, _ := o.b.Fact(qu.Facts[0])
	if len(qu.Options) != 2 || qu.Options[0] != "True" || qu.Options[1] != "False" {
		bad(6, qu, "options %v", qu.Options)
		return
	}
	shownDate := o.b.Text(f.Answer)
	if d := f.Answer.Date; f.Answer.Type == bank.DateValue && d.Inferred && !d.Resolved && d.Precision == bank.Day {
		shownDate = d.Printed() // "24 September": an inferred month or year keeps its brackets
	}
	truth := strings.Replace(f.Statement, "{answer}", shownDate, 1)
	// A statement to judge is a whole sentence: none opens or closes
	// with an ellipsis.
	if p := strings.TrimSpace(qu.Prompt); cutShortSentence.MatchString(p) {
		bad(6, qu, "statement %q is cut short", p)
	}
	isTrue := strings.EqualFold(strings.TrimSpace(qu.Prompt), strings.TrimSpace(truth))
	if isTrue != (qu.Answer == 0) {
		bad(6, qu, "keyed %s, true statement is %q", qu.Options[qu.Answer], truth)
	}
	if qu.Answer == 1 {
		for _, e := range o.b.Entities {
			count := func(s string) int {
				n := 0
				for _, name := range o.names[e.ID] {
					n = max(n, len(compiled(`(?i)\b`+regexp.QuoteMeta(name)+`\b`).FindAllString(s, -1)))
				}
				return n
			}
			if c := count(qu.Prompt); c > 1 && c > count(truth) {
				bad(6, qu, "names %s %d times", e.Name, c)
			}
		}
	}
}

// parseDateText reads "1979", "May 2018", "3 November 2019" or "23 August".
func parseDateText(s string) (bank.Date, bool) {
	s = strings.NewReplacer("[", "", "]", "").Replace(s) // "March [2011]": a year the article does not print
	for _, l := range []string{"2 January 2006", "January 2006", "2 January", "2006"} {
		if t, err := time.Parse(l, s); err == nil {
			d := bank.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
			if !strings.Contains(l, "2006") {
				d.Year = 0
			}
			if !strings.Contains(l, "January") {
				d.Month = 0
			}
			if !strings.HasPrefix(l, "2 ") {
				d.Day = 0
			}
			return d, true
		}
	}
	return bank.Date{}, false
}

// qualityConfigs are the option sets every bank is built with.
func qualityConfigs() []Options {
	var out []Options
	for _, forms := range [][]Form{nil, {MC, TF, Match, Order}} {
		for choices := 3; choices <= 5; choices++ {
			out = append(out, Options{Count: 10, Versions: 2, Forms: forms, Choices: choices})
		}
	}
	return out
}

// TestItemQuality builds quizzes from 1,000 seeds for the built-in bank and
// the shuttle bank (200 for other test banks), with every form mix and
// --choices 3 to 5, and checks every item against the rules with the
// oracle above: zero violations allowed.
func TestItemQuality(t *testing.T) {
	seeds := seedCount(1000)
	for name, b := range testBanks(t) {
		o := newOracle(b)
		// The built-in bank and the first other bank get every seed; the
		// rest a fifth, to keep the suite within a few minutes.
		n := seeds
		if name != "questions.toml" && name != "shuttle.toml" {
			n = max(1, seeds/5)
		}
		for _, opt := range qualityConfigs() {
			// A bank with too few dated events asks for no ordering.
			if _, err := Build(b, opt, rng(0)); err != nil && strings.HasPrefix(err.Error(), "no ordering question is possible") {
				opt.Forms = slices.DeleteFunc(slices.Clone(opt.Forms), func(f Form) bool { return f == Order })
			}
			t.Run(fmt.Sprintf("%s/forms=%s/choices=%d", name, joinForms(opt.Forms), opt.Choices), func(t *testing.T) {
				t.Parallel()
				var mu sync.Mutex
				fails := map[string]int{}
				for seed := 0; seed < n; seed++ {
					q, err := Build(b, opt, rng(uint64(seed)))
					if err != nil {
						t.Fatalf("seed %d: %v", seed, err)
					}
					for _, v := range o.check(q) {
						mu.Lock()
						if fails[v] == 0 && len(fails) < 15 {
							t.Errorf("seed %d: %s", seed, v)
						}
						fails[v]++
						mu.Unlock()
					}
				}
			})
		}
	}
}

// TestKeyRank: over many seeds, a number or date key sits at every rank
// among its options about as often as chance allows (rule 4), unless the
// band forbids one side (a percentage of 100, a year of the article).
func TestKeyRank(t *testing.T) {
	for name, b := range testBanks(t) {
		for _, f := range b.Facts {
			if f.Answer.Type == bank.EntityValue || len(f.Wrong) > 0 {
				continue
			}
			g := newGen(b, rng(1))
			ranks := map[int]int{}
			n := seedCount(400)
			for seed := 0; seed < n; seed++ {
				g.rng = rng(uint64(seed))
				it, err := g.multipleChoice(&f, 4, nil)
				if err != nil {
					break
				}
				r := 0
				for _, v := range it.values[1:] {
					if less(v, it.values[0]) {
						r++
					}
				}
				ranks[r]++
			}
			if len(ranks) == 0 {
				continue
			}
			var rs []string
			for r := 0; r < 4; r++ {
				rs = append(rs, fmt.Sprintf("%d:%d", r, ranks[r]))
			}
			// Every rank the band allows should appear; none may take
			// nearly all the draws unless it is the only one possible.
			possible := 0
			for _, c := range ranks {
				if c > 0 {
					possible++
				}
			}
			for r, c := range ranks {
				if possible > 1 && c > n*3/4 {
					t.Errorf("%s: fact %q: key at rank %d in %d of %d draws (%s)", name, f.ID, r, c, n, strings.Join(rs, " "))
				}
			}
		}
	}
}

func less(a, b bank.Value) bool {
	if a.Type == bank.NumberValue {
		return a.Number.Value < b.Number.Value
	}
	return a.Date.Compare(b.Date) < 0
}

// TestKindSpread: unless the filter narrows the kinds, no kind takes more
// than about 40% of the multiple-choice and true/false items (rule 10).
func TestKindSpread(t *testing.T) {
	for name, b := range testBanks(t) {
		over := 0
		n := seedCount(300)
		for seed := 0; seed < n; seed++ {
			q, err := Build(b, Options{Count: 10}, rng(uint64(seed)))
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[string]int{}
			total := 0
			for _, qu := range q.Questions {
				if qu.Form == MC || qu.Form == TF {
					kinds[qu.Kind]++
					total++
				}
			}
			var ks []string
			for k, c := range kinds {
				ks = append(ks, fmt.Sprintf("%s:%d", k, c))
				if float64(c) > math.Round(0.4*float64(total)) {
					over++
				}
			}
			sort.Strings(ks)
		}
		if over > n/100 {
			t.Errorf("%s: a kind took over 40%% of the items in %d of %d quizzes", name, over, n)
		}
	}
}

func absInt(x int) int { return int(math.Abs(float64(x))) }

// TestAuditDir measures, rule by rule, how often quizzes written earlier
// break the rules: set QUIZCARD_AUDIT_DIR to a folder of quiz.json files
// (any depth) and QUIZCARD_AUDIT_BANK to their bank. It is a measuring
// tool for comparing generators (see README, "Item quality"), not a check:
// without the variables it does nothing.
func TestAuditDir(t *testing.T) {
	dir, bankFile := os.Getenv("QUIZCARD_AUDIT_DIR"), os.Getenv("QUIZCARD_AUDIT_BANK")
	if dir == "" || bankFile == "" {
		t.Skip("set QUIZCARD_AUDIT_DIR and QUIZCARD_AUDIT_BANK to measure a folder of quizzes")
	}
	b, err := bank.Load(bankFile)
	if err != nil {
		t.Fatal(err)
	}
	o := newOracle(b)
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "quiz.json" {
			files = append(files, p)
		}
		return nil
	})
	items, quizzes, badQuizzes := 0, 0, 0
	byRule := map[string]map[string]bool{} // rule -> items ("file#q3") breaking it
	anyBad := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var q Quiz
		if err := json.Unmarshal(data, &q); err != nil {
			t.Fatal(err)
		}
		quizzes++
		items += len(q.Questions)
		vs := o.check(&q)
		if len(vs) > 0 {
			badQuizzes++
		}
		for _, v := range vs {
			rule := v[:strings.Index(v, ":")]
			id := strings.Fields(v)[2]
			if byRule[rule] == nil {
				byRule[rule] = map[string]bool{}
			}
			byRule[rule][f+"#"+id] = true
			anyBad[f+"#"+id] = true
		}
	}
	var rules []string
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	fmt.Printf("%d quizzes, %d items; %d items (%.1f%%) break a rule; %d quizzes (%.1f%%) hold one\n",
		quizzes, items, len(anyBad), 100*float64(len(anyBad))/float64(items), badQuizzes, 100*float64(badQuizzes)/float64(quizzes))
	for _, r := range rules {
		fmt.Printf("  %-8s %5d items (%.1f%%)\n", r, len(byRule[r]), 100*float64(len(byRule[r]))/float64(items))
	}
}

// seedCount is how many seeds a test that loops over seeds takes: full,
// a twentieth with -short, or $QUIZCARD_SEEDS (capped at full) when a
// mutation run (README, "Tests") asks for fewer, since every mutant reruns
// the suite.
func seedCount(full int) int {
	if n, err := strconv.Atoi(os.Getenv("QUIZCARD_SEEDS")); err == nil && n > 0 {
		return min(n, full)
	}
	if testing.Short() {
		return max(1, full/20)
	}
	return full
}
