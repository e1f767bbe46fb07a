// Package files turns a built quiz into the files the quiz command writes
// (the students' and key PDFs, quiz.json, the learning-platform exports),
// as jobs that safefile writes all or nothing.
package files

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
	"github.com/quizcard/quizcard/generate/export"
	"github.com/quizcard/quizcard/generate/pdf"
	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/safefile"
	"github.com/quizcard/quizcard/generate/sheet"
)

// Options say which files to make and how.
type Options struct {
	Formats map[string]bool // "pdf", "json" and export.Formats' names
	Paper   pdf.Paper       // for the PDFs
	Export  export.Options  // for the exports; its Date also dates the PDFs
	Creator string          // the PDFs' creator, "quizcard 1.0"
	// Sheets, when it holds answer sheets, makes the students' PDF one
	// named copy per student with its sheet, and is what quiz.json holds
	// (the quiz and the sheets' layout). nil: the plain quiz.
	Sheets *sheet.Doc
}

// Names lists every format Quiz can write, as --format takes them.
func Names() []string {
	names := []string{"pdf", "json"}
	for _, f := range export.Formats {
		names = append(names, f.Name)
	}
	return names
}

// Quiz returns a job for every file opt.Formats asks for, and the
// exporters' notes on what they left out, in format order. It fails before
// anything is written when the PDFs cannot draw the quiz's text, or when
// the only formats asked for can carry nothing of it.
func Quiz(q *quiz.Quiz, b *bank.Bank, opt Options) ([]safefile.Job, []export.Note, error) {
	var jobs []safefile.Job
	if opt.Formats["pdf"] {
		if err := pdf.Drawable(b, q); err != nil {
			return nil, nil, err
		}
		meta := pdf.Meta{
			Title:    q.Title,
			Subject:  "Quiz on “" + b.Article.Title + "” (" + b.Article.Outlet + ", " + b.Article.Date.String() + ")",
			Keywords: "quiz " + strings.Join(b.Tags(), " "),
			Creator:  opt.Creator,
			Date:     opt.Export.Date,
		}
		keyMeta := meta
		keyMeta.Title = "Answer key: " + q.Title
		jobs = append(jobs,
			safefile.Job{Name: "quiz.pdf", Write: func(w io.Writer) (string, error) {
				if doc := opt.Sheets; doc != nil && len(doc.Sheets) > 0 {
					n, err := pdf.Copies(w, doc, opt.Paper, meta)
					return fmt.Sprintf("students, %d pages, %d copies with answer sheets", n, len(doc.Copies)), err
				}
				n, err := pdf.Quiz(w, q, opt.Paper, meta)
				return "students, " + english.Plural(n, "page", ""), err
			}},
			safefile.Job{Name: "quiz-key.pdf", Write: func(w io.Writer) (string, error) {
				n, err := pdf.Key(w, q, opt.Paper, keyMeta)
				return "answer key, " + english.Plural(n, "page", ""), err
			}})
	}
	if opt.Formats["json"] {
		var v any = q
		if opt.Sheets != nil {
			v = opt.Sheets
		}
		jobs = append(jobs, safefile.Job{Name: "quiz.json", Write: func(w io.Writer) (string, error) {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return "", enc.Encode(v)
		}})
	}
	exports, notes, err := export.Run(q, opt.Formats, opt.Export)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range exports {
		jobs = append(jobs, safefile.Job{Name: f.Name, Write: func(w io.Writer) (string, error) {
			_, err := w.Write(f.Data)
			return "", err
		}})
	}
	if len(jobs) == 0 && len(notes) > 0 {
		return nil, notes, errors.New("nothing to write: " + string(notes[len(notes)-1]))
	}
	return jobs, notes, nil
}

// PoolFormats returns the formats a pool (quiz.Pool) is written in: the
// ones asked, which must be question-bank formats (moodle, qti, gift,
// json), or all four when none is asked.
func PoolFormats(asked []string) (map[string]bool, error) {
	if len(asked) == 0 {
		asked = []string{"moodle", "qti", "gift", "json"}
	}
	out := map[string]bool{}
	for _, f := range asked {
		switch f {
		case "moodle", "qti", "gift", "json":
			out[f] = true
		default:
			return nil, fmt.Errorf("--pool is for question banks: --format takes moodle, qti, gift or json with it, not %q", f)
		}
	}
	return out, nil
}
