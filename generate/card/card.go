// Package card selects what a one-page briefing card says about the
// article, from the fact bank alone: nothing is invented, and a section the
// bank cannot fill is left out. Layout is the pdf package's job.
package card

import (
	"slices"
	"sort"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
)

// A Card is the content of a briefing card, in the fixed section order.
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

// A Row is one label: value line of the key-facts box. Rows with Must set
// are never dropped to make the card fit.
type Row struct {
	Label, Value string
	Must         bool
}

// A Quote is one quotation with its attribution.
type Quote struct {
	Text, By, Role string
}

// A Figure is a number with a short caption.
type Figure struct {
	Value, Caption string
}

// A Tick is one dated event on the timeline.
type Tick struct {
	Date      string // "4 Nov 1979", "May 2018"
	Label     string
	Highlight bool // the article's own event
	Year      int  // for spacing and breaks
}

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

	// Key facts: who (with roles), when, occasion, deals, mediators, source.
	answers := func(kinds ...string) []string {
		var ids []string
		seen := map[string]bool{}
		for _, f := range b.Facts {
			if !slices.Contains(kinds, f.Kind) {
				continue
			}
			for _, v := range append([]bank.Value{f.Answer}, f.Also...) {
				if v.Type == bank.EntityValue && !seen[v.Entity] {
					seen[v.Entity] = true
					ids = append(ids, v.Entity)
				}
			}
		}
		return ids
	}
	var who []string
	for _, e := range b.Pool(bank.People) {
		if slices.Contains(answers("who", "quote", "mediator"), e.ID) {
			who = append(who, e.Name+" ("+e.Role+")")
		}
	}
	add := func(label string, must bool, values []string) {
		if len(values) > 0 {
			c.Facts = append(c.Facts, Row{label, strings.Join(values, "; "), must})
		}
	}
	add("Who", true, who)
	when := a.Date.String()
	for _, e := range b.Pool(bank.Events) {
		if sameDay(e.Date, a.Date) {
			when = e.Date.String() + ": " + e.Name
		}
	}
	add("When", true, []string{when})
	if a.Occasion != "" {
		add("Occasion", true, []string{a.Occasion})
	}
	var deals []string
	for _, id := range answers("deal") {
		if e, ok := b.Entity(id); ok {
			deals = append(deals, capitalise(e.Name))
		}
	}
	add("Deals", true, deals)
	var mediators []string
	for _, id := range answers("mediator") {
		if e, ok := b.Entity(id); ok {
			mediators = append(mediators, capitalise(e.Name))
		}
	}
	add("Mediators", false, mediators)
	add("Source", false, []string{c.Source})

	if a.Quote != "" {
		if e, ok := b.Entity(a.QuoteBy); ok {
			c.Quote = &Quote{Text: strings.Trim(a.Quote, `"“” `), By: e.Name, Role: e.Role}
		}
	}
	for _, f := range b.Facts {
		if f.Kind == "number" && f.Caption != "" && f.Answer.Type == bank.NumberValue {
			c.Numbers = append(c.Numbers, Figure{Value: figure(f.Answer.Number), Caption: f.Caption})
		}
	}

	var events []bank.Entity
	for _, e := range b.Pool(bank.Events) {
		if e.Date.Precision != bank.MonthDay && !e.Date.IsZero() {
			events = append(events, e)
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date.Compare(events[j].Date) < 0 })
	for _, e := range events {
		c.Timeline = append(c.Timeline, Tick{
			Date:      e.Date.Short(),
			Label:     capitalise(e.Name),
			Highlight: sameDay(e.Date, a.Date),
			Year:      e.Date.Year,
		})
	}
	return c
}

// sameDay reports whether an event falls on the article's date, whether or
// not the article prints the event's year ("3 November [2019]").
func sameDay(event, article bank.Date) bool {
	return event.Precision == article.Precision && event.Compare(article) == 0
}

// figure writes a number as the card shows it: "444", "50+" for "more than
// 50", "<10" for "fewer than 10".
func figure(n bank.Number) string {
	d := n.Digits()
	switch strings.ToLower(n.Qualifier) {
	case "":
		return d
	case "more than", "over", "at least":
		return d + "+"
	case "fewer than", "less than", "under":
		return "<" + d
	case "about", "around", "nearly", "almost":
		return "~" + d
	}
	return n.Qualifier + " " + d
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
