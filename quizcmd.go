package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/export"
	"github.com/quizcard/quizcard/generate/pdf"
	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/safefile"
)

var outFlag = &cli.StringFlag{Name: "out", Value: "output", Usage: "write files to `DIR`"}

func quizCommand() *cli.Command {
	return &cli.Command{
		Name:  "quiz",
		Usage: "make a quiz: students' PDF, answer key PDF and quiz.json",
		Description: `Picks --count facts (never the same twice), turns them into questions with
fair wrong options, and shuffles them into --versions lettered versions. The
same bank, options and --seed always give byte-identical files.

Examples:
   $ quizcard quiz
   wrote output/quiz.pdf (students, 2 pages)
   wrote output/quiz-key.pdf (answer key, 2 pages)
   wrote output/quiz.json
   seed 4177 (use --seed 4177 to make this quiz again)
   $ quizcard quiz --count 12 --versions 4 --seed 7 --title "Iran–U.S. talks" --kinds who,when,deal,mediator
   $ quizcard quiz --forms mc,tf,match,order --paper letter`,
		Flags: []cli.Flag{
			bankFlag, outFlag,
			&cli.IntFlag{Name: "count", Value: 10, Usage: "number of `QUESTIONS`"},
			&cli.IntFlag{Name: "choices", Value: 4, Usage: "options per multiple-choice question (`2-5`)"},
			&cli.IntFlag{Name: "versions", Value: 1, Usage: "shuffled `VERSIONS` (A, B, C, ...)"},
			&cli.StringFlag{Name: "seed", Usage: "random `SEED` (default: pick one and print it)"},
			&cli.StringFlag{Name: "title", Usage: "quiz `TITLE` (default: from the article)"},
			&cli.StringFlag{Name: "forms", Usage: "question `FORMS`: mc,tf,match,order (default: a mix led by mc)"},
			&cli.StringSliceFlag{Name: "kinds", Aliases: []string{"kind"}, Usage: "only facts of these `KINDS`"},
			&cli.StringSliceFlag{Name: "tags", Aliases: []string{"tag"}, Usage: "only facts with one of these `TAGS`"},
			&cli.StringFlag{Name: "difficulty", Usage: "only facts of these `LEVELS`, e.g. 1,2"},
			&cli.StringFlag{Name: "paper", Value: "a4", Usage: "`PAPER` size: a4 or letter"},
			&cli.StringFlag{Name: "format", Value: "pdf,json", Usage: "`FORMATS` to write: pdf, json, gift, moodle, qti, kahoot, anki, quizlet, html"},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			opt, paper, formats, err := quizOptions(c)
			if err != nil {
				return err
			}
			b, err := loadBank(c)
			if err != nil {
				return err
			}
			q, err := quiz.Build(b, opt, rand.New(rand.NewPCG(opt.Seed, 0)))
			if err != nil {
				return err
			}
			jobs, err := quizJobs(q, b, paper, formats)
			if err != nil {
				return err
			}
			notes, err := writeJobs(c.String("out"), jobs)
			if err != nil {
				return err
			}
			for _, n := range notes {
				fmt.Fprintln(c.App.Writer, n)
			}
			for _, j := range jobs {
				for _, w := range j.warnings {
					fmt.Fprintln(c.App.ErrWriter, w)
				}
			}
			fmt.Fprintf(c.App.Writer, "seed %d (use --seed %d to make this quiz again)\n", q.Seed, q.Seed)
			return nil
		},
	}
}

// quizOptions turns the quiz command's flags into options, or a usage error.
func quizOptions(c *cli.Context) (quiz.Options, pdf.Paper, map[string]bool, error) {
	opt := quiz.Options{
		Title:    c.String("title"),
		Count:    c.Int("count"),
		Choices:  c.Int("choices"),
		Versions: c.Int("versions"),
	}
	switch {
	case opt.Count < 1:
		return opt, pdf.Paper{}, nil, usagef("--count must be at least 1")
	case opt.Choices < 2 || opt.Choices > 5:
		return opt, pdf.Paper{}, nil, usagef("--choices must be 2 to 5")
	case opt.Versions < 1 || opt.Versions > 5000:
		return opt, pdf.Paper{}, nil, usagef("--versions must be 1 to 5000")
	}
	var err error
	if opt.Forms, err = quiz.ParseForms(c.String("forms")); err != nil {
		return opt, pdf.Paper{}, nil, usageError{err.Error()}
	}
	if opt.Filter.Kinds, err = splitList(c.StringSlice("kinds"), bank.Kinds, "kind"); err != nil {
		return opt, pdf.Paper{}, nil, err
	}
	opt.Filter.Tags = splitAny(c.StringSlice("tags"))
	for _, d := range splitAny([]string{c.String("difficulty")}) {
		n, err := strconv.Atoi(d)
		if err != nil || n < 1 || n > 3 {
			return opt, pdf.Paper{}, nil, usagef("--difficulty takes 1, 2 or 3, not %q", d)
		}
		opt.Filter.Difficulties = append(opt.Filter.Difficulties, n)
	}
	opt.Seed = rand.Uint64N(99999) + 1 // only main picks a seed; it is printed
	if s := c.String("seed"); s != "" {
		if opt.Seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			return opt, pdf.Paper{}, nil, usagef("--seed takes a whole number, not %q", s)
		}
	}
	paper, err := pdf.ParsePaper(c.String("paper"))
	if err != nil || (paper != pdf.A4 && paper != pdf.Letter) {
		return opt, pdf.Paper{}, nil, usagef("--paper takes a4 or letter for quizzes, not %q", c.String("paper"))
	}
	formats := map[string]bool{}
	fs, err := splitList([]string{c.String("format")}, formatNames(), "format")
	if err != nil {
		return opt, pdf.Paper{}, nil, err
	}
	for _, f := range fs {
		formats[f] = true
	}
	return opt, paper, formats, nil
}

// docDate is the date written into documents: $SOURCE_DATE_EPOCH when set,
// else the article's date, so that output never depends on the clock.
func docDate(b *bank.Bank) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return b.Article.Date.Time(), nil
}

// A job makes one output file, writing it to w; note says what it wrote
// (for the "wrote" line), warnings what it left out (for stderr).
type job struct {
	name     string
	write    func(w io.Writer) (note string, err error)
	warnings []export.Note
}

// exporters are the learning-platform formats: file name and writer.
var exporters = []struct {
	format, file string
	write        func(w io.Writer, q *quiz.Quiz, date time.Time) ([]export.Note, error)
}{
	{"gift", "quiz.gift", func(w io.Writer, q *quiz.Quiz, _ time.Time) ([]export.Note, error) { return export.GIFT(w, q) }},
	{"moodle", "quiz.moodle.xml", func(w io.Writer, q *quiz.Quiz, _ time.Time) ([]export.Note, error) { return export.MoodleXML(w, q) }},
	{"qti", "quiz.qti.zip", export.QTI},
	{"kahoot", "quiz.kahoot.xlsx", export.Kahoot},
	{"anki", "quiz.anki.txt", func(w io.Writer, q *quiz.Quiz, _ time.Time) ([]export.Note, error) { return export.Anki(w, q) }},
	{"quizlet", "quiz.quizlet.txt", func(w io.Writer, q *quiz.Quiz, _ time.Time) ([]export.Note, error) { return export.Quizlet(w, q) }},
	{"html", "quiz.html", func(w io.Writer, q *quiz.Quiz, _ time.Time) ([]export.Note, error) { return export.HTML(w, q) }},
}

// formatNames lists every --format value.
func formatNames() []string {
	names := []string{"pdf", "json"}
	for _, e := range exporters {
		names = append(names, e.format)
	}
	return names
}

// quizJobs returns a job for every file the formats ask for.
func quizJobs(q *quiz.Quiz, b *bank.Bank, paper pdf.Paper, formats map[string]bool) ([]*job, error) {
	date, err := docDate(b)
	if err != nil {
		return nil, err
	}
	var jobs []*job
	if formats["pdf"] {
		meta := pdf.Meta{
			Title:    q.Title,
			Subject:  "Quiz on “" + b.Article.Title + "” (" + b.Article.Outlet + ", " + b.Article.Date.String() + ")",
			Keywords: "quiz " + strings.Join(b.Tags(), " "),
			Creator:  "quizcard " + version,
			Date:     date,
		}
		keyMeta := meta
		keyMeta.Title = "Answer key: " + q.Title
		jobs = append(jobs,
			&job{name: "quiz.pdf", write: func(w io.Writer) (string, error) {
				n, err := pdf.Quiz(w, q, paper, meta)
				return fmt.Sprintf("students, %d %s", n, plural(n, "page")), err
			}},
			&job{name: "quiz-key.pdf", write: func(w io.Writer) (string, error) {
				n, err := pdf.Key(w, q, paper, keyMeta)
				return fmt.Sprintf("answer key, %d %s", n, plural(n, "page")), err
			}})
	}
	if formats["json"] {
		jobs = append(jobs, &job{name: "quiz.json", write: func(w io.Writer) (string, error) {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return "", enc.Encode(q)
		}})
	}
	for _, e := range exporters {
		if formats[e.format] {
			j := &job{name: e.file}
			j.write = func(w io.Writer) (string, error) {
				var err error
				j.warnings, err = e.write(w, q, date)
				return "", err
			}
			jobs = append(jobs, j)
		}
	}
	return jobs, nil
}

// runJobs runs the jobs side by side, each into the writer open returns
// for it, and returns their notes in order. open's done func is called
// after the job has written everything.
func runJobs(jobs []*job, open func(name string) (w io.Writer, done func() error, err error)) ([]string, error) {
	notes := make([]string, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		w, done, err := open(j.name)
		if err != nil {
			wg.Wait()
			return nil, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			notes[i], errs[i] = j.write(w)
			if errs[i] == nil {
				errs[i] = done()
			}
		}()
	}
	wg.Wait()
	return notes, errors.Join(errs...)
}

// writeJobs runs the jobs into files in dir, creating it. Every file goes
// to a temporary file first, and none replaces its destination unless all
// of them were written. It returns the "wrote ..." lines.
func writeJobs(dir string, jobs []*job) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var pending []*safefile.Pending
	notes, err := runJobs(jobs, func(name string) (io.Writer, func() error, error) {
		p, err := safefile.Create(filepath.Join(dir, name), 0o644)
		if err != nil {
			return nil, nil, err
		}
		pending = append(pending, p)
		bw := bufio.NewWriterSize(p, 64<<10)
		return bw, bw.Flush, nil
	})
	if err == nil {
		err = safefile.CommitAll(pending)
	} else {
		for _, p := range pending {
			p.Abort()
		}
	}
	if err != nil {
		return nil, err
	}
	lines := make([]string, len(jobs))
	for i, j := range jobs {
		lines[i] = "wrote " + filepath.Join(dir, j.name)
		if notes[i] != "" {
			lines[i] += " (" + notes[i] + ")"
		}
	}
	return lines, nil
}
