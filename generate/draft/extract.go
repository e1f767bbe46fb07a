// Package draft drafts a fact bank from a news article: it finds the
// people (with their roles), countries, organisations and places, the
// dates, figures and quotations, and turns each into a draft fact with a
// question, an answer, a true/false statement and a verbatim excerpt. It
// reads only the article it is given; writing the bank is the caller's.
package draft

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/quizcard/quizcard/generate/bank"
)

// An Article is what Extract works from.
type Article struct {
	Title, Outlet, URL string
	Date               time.Time // publication date: weekdays and "last month" resolve against it
	Text               string    // paragraphs separated by blank lines
}

// A Draft is everything quizcard new found in one article.
type Draft struct {
	Article  Article
	Summary  string
	entities []*entity
	Facts    []Fact
	// What was found, for the summary line.
	People, Groups, Places, Dates, Numbers, Quotes, Foils int
	// Left names facts that could not be drafted, and why.
	Left []string
}

// Extract drafts a bank from a. It is deterministic: the same article
// always gives the same draft.
func Extract(a Article) *Draft {
	d := &Draft{Article: a}
	text := a.Text
	sents := tokenize(text)
	es := findEntities(text, sents)
	dates := findDates(text, a.Date)
	inDate := func(s, e int) bool {
		for _, dm := range dates {
			if s < dm.end && dm.start < e {
				return true
			}
		}
		return false
	}
	numbers := findNumbers(text, sents, inDate)
	quotes := findQuotes(text, sents, es)
	g := &gen{d: d, text: text, sents: sents, es: es, quotes: quotes, ids: map[string]bool{}, dates: dates, seenDates: map[string]bool{}}
	g.summary()
	g.events(dates)
	g.foils()
	for _, e := range es.all {
		switch e.pool {
		case bank.People:
			if !e.foil {
				d.People++
			}
		case bank.Groups:
			d.Groups++
		case bank.Places:
			d.Places++
		}
	}
	for si := range sents {
		if headline(text[sents[si].Start:sents[si].End]) || !terminated(text[sents[si].Start:sents[si].End]) {
			continue
		}
		g.roles(si)
		g.action(si)
		for _, q := range quotes {
			if q.start >= sents[si].Start && q.start < sents[si].End {
				g.quote(si, q)
			}
		}
		for _, dm := range dates {
			if dm.start >= sents[si].Start && dm.start < sents[si].End {
				g.date(si, dm)
			}
		}
		for _, nm := range numbers {
			if nm.start >= sents[si].Start && nm.start < sents[si].End {
				g.number(si, nm)
			}
		}
	}
	d.Dates, d.Numbers = g.nDates, g.nNumbers
	for _, q := range quotes {
		if q.speaker != nil && len(strings.Fields(text[q.start:q.end])) >= 4 {
			d.Quotes++
		}
	}
	g.checkPools()
	d.entities = g.used()
	return d
}

// used returns the entities the bank needs: every person (the answers
// and wrong options of "who" and quote facts), dated events (the card's
// timeline), and the groups and places a fact or a person refers to.
// Other groups and places would only lengthen the review.
func (g *gen) used() []*entity {
	need := map[string]bool{}
	for _, f := range g.d.Facts {
		if f.Kind != "when" && f.Kind != "number" {
			need[f.Answer] = true
		}
		for _, w := range f.Wrong {
			need[w] = true
		}
	}
	for _, e := range g.es.all {
		if e.pool == bank.People && e.country != nil {
			need[e.country.id] = true
		}
	}
	var out []*entity
	for _, e := range g.es.all {
		switch {
		case e.pool == bank.People, e.pool == bank.Events, need[e.id]:
			out = append(out, e)
		case e.pool == bank.Places && e.country != nil && need[e.country.id]:
		}
	}
	return out
}

// gen holds what the fact makers share.
type gen struct {
	d      *Draft
	text   string
	sents  []sentence
	es     *entities
	quotes []quoteMention
	ids    map[string]bool
	roled  map[*entity]bool
	dates  []dateMention

	seenDates map[string]bool

	nDates, nNumbers int
}

func terminated(s string) bool {
	s = strings.TrimRight(s, `"'”’) `)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// summary is the article's first real sentence: not a headline, not a
// photo caption (which has no full stop).
func (g *gen) summary() {
	for _, s := range g.sents {
		t := oneLine(g.text[s.Start:s.End])
		if len(strings.Fields(t)) >= 12 && terminated(t) && !headline(t) && !strings.ContainsAny(t, "\"“") {
			g.d.Summary = t
			return
		}
	}
	for _, s := range g.sents {
		if t := oneLine(g.text[s.Start:s.End]); len(strings.Fields(t)) >= 6 {
			g.d.Summary = t
			return
		}
	}
	g.d.Summary = g.d.Article.Title
}

// id returns a fact id made from parts, unique in the draft.
func (g *gen) id(parts ...string) string {
	base := slug(strings.Join(parts, " "))
	if base == "" {
		base = "fact"
	}
	id := base
	for n := 2; g.ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	g.ids[id] = true
	return id
}

func (g *gen) add(f Fact) {
	for _, s := range []string{f.Ask, f.Statement, f.Explain, f.Source, f.Caption} {
		if !drawable(s) {
			g.d.Left = append(g.d.Left, fmt.Sprintf("%s: a character the PDF fonts cannot draw", f.ID))
			return
		}
	}
	if len(strings.Fields(f.Source)) < 3 {
		return
	}
	g.d.Facts = append(g.d.Facts, f)
}

// tokenAt returns the index of the token of sentence si that starts at
// byte at, or -1.
func (g *gen) tokenAt(si, at int) int {
	for i, t := range g.sents[si].toks {
		if t.start == at {
			return i
		}
		if t.start > at {
			return i
		}
	}
	return -1
}

// A subject is a person named at the start of a clause, with the verb
// that follows: "Khamenei denied", "President Donald Trump has said",
// "…, Rouhani never emerged".
type subject struct {
	e        *entity
	m        mention
	verb     int // token index of the first word of the verb group
	fullText string
}

// subjects returns the people who are the subject of sentence si's main
// clause.
func (g *gen) subjects(si int) []subject {
	s := g.sents[si]
	var out []subject
	for _, e := range g.es.all {
		if e.pool != bank.People && !(e.pool == bank.Groups && e.known == nil) {
			continue
		}
		for _, m := range e.mentions {
			if m.sent != si {
				continue
			}
			first := g.tokenAt(si, m.full)
			if first < 0 {
				continue
			}
			if first > 0 {
				prev := s.toks[first-1]
				if prev.text != "," || strings.ContainsAny(g.text[s.Start:m.full], "\"“”") {
					continue
				}
			}
			k := m.tokEnd
			if k < len(s.toks) && s.toks[k].text == "," {
				// An apposition: "Hassan Rouhani, Iran's president, said".
				j := k + 1
				for j < len(s.toks) && j < k+12 && s.toks[j].text != "," {
					j++
				}
				if j >= len(s.toks) || s.toks[j].text != "," {
					continue
				}
				k = j + 1
			}
			for k < len(s.toks) && s.toks[k].tag == "RB" {
				k++
			}
			if k >= len(s.toks) || !(s.toks[k].tag == "VBD" || s.toks[k].tag == "VBZ" || s.toks[k].tag == "VBP" || s.toks[k].tag == "MD") {
				continue
			}
			// The verb group starts at the first adverb after the name.
			v := m.tokEnd
			if v < len(s.toks) && s.toks[v].text == "," {
				v = k
				for v > 0 && s.toks[v-1].tag == "RB" {
					v--
				}
			}
			out = append(out, subject{e: e, m: m, verb: v, fullText: g.text[m.full:m.end]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].m.start < out[j].m.start })
	return out
}

// role drafts "Who is the President of France?" from a person's title
// or apposition, once per person.
func (g *gen) roles(si int) {
	if g.roled == nil {
		g.roled = map[*entity]bool{}
	}
	for _, e := range g.es.all {
		if e.pool != bank.People || e.foil || g.roled[e] || e.country == nil || e.roleExcerpt == "" {
			continue
		}
		if g.sentOf(e.roleAt) != si {
			continue
		}
		g.roled[e] = true
		ask, statement := "Who is the "+e.role+"?", "{answer} is the "+e.role+"."
		if !uniqueRole(e.role) {
			ask, statement = "Which of these people is a "+e.role+"?", "{answer} is a "+e.role+"."
		}
		g.add(Fact{
			ID:        g.id(e.id, "role"),
			Kind:      "who",
			Ask:       ask,
			Answer:    e.id,
			Statement: statement,
			Explain:   fmt.Sprintf("The article names “%s”.", oneLine(e.roleExcerpt)),
			Source:    oneLine(e.roleExcerpt),
			Sentence:  si,
			Item:      "role",
		})
	}
}

func (g *gen) sentOf(at int) int {
	for i, s := range g.sents {
		if s.Start <= at && at < s.End {
			return i
		}
	}
	return -1
}

// action drafts "Who denied that …?" from a sentence whose subject is a
// person: the question is the rest of the clause.
func (g *gen) action(si int) {
	s := g.sents[si]
	for _, sub := range g.subjects(si) {
		if sub.e.pool != bank.People {
			continue
		}
		start := s.toks[sub.verb].start
		pred := strings.TrimSpace(g.text[start:s.End])
		pred = trimEnd(strings.TrimRight(pred, `"”`))
		words := len(strings.Fields(pred))
		if words < 3 || words > 40 || longQuote(pred) {
			continue
		}
		a, b, _, _ := window(g.text, s.Span, sub.m.full, s.End, maxWords)
		verb := strings.ToLower(s.toks[sub.verb].text)
		g.add(Fact{
			ID:        g.id(sub.e.id, verb),
			Kind:      "who",
			Ask:       "Who " + curly(oneLine(pred)) + "?",
			Answer:    sub.e.id,
			Wrong:     g.nearbyPeople(si, sub.e),
			Statement: "{answer} " + curly(oneLine(pred)) + ".",
			Explain:   g.explainPerson(sub.e),
			Source:    strings.TrimSpace(g.text[a:b]),
			Sentence:  si,
			Item:      "action",
		})
		return // one per sentence
	}
}

func (g *gen) explainPerson(e *entity) string {
	switch {
	case e.role == "" || e.role == noRole:
		return e.name + " is named in the article."
	case uniqueRole(e.role):
		return fmt.Sprintf("%s is the %s.", e.name, e.role)
	case strings.Contains(e.role, " of ") || strings.Contains(e.role, " at "):
		return fmt.Sprintf("%s is a %s.", e.name, e.role)
	}
	return fmt.Sprintf("%s: %s.", e.name, e.role)
}

// longQuote reports whether s quotes more than a few words: such
// sentences make quote facts instead.
func longQuote(s string) bool {
	for _, q := range quoteSpans(s) {
		if len(strings.Fields(s[q.start:q.end])) > 3 {
			return true
		}
	}
	return false
}

// nearbyPeople returns up to three other people named in or near sentence
// si: the likeliest to be confused with the answer.
func (g *gen) nearbyPeople(si int, not *entity) []string {
	type cand struct {
		e    *entity
		dist int
	}
	var cs []cand
	for _, e := range g.es.all {
		if e.pool != bank.People || e == not || e.foil {
			continue
		}
		best := 1 << 30
		for _, m := range e.mentions {
			d := m.sent - si
			if d < 0 {
				d = -d
			}
			best = min(best, d)
		}
		cs = append(cs, cand{e, best})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].dist < cs[j].dist })
	var out []string
	for _, c := range cs {
		if len(out) == 3 || c.dist > 3 {
			break
		}
		out = append(out, c.e.id)
	}
	return out
}

// quote drafts "Who said: “…”?" from a quotation with a known speaker.
func (g *gen) quote(si int, q quoteMention) {
	if q.speaker == nil || q.speaker.pool != bank.People {
		return
	}
	words := strings.Fields(g.text[q.start:q.end])
	if len(words) < 4 {
		return
	}
	// The first sentence of the quotation that has four words or more.
	ex := ""
	for _, sp := range bank.Sentences(g.text[q.start:q.end]) {
		t := g.text[q.start+sp.Start : q.start+sp.End]
		if len(strings.Fields(t)) >= 4 {
			ex = t
			break
		}
	}
	if ex == "" {
		return
	}
	if w := strings.Fields(ex); len(w) > 30 {
		// Cut at a word boundary after 25 words: still verbatim.
		cut := 0
		for i, n := 0, 0; i < len(ex); i++ {
			if ex[i] == ' ' && i > 0 && ex[i-1] != ' ' {
				if n++; n == 25 {
					cut = i
					break
				}
			}
		}
		ex = ex[:cut] + "…"
	}
	ex = trimEnd(oneLine(ex))
	shown := curly(strings.Trim(ex, `"”`))
	first := strings.ToLower(strings.Trim(strings.Fields(ex)[0], `"“,.`))
	second := ""
	if f := strings.Fields(ex); len(f) > 1 {
		second = strings.ToLower(strings.Trim(f[1], `"“,.`))
	}
	src := strings.TrimSuffix(ex, "…")
	g.add(Fact{
		ID:        g.id(q.speaker.id, "quote", first, second),
		Kind:      "quote",
		Ask:       "Who said: “" + shown + "”?",
		Answer:    q.speaker.id,
		Wrong:     g.nearbyPeople(si, q.speaker),
		Statement: "{answer} said: “" + shown + "”.",
		Explain:   g.explainPerson(q.speaker),
		Source:    src,
		Sentence:  si,
		Item:      "quote",
	})
}

// date drafts a "when" fact: "When did Trump pull out of the deal?" when
// the date sits in a simple clause, else a gap to fill.
func (g *gen) date(si int, dm dateMention) {
	s := g.sents[si]
	// A weekday or "today" that says again a date the article gives
	// makes the same question twice.
	if dm.date.Resolved || dm.resolved {
		key := dm.date.ISO()
		if g.seenDates[key] {
			return
		}
		g.seenDates[key] = true
		plain := dm.date
		plain.Inferred, plain.Resolved = false, false
		if g.absolute(si, plain) {
			return
		}
	}
	g.nDates++
	ask := g.whenQuestion(si, dm)
	a, b, cutS, cutE := window(g.text, s.Span, dm.start, dm.end, maxWords)
	if ask == "" {
		ask = precisionWord(dm.date) + " goes in the gap? " + g.gap(s.Span, dm.start, dm.end)
	}
	source := strings.TrimSpace(g.text[a:b])
	explain := "The article gives “" + oneLine(g.text[dm.start:dm.end]) + "”."
	if dm.date.Resolved || dm.date.Inferred {
		explain = fmt.Sprintf("The article gives “%s”; with the article dated %s, that is %s.", oneLine(g.text[dm.start:dm.end]), bankDate(g.d.Article.Date).String(), plainDate(dm.date))
	}
	g.add(Fact{
		ID:        g.id("when", oneLine(g.text[dm.start:dm.end])),
		Kind:      "when",
		Ask:       ask,
		Answer:    dm.date.ISO(),
		Statement: statement(clipped(g.text, a, b, dm.start, dm.end, cutS, cutE, "{answer}")),
		Explain:   explain,
		Source:    source,
		Sentence:  si,
		Item:      "date",
	})
}

func plainDate(d bank.Date) string {
	d.Inferred, d.Resolved = false, false
	return d.String()
}

func bankDate(t time.Time) bank.Date {
	return bank.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: bank.Day}
}

// whenQuestion turns "Khamenei had said in August 2018: …" into "When had
// Khamenei said: …?" and "Trump imposed sanctions on Monday" into "When
// did Trump impose sanctions?"; "" when the clause is not that simple.
func (g *gen) whenQuestion(si int, dm dateMention) string {
	s := g.sents[si]
	subs := g.subjects(si)
	if len(subs) == 0 {
		return ""
	}
	sub := subs[0]
	verbAt := s.toks[sub.verb].start
	if dm.start < verbAt {
		return ""
	}
	// The date must be in the main clause: nothing between the verb and
	// it that starts another.
	between := g.text[verbAt:dm.start]
	for _, w := range []string{" that ", ",", ":", "\"", "“", " which ", " who ", " when ", " after ", " before ", " because ", " if "} {
		if strings.Contains(between, w) {
			return ""
		}
	}
	// Take the preposition with the date: "in May 2018", "on Sunday".
	ds := dm.start
	before := strings.TrimRight(g.text[s.Start:ds], " ")
	for _, p := range []string{" in", " on", " at", " during", " since", " by"} {
		if strings.HasSuffix(before, p) {
			ds = s.Start + len(before) - len(p)
			break
		}
	}
	rest := g.text[verbAt:ds] + g.text[dm.end:s.End]
	rest = trimEnd(strings.TrimRight(strings.TrimSpace(rest), `"”`))
	rest = strings.ReplaceAll(rest, " :", ":")
	rest = strings.ReplaceAll(rest, " ,", ",")
	if longQuote(rest) && !strings.Contains(rest, ":") {
		return ""
	}
	if n := len(strings.Fields(rest)); n < 2 || n > 40 {
		return ""
	}
	words := strings.SplitN(rest, " ", 2)
	verb := s.toks[sub.verb]
	tail := ""
	if len(words) > 1 {
		tail = " " + curly(oneLine(words[1]))
	}
	subjText := oneLine(sub.fullText)
	if strings.HasPrefix(subjText, "The ") {
		subjText = "the " + subjText[4:]
	}
	switch lw := strings.ToLower(verb.text); {
	case verb.tag == "MD" || lw == "has" || lw == "have" || lw == "had" || lw == "is" || lw == "was" || lw == "were" || lw == "are" || lw == "did" || lw == "does":
		if lw == "had" || lw == "has" || lw == "have" {
			if sub.verb+1 >= len(s.toks) || !strings.HasPrefix(s.toks[sub.verb+1].tag, "VB") && s.toks[sub.verb+1].tag != "RB" {
				return "" // "had a meeting": a main verb
			}
		}
		return "When " + lw + " " + subjText + balance(tail) + "?"
	case verb.tag == "VBD":
		base, ok := baseForm(verb.text)
		if !ok {
			return ""
		}
		return "When did " + subjText + " " + base + balance(tail) + "?"
	}
	return ""
}

// number drafts a figure to fill in: "Which figure goes in the gap?
// “…taking ___ hostage…”".
func (g *gen) number(si int, nm numberMention) {
	s := g.sents[si]
	g.nNumbers++
	a, b, cutS, cutE := window(g.text, s.Span, nm.start, nm.end, maxWords)
	digits := formatValue(nm.number.Value)
	g.add(Fact{
		ID:        g.id("number", digits, nm.number.Unit),
		Kind:      "number",
		Ask:       "Which figure goes in the gap? " + g.gap(s.Span, nm.start, nm.end),
		Answer:    digits,
		Unit:      nm.number.Unit,
		Qualifier: nm.number.Qualifier,
		Statement: statement(clipped(g.text, a, b, nm.start, nm.end, cutS, cutE, "{answer}")),
		Explain:   "The article gives “" + oneLine(g.text[nm.start:nm.end]) + "”.",
		Source:    strings.TrimSpace(g.text[a:b]),
		Caption:   caption(g.text, nm, s.End),
		Sentence:  si,
		Item:      "number",
	})
}

// caption is the unit and the words after the figure, up to a comma or
// eight words: "U.S. diplomats hostage for 444 days".
func caption(text string, nm numberMention, end int) string {
	rest := text[nm.end:end]
	if i := strings.IndexAny(rest, ",.;:\"“”()"); i >= 0 {
		rest = rest[:i]
	}
	words := strings.Fields(nm.number.Unit)
	for i, w := range strings.Fields(rest) {
		if i == 3 || captionStop()[strings.ToLower(w)] {
			break
		}
		words = append(words, w)
	}
	// Do not end on a little word.
	for len(words) > 1 {
		switch strings.ToLower(words[len(words)-1]) {
		case "the", "a", "an", "of", "for", "to", "in", "on", "and", "or", "by", "with", "at", "from":
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// gapWords is the most context a fill-the-gap question quotes.
const gapWords = 24

// gap quotes the words around text[s:e] with the item replaced by a gap,
// inner quotation marks made single: “…embassy seizure in Tehran in ___
// and taking…”.
func (g *gen) gap(sp bank.Span, s, e int) string {
	a, b, cutS, cutE := window(g.text, sp, s, e, gapWords)
	ctx := trimEnd(clipped(g.text, a, b, s, e, cutS, cutE, "___"))
	ctx = strings.NewReplacer("“", "‘", "”", "’").Replace(balance(ctx))
	return "“" + ctx + "”"
}

// statement ends a sentence taken from the article with one full stop,
// its quotation marks balanced.
func statement(s string) string {
	s = balance(strings.TrimRight(s, " .,;:"))
	if strings.HasSuffix(s, "…") {
		return s
	}
	if t, ok := strings.CutSuffix(s, "”"); ok {
		return strings.TrimRight(t, " .,;:") + ".”"
	}
	return s + "."
}

// balance closes a quotation the text opens and does not close (the
// sentence was cut, or the quote goes on), and drops a closing mark that
// was never opened.
func balance(s string) string {
	open := strings.Count(s, "“")
	closed := strings.Count(s, "”")
	switch {
	case open > closed:
		s = strings.TrimRight(s, " .,;:") + strings.Repeat("”", open-closed)
	case closed > open && strings.HasPrefix(strings.TrimLeft(s, "… "), ""):
		for i := 0; i < closed-open; i++ {
			s = strings.Replace(s, "”", "", 1)
		}
	}
	return s
}

// absolute reports whether sentence si also gives date d in full.
func (g *gen) absolute(si int, d bank.Date) bool {
	for _, o := range g.dates {
		if o.start >= g.sents[si].Start && o.start < g.sents[si].End && !o.date.Inferred && o.date == d {
			return true
		}
	}
	return false
}

// uniqueRole reports whether one person holds the role at a time
// ("President of France"), so that "Who is the …?" has one answer;
// "Senator of the United States" is one of many.
func uniqueRole(role string) bool {
	head := strings.ToLower(strings.Fields(strings.SplitN(role, " of ", 2)[0])[len(strings.Fields(strings.SplitN(role, " of ", 2)[0]))-1])
	switch head {
	case "president", "chancellor", "king", "queen", "emir", "sultan", "pope", "leader", "governor",
		"mayor", "administrator", "secretary-general", "director-general", "chairman", "chairwoman",
		"ceo", "speaker", "premier", "minister", "secretary", "director", "head", "commissioner",
		"wellbeing", "care":
		return !strings.HasPrefix(strings.ToLower(role), "former") && strings.Contains(role, " of ")
	}
	return false
}

// captionStop ends a caption: what follows is another part of the clause.
var captionStop = set(`on in at for back when and which that who while but since by from to of with as`)
