package pdf

import (
	"errors"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// TestDrawable: a document is refused only when it holds a character the
// fonts cannot draw, and the refusal names the bank's lines with it.
func TestDrawable(t *testing.T) {
	b, err := bank.Load("../bank/testdata/undrawable/persian.toml")
	if err != nil {
		t.Fatal(err)
	}
	type doc struct {
		Title string
		Items []string
		Next  *doc
	}
	if err := Drawable(b, doc{Title: "Emmanuel Macron", Items: []string{"Donald Trump"}}); err != nil {
		t.Errorf("drawable text refused: %v", err)
	}
	err = Drawable(b, doc{Title: "x", Next: &doc{Items: []string{"Hassan Rouhani (حسن روحانی)"}}})
	var u Undrawable
	if !errors.As(err, &u) {
		t.Fatalf("got %v, want Undrawable", err)
	}
	if len(u.Problems) != 1 || u.Problems[0].Line != 30 || !strings.Contains(err.Error(), "U+062D") || !strings.Contains(err.Error(), "no PDF was written") {
		t.Errorf("problems %v, message:\n%s", u.Problems, err)
	}
}
