package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quizcard/quizcard/generate/card"
	"github.com/quizcard/quizcard/generate/pdf"
)

func cardCommand() *cli.Command {
	return &cli.Command{
		Name:  "card",
		Usage: "make the one-page briefing card",
		Description: `Draws the article's briefing card: headline, what happened, why it matters,
key facts, a quote, the numbers and a drawn timeline, always on exactly one
page. Long texts shrink the type to a readable floor, then the least
important sections go; if what must stay still does not fit, it says which
text is too long. Print at 100% (actual size).

Examples:
   $ quizcard card
   wrote output/card.pdf (1 page, A4)
   $ quizcard card --paper letter
   $ quizcard card --paper a6 --nup 4        # four A6 cards on one A4 sheet, with cut marks
   $ quizcard card --paper 3x5               # index-card "flash" version`,
		Flags: []cli.Flag{
			bankFlag, outFlag,
			&cli.StringFlag{Name: "paper", Value: "a4", Usage: "`PAPER`: a4, letter, a5, a6, 4x6 or 3x5"},
			&cli.IntFlag{Name: "nup", Value: 1, Usage: "`N` cards on one sheet, with cut marks (small papers)"},
			&cli.StringFlag{Name: "sheet", Value: "a4", Usage: "`SHEET` for --nup: a4 or letter"},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			opt, err := cardOptions(c)
			if err != nil {
				return err
			}
			b, err := loadBank(c)
			if err != nil {
				return err
			}
			date, err := docDate(b)
			if err != nil {
				return err
			}
			cd := card.Build(b)
			meta := pdf.Meta{
				Title:    "Briefing card: " + cd.Headline,
				Subject:  b.Article.Title + " (" + b.Article.Outlet + ", " + b.Article.Date.String() + ")",
				Keywords: "briefing " + strings.Join(cd.Keywords, " "),
				Creator:  "quizcard " + version,
				Date:     date,
			}
			var buf bytes.Buffer
			step, err := pdf.Card(&buf, cd, opt, meta)
			if err != nil {
				return err
			}
			note := "1 page, " + opt.Paper.Name
			if opt.Nup > 1 {
				note = fmt.Sprintf("1 page, %d %s cards on %s", opt.Nup, opt.Paper.Name, opt.Sheet.Name)
			}
			if step != "full" {
				note += "; to fit: " + step
			}
			if _, err := writeJobs(c.String("out"), []*job{{name: "card.pdf", write: func(w io.Writer) (string, error) {
				_, err := w.Write(buf.Bytes())
				return "", err
			}}}); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "wrote %s (%s)\n", filepath.Join(c.String("out"), "card.pdf"), note)
			return nil
		},
	}
}

func cardOptions(c *cli.Context) (pdf.CardOptions, error) {
	paper, err := pdf.ParsePaper(c.String("paper"))
	if err != nil {
		return pdf.CardOptions{}, usageError{err.Error()}
	}
	sheet, err := pdf.ParsePaper(c.String("sheet"))
	if err != nil || (sheet != pdf.A4 && sheet != pdf.Letter) {
		return pdf.CardOptions{}, usagef("--sheet takes a4 or letter, not %q", c.String("sheet"))
	}
	n := c.Int("nup")
	switch {
	case n < 1:
		return pdf.CardOptions{}, usagef("--nup must be at least 1")
	case n > 1 && (paper == pdf.A4 || paper == pdf.Letter):
		return pdf.CardOptions{}, usagef("--nup is for small cards (a5, a6, 4x6, 3x5), not %s", paper.Name)
	}
	return pdf.CardOptions{Paper: paper, Nup: n, Sheet: sheet}, nil
}
