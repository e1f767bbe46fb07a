package pdf

import (
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/card"
)

// CardWarnings lays c out on the smallest card paper (3×5 in) and returns
// why it cannot fit there, naming the text to shorten; nil when it fits.
// check prints it as a warning: larger papers may still take the card.
func CardWarnings(c *card.Card) []string {
	paper, err := ParsePaper("3x5")
	if err != nil {
		return nil
	}
	if _, err := Card(io.Discard, c, CardOptions{Paper: paper, Nup: 1, Sheet: A4}, Meta{}); err != nil {
		return []string{strings.TrimPrefix(err.Error(), "card: ") + " (or use a larger --paper)"}
	}
	return nil
}
