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
	if _, err := layOut(newText(newDoc(Card35, Meta{})), c, Card35, specFor(Card35)); err != nil {
		return []string{strings.TrimPrefix(err.Error(), "card: ") + " (or use a larger --paper)"}
	}
	return nil
}
