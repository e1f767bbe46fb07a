package quiz

import (
	"errors"
	"fmt"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// errNoOrder is planForms' refusal of --forms with order when the bank,
// under the filter, has too few events to order; explainNoOrder turns it
// into what the bank has and what to do.
var errNoOrder = errors.New("no ordering question is possible with these kinds (needs when, and 4 dated events)")

// explainNoOrder returns err, or, when it is errNoOrder, why the bank
// cannot make an ordering question under the filter f: the kinds or tags
// leave events out, or the bank has too few events with different dates
// (it counts them, and the ones left out: foils, events without a year,
// and events whose name gives their date or place in time). Either way the user asked for
// order, so the quiz is refused; the message says to drop it from --forms
// or what to add.
func (g *gen) explainNoOrder(err error, f bank.Filter) error {
	if !errors.Is(err, errNoOrder) {
		return err
	}
	const msg = "no ordering question is possible"
	if len(f.Kinds) > 0 && !allowed(f, "when", nil) {
		return fmt.Errorf("%s with --kinds %s: ordering questions are of kind when; add when to --kinds, or drop order from --forms", msg, strings.Join(f.Kinds, ","))
	}
	if len(f.Tags) > 0 {
		return fmt.Errorf("%s with --tags: events, which ordering questions order, have no tags; drop --tags, or drop order from --forms", msg)
	}
	var foils, undated, self int
	for _, e := range g.b.Pool(bank.Events) {
		switch {
		case e.Foil:
			foils++
		case e.Date.IsZero() || e.Date.Precision == bank.MonthDay:
			undated++
		case selfDated(e):
			self++
		}
	}
	var left []string
	if self > 0 {
		left = append(left, fmt.Sprintf("%d whose name gives %s date or place in time", self, english.PluralWord(self, "its", "their")))
	}
	if undated > 0 {
		left = append(left, english.Plural(undated, "without a year", "without a year"))
	}
	if foils > 0 {
		left = append(left, english.Plural(foils, "foil", ""))
	}
	has := english.Plural(len(g.orderable(f)), "dated event", "")
	if len(left) > 0 {
		has += " it can order (not counting " + strings.Join(left, ", ") + ")"
	}
	return fmt.Errorf("%s: it needs 4 events with different dates, and the bank has %s; drop order from --forms, or add dated events ([[events]] with a date)", msg, has)
}
