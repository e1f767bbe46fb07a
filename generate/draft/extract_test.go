package draft

import (
	"os"
	"testing"
	"time"

	"github.com/quizcard/quizcard/generate/bank"
)

func seedArticle(t *testing.T) Article {
	t.Helper()
	data, err := os.ReadFile("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := bank.Parse("questions.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return Article{Title: b.Article.Title, Outlet: b.Article.Outlet, Date: time.Date(2019, 11, 3, 0, 0, 0, 0, time.UTC), Text: b.Article.Text}
}

func TestDumpDraft(t *testing.T) {
	if os.Getenv("DUMPDRAFT") == "" {
		t.Skip()
	}
	d := Extract(seedArticle(t))
	os.WriteFile(os.Getenv("DUMPDRAFT"), d.TOML("seed"), 0o644)
	t.Log(d.Found(), d.Left)
}
