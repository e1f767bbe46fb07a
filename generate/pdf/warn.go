package pdf

import (
	"strings"

	"github.com/quizcard/quizcard/generate/card"
)

// CardWarnings lays c out on the smallest card paper (3×5 in) and returns
// why it cannot fit there, naming the text to shorten; nil when it fits.
// check prints it as a warning: larger papers may still take the card.
//
// It only lays the card out, as Card does before drawing: nothing is drawn
// and no PDF is written, so check does not pay for cutting and compressing
// fonts it throws away.
func CardWarnings(c *card.Card) []string {
	if err := cardFits(newText(newDoc(Card35, Meta{})), c, Card35); err != nil {
		return []string{strings.TrimPrefix(err.Error(), "card: ") + " (or use a larger --paper)"}
	}
	return nil
}

// cardFits returns nil when c fits on one page of p, and otherwise the
// error Card gives: which text is too long, and by how much.
func cardFits(t text, c *card.Card, p Paper) error {
	spec := specFor(p)
	if fitCard(t, c, p, spec) == nil {
		return tooLong(t, c, p, spec)
	}
	return nil
}
