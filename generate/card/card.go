// Package card selects what a one-page briefing card says about the
// article, from the fact bank alone: nothing is invented, and a section the
// bank cannot fill is left out. Layout is the pdf package's job.
package card

import (
	"slices"
	"sort"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// A Card is the content of a briefing card, in the fixed section order.
// Every section but the kicker, headline, what happened and "When" may be
// empty: the bank had nothing for it.
type Card struct {
	Topic    string   // kicker, e.g. "Iran–U.S. · Diplomacy"
	AsOf     string   // "3 Nov 2019"
	Headline string   // the news in one line
	What     string   // "What happened": 1–2 sentences
	Why      []string // "Why it matters" bullets
	Facts    []Row    // "Key facts", in priority order
	Quote    *Quote
	Numbers  []Figure // "By the numbers"
	Timeline []Tick   // earliest first
	Source   string   // "Radio Farda (RFE/RL), 3 November 2019"
	URL      string
	Keywords []string
}

// A Row is one labelled line of the key-facts box, with one or more items
// (one per line where there is room). Rows with Must set are never dropped
// to make the card fit; a row with Short > 0 may be cut to its first Short
// items (Who: the most-cited people come first).
type Row struct {
	Label string
	Items []string
	Must  bool
	Short int
}

// Value returns the row's items on one line.
func (r Row) Value() string { return strings.Join(r.Items, "; ") }

// A Quote is one quotation with its attribution. Text is the bank's
// verbatim quote, except that a pronoun subject is resolved in brackets
// ("[Emmanuel Macron] is…"); About names whom it is about when the text
// does not already say so.
type Quote struct {
	Text, By, Role, About string
}

// A Figure is a number with a short caption. The caption carries the unit:
// when the bank's caption does not name it, Build puts it in front.
type Figure struct {
	Value, Caption string
}

// A Tick is one dated event on the timeline.
type Tick struct {
	Date      string // "4 Nov 1979", "May 2018"
	Label     string
	Highlight bool // the article's own event
	Year      int  // for spacing and breaks
	// Weight ranks the event for a short timeline: the article's own
	// event, then events the bank marks as key, an anniversary the
	// article falls on, then events that more facts refer to.
	Weight int
	Key    bool // marked key in the bank
}

// Tick weights; see Tick.Weight.
const (
	weightArticle     = 1000
	weightKey         = 100
	weightAnniversary = 50
)

// Build selects the card's content from the bank.
func Build(b *bank.Bank) *Card {
	a := b.Article
	c := &Card{
		Topic:    a.Topic,
		AsOf:     a.Date.Short(),
		Headline: a.Headline,
		What:     a.Summary,
		Why:      a.Why,
		Source:   a.Outlet + ", " + a.Date.String(),
		URL:      a.URL,
		Keywords: b.Tags(),
	}
	if c.Headline == "" {
		c.Headline = a.Title
	}
	if c.Topic == "" {
		c.Topic = "News briefing"
	}
	add := func(r Row) {
		if len(r.Items) > 0 {
			c.Facts = append(c.Facts, r)
		}
	}
	add(who(b))
	add(Row{Label: "When", Items: []string{when(b)}, Must: true})
	add(deals(b))
	add(mediation(b))
	c.Quote = quote(b)
	c.Numbers = numbers(b)
	c.Timeline = timeline(b)
	return c
}

// entityAnswers returns, for the facts of the given kinds in bank order,
// each fact with the entity ids it answers (answer, then also).
func entityAnswers(b *bank.Bank, kinds ...string) (facts []bank.Fact, ids [][]string) {
	for _, f := range b.Facts {
		if !slices.Contains(kinds, f.Kind) {
			continue
		}
		var these []string
		for _, v := range append([]bank.Value{f.Answer}, f.Also...) {
			if v.Type == bank.EntityValue && !slices.Contains(these, v.Entity) {
				these = append(these, v.Entity)
			}
		}
		facts = append(facts, f)
		ids = append(ids, these)
	}
	return facts, ids
}

// who lists the people facts are about, one "Name (Role)" item each, the
// most-cited first.
func who(b *bank.Bank) Row {
	_, ids := entityAnswers(b, "who", "quote", "mediator")
	cited := map[string]int{}
	for _, these := range ids {
		for _, id := range these {
			cited[id]++
		}
	}
	var people []bank.Entity
	for _, e := range b.Pool(bank.People) {
		if cited[e.ID] > 0 {
			people = append(people, e)
		}
	}
	sort.SliceStable(people, func(i, j int) bool { return cited[people[i].ID] > cited[people[j].ID] })
	r := Row{Label: "Who", Must: true}
	for _, e := range people {
		if role := e.KnownRole(); role != "" {
			r.Items = append(r.Items, e.Name+" ("+role+")")
		} else {
			r.Items = append(r.Items, e.Name)
		}
	}
	if len(r.Items) > 3 {
		r.Short = 3
	}
	return r
}

// when is the article's date with the occasion, or else the event of that
// day.
func when(b *bank.Bank) string {
	a := b.Article
	if a.Occasion != "" {
		return a.Date.String() + ": " + a.Occasion
	}
	for _, e := range b.Pool(bank.Events) {
		if sameDate(e.Date, a.Date) && !e.Foil {
			return a.Date.String() + ": " + english.Capitalise(e.Name)
		}
	}
	return a.Date.String()
}

// statusWords says on the card what a deal's status means.
var statusWords = map[string]string{
	"proposed": "proposed, never agreed",
	"reported": "reported, not confirmed",
	"failed":   "never finalized",
}

// deals lists the deals facts are about, agreed ones first, each with its
// note and, unless it was agreed, its status: a deal that was only
// reported is never listed like a treaty.
func deals(b *bank.Bank) Row {
	_, ids := entityAnswers(b, "deal")
	var agreed, other []string
	seen := map[string]bool{}
	for _, these := range ids {
		for _, id := range these {
			e, ok := b.Entity(id)
			if !ok || seen[id] {
				continue
			}
			seen[id] = true
			var detail []string
			if e.Note != "" {
				detail = append(detail, e.Note)
			}
			if w := statusWords[e.Status]; w != "" {
				detail = append(detail, w)
			}
			item := english.Capitalise(e.Name)
			if len(detail) > 0 {
				item += " — " + strings.Join(detail, "; ")
			}
			if e.Status == "" || e.Status == "agreed" {
				agreed = append(agreed, item)
			} else {
				other = append(other, item)
			}
		}
	}
	return Row{Label: "Deals", Items: append(agreed, other...), Must: true}
}

// mediation lists mediation efforts: a person is shown with their country
// when the country is a mediator too ("France (Emmanuel Macron)"), and each
// effort with the outcomes its facts give ("failed", "ruled out by …").
func mediation(b *bank.Bank) Row {
	facts, ids := entityAnswers(b, "mediator")
	type effort struct {
		name     string
		people   []string
		outcomes []string
	}
	var order []string
	efforts := map[string]*effort{}
	isMediator := map[string]bool{}
	for _, these := range ids {
		for _, id := range these {
			isMediator[id] = true
		}
	}
	// key returns the effort an entity belongs to.
	key := func(e bank.Entity) string {
		if e.Pool == bank.People && e.Country != "" && isMediator[e.Country] {
			return e.Country
		}
		return e.ID
	}
	for i, these := range ids {
		for _, id := range these {
			e, ok := b.Entity(id)
			if !ok {
				continue
			}
			k := key(e)
			ef := efforts[k]
			if ef == nil {
				ef = &effort{}
				if g, ok := b.Entity(k); ok {
					ef.name = english.Capitalise(g.Name)
				}
				efforts[k] = ef
				order = append(order, k)
			}
			if k != e.ID && !slices.Contains(ef.people, e.Name) {
				ef.people = append(ef.people, e.Name)
			}
			if o := facts[i].Outcome; o != "" && !slices.Contains(ef.outcomes, o) {
				ef.outcomes = append(ef.outcomes, o)
			}
		}
	}
	r := Row{Label: "Mediators"}
	for _, k := range order {
		ef := efforts[k]
		item := ef.name
		if len(ef.people) > 0 {
			item += " (" + strings.Join(ef.people, ", ") + ")"
		}
		if len(ef.outcomes) > 0 {
			item += ": " + strings.Join(ef.outcomes, "; ")
			r.Label = "Mediation"
		}
		r.Items = append(r.Items, item)
	}
	return r
}

// pronouns are the subject pronouns a quote may open with, by the pool of
// whom it is about.
var pronouns = map[bank.Pool][]string{
	bank.People: {"He", "She", "They"},
	bank.Groups: {"It", "They"},
}

// quote returns the card's quote with its attribution, or nil.
func quote(b *bank.Bank) *Quote {
	a := b.Article
	by, ok := b.Entity(a.QuoteBy)
	if a.Quote == "" || !ok {
		return nil
	}
	q := &Quote{Text: strings.TrimSpace(a.Quote), By: by.Name, Role: by.KnownRole()}
	about, ok := b.Entity(a.QuoteAbout)
	if !ok {
		return q
	}
	q.About = about.Name
	// Resolve a pronoun subject after any opening quote marks.
	lead := len(q.Text) - len(strings.TrimLeft(q.Text, `"“‘'`))
	rest := q.Text[lead:]
	for _, p := range pronouns[about.Pool] {
		if len(rest) > len(p) && strings.EqualFold(rest[:len(p)], p) && rest[len(p)] == ' ' {
			q.Text = q.Text[:lead] + "[" + about.Name + "]" + rest[len(p):]
			q.About = ""
			break
		}
	}
	return q
}

// numbers returns the "By the numbers" figures: number facts with a
// caption, in bank order.
func numbers(b *bank.Bank) []Figure {
	var out []Figure
	for _, f := range b.Facts {
		if f.Kind == "number" && f.Caption != "" && f.Answer.Type == bank.NumberValue {
			out = append(out, figureOf(f.Answer.Number, f.Caption))
		}
	}
	return out
}

// figureOf writes a number as the card shows it. The figure is short
// (">50", "95%"); the unit goes in the caption, put in front of it when the
// caption does not already name it.
func figureOf(n bank.Number, caption string) Figure {
	f := Figure{Value: figure(n), Caption: caption}
	unit := strings.ToLower(strings.TrimSpace(n.Unit))
	switch unit {
	case "":
		return f
	case "percent", "per cent", "%":
		f.Value += "%"
		for _, p := range []string{"percent ", "per cent ", "% "} {
			if strings.HasPrefix(strings.ToLower(f.Caption), p) {
				f.Caption = f.Caption[len(p):]
			}
		}
		return f
	}
	// The unit as the bank writes it for this number ("1 day", "2 days").
	shown := strings.TrimPrefix(bank.Number{Value: n.Value, Decimals: n.Decimals, Unit: n.Unit}.String(), n.Digits()+" ")
	if !names(caption, unit) && !names(caption, strings.ToLower(shown)) {
		f.Caption = shown + " " + caption
	}
	return f
}

// names reports whether caption has a word that starts with unit, or with
// its stem for a long unit ("nationalit" for "nationalities").
func names(caption, unit string) bool {
	stem := unit
	if len(stem) > 5 {
		stem = stem[:len(stem)-3]
	}
	words := " " + bank.Fold(caption)
	return strings.Contains(words, " "+bank.Fold(stem))
}

// figure writes a number with its qualifier as a short figure: "444",
// ">50" for "more than 50" (or any qualifier the bank reads as above the
// number), "≥50" for "at least 50", "<10", "≤10", "~3" for "about 3"; a
// qualifier the bank does not know is written out.
func figure(n bank.Number) string {
	d := n.Digits()
	switch strings.ToLower(bank.NormalizeSpace(n.Qualifier)) {
	case "at least", "no fewer than", "no less than":
		return "≥" + d
	case "at most", "no more than", "up to":
		return "≤" + d
	}
	bound, known := bank.QualifierBound(n.Qualifier)
	switch {
	case !known:
		return n.Qualifier + " " + d
	case bound == bank.Above:
		return ">" + d
	case bound == bank.Below:
		return "<" + d
	case bound == bank.About:
		return "~" + d
	}
	return d
}

// timeline returns the dated events the article names (foils never),
// earliest first, each weighed for a short timeline. A year the article does not print is shown in brackets
// ("24 Sep [2019]"), never as if the article printed it.
func timeline(b *bank.Bank) []Tick {
	a := b.Article
	var events []bank.Entity
	for _, e := range b.Pool(bank.Events) {
		if e.Date.Precision != bank.MonthDay && !e.Date.IsZero() && !e.Foil {
			events = append(events, e)
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date.Compare(events[j].Date) < 0 })
	var out []Tick
	for _, e := range events {
		t := Tick{
			Date:      e.Date.Short(),
			Label:     english.Capitalise(e.Name),
			Highlight: sameDate(e.Date, a.Date),
			Year:      e.Date.Year,
			Key:       e.Key,
			Weight:    references(b, e),
		}
		switch {
		case t.Highlight:
			t.Weight += weightArticle
		case e.Key:
			t.Weight += weightKey
		case anniversary(e.Date, a.Date):
			t.Weight += weightAnniversary
		}
		out = append(out, t)
	}
	return out
}

// references counts the facts about event e: those that answer with it,
// and those whose date answer is its date (or its day and month).
func references(b *bank.Bank, e bank.Entity) int {
	n := 0
	for _, f := range b.Facts {
		for _, v := range append([]bank.Value{f.Answer}, f.Also...) {
			switch {
			case v.Type == bank.EntityValue && v.Entity == e.ID,
				v.Type == bank.DateValue && sameDate(v.Date, e.Date),
				v.Type == bank.DateValue && v.Date.Precision == bank.MonthDay && e.Date.Precision == bank.Day &&
					v.Date.Month == e.Date.Month && v.Date.Day == e.Date.Day:
				n++
			}
		}
	}
	return n
}

// sameDate reports whether two dates are the same day, month or year,
// whether or not either year is one the curator inferred.
func sameDate(d, e bank.Date) bool {
	d.Inferred, e.Inferred = false, false
	return d == e
}

// anniversary reports whether the article's date falls within a week of
// the anniversary of an earlier day.
func anniversary(d, article bank.Date) bool {
	if d.Precision != bank.Day || article.Precision != bank.Day || d.Year >= article.Year {
		return false
	}
	same := bank.Date{Year: article.Year, Month: d.Month, Day: d.Day, Precision: bank.Day}
	days := article.Time().Sub(same.Time()).Hours() / 24
	return days >= -7 && days <= 7
}
