// Command quizcard turns a curated bank of facts about a news article into
// classroom quizzes and a one-page briefing card.
//
// Usage:
//
//	quizcard quiz [--count N] [--versions N] [--seed N] ...   quiz PDFs, key and JSON
//	quizcard card [--paper a4|letter|a5|a6|4x6|3x5] [--nup N]    the one-page briefing card
//	quizcard add [--from FILE] [--id ID --kind K ...]           add facts to the bank, safely
//	quizcard check [--bank FILE]                                validate a fact bank
//	quizcard list [--kind K] [--tag T] [--json]
//	quizcard new ARTICLE [--out FILE]                          draft a bank from an article
//	quizcard review                                             accept, edit or drop the drafts
//
// The bank is --bank FILE, else $QUIZCARD_BANK, else ./questions.toml when it
// exists, else the bank built into the binary. See README.md.
package main

import (
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/card"
	"github.com/quizcard/quizcard/generate/classroom"
	"github.com/quizcard/quizcard/generate/curate"
	"github.com/quizcard/quizcard/generate/english"
	"github.com/quizcard/quizcard/generate/export"
	"github.com/quizcard/quizcard/generate/files"
	"github.com/quizcard/quizcard/generate/grade"
	"github.com/quizcard/quizcard/generate/pdf"
	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/review"
	"github.com/quizcard/quizcard/generate/safefile"
	"github.com/quizcard/quizcard/generate/start"
)

//go:embed questions.toml
var builtinBank []byte

// version is set at release time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	// A run is short: collect garbage rarely (GOGC 400), but keep large
	// jobs (a quiz of 1,000 versions) near their live heap with a soft
	// memory limit. GOGC and GOMEMLIMIT override either.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(48 << 20)
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run executes the command line and returns the exit status; it is the only
// place that decides one.
func run(args []string, stdout, stderr io.Writer) int {
	err := newApp(stdout, stderr).Run(args)
	var ue usageError
	var bl bank.ErrorList
	var rf curate.Refused
	var su interface{ Usage() string } // start.UsageError, review.NotTerminal
	if errors.As(err, &su) {
		err = usageError{su.Usage()}
	}
	switch {
	case err == nil:
		return 0
	case errors.As(err, &rf):
		for _, line := range rf.ErrorList.Lines() {
			fmt.Fprintln(stderr, line)
		}
		fmt.Fprintf(stderr, "%s; nothing was written\n", english.Plural(len(rf.ErrorList), "problem", ""))
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "quizcard: %v\nRun 'quizcard --help' for usage.\n", ue.msg)
		return 2
	case errors.As(err, &bl):
		for _, line := range bl.Lines() {
			fmt.Fprintln(stderr, line)
		}
		fmt.Fprintf(stderr, "%s; the bank was not used\n", english.Plural(len(bl), "problem", ""))
		return 1
	default:
		fmt.Fprintf(stderr, "quizcard: %v\n", err)
		return 1
	}
}

var bankFlag = &cli.StringFlag{
	Name:  "bank",
	Usage: "fact bank `FILE` (default: $QUIZCARD_BANK, else ./questions.toml if present, else the built-in bank)",
}

// bankPath returns the bank file --bank (given before or after the
// command) or $QUIZCARD_BANK names, or "" for the default.
func bankPath(c *cli.Context) (string, error) {
	for _, ctx := range c.Lineage() {
		if ctx.IsSet("bank") {
			if ctx.String("bank") == "" {
				return "", usagef("--bank needs a file name (leave it out for ./questions.toml or the built-in bank)")
			}
			return ctx.String("bank"), nil
		}
	}
	return os.Getenv("QUIZCARD_BANK"), nil
}

func newApp(stdout, stderr io.Writer) *cli.App {
	onUsage := func(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} }
	app := &cli.App{
		Name:      "quizcard",
		Usage:     "quizzes and briefing cards from a fact bank about a news article",
		Version:   version,
		Writer:    stdout,
		ErrWriter: stderr,
		Flags:     []cli.Flag{bankFlag},
		Commands: []*cli.Command{
			quizCommand(),
			cardCommand(),
			addCommand(),
			checkCommand(),
			listCommand(),
			gradeCommand(),
			newCommand(),
			reviewCommand(),
		},
		HideHelpCommand: true,
		OnUsageError:    onUsage,
		ExitErrHandler:  func(*cli.Context, error) {},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("unknown command %q", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = onUsage
	}
	return app
}

// loadBank returns the bank the flags and environment select.
func loadBank(c *cli.Context) (*bank.Bank, error) {
	path, err := bankPath(c)
	if err != nil {
		return nil, err
	}
	if path == "" {
		if _, err := os.Stat("questions.toml"); err == nil {
			path = "questions.toml"
		}
	}
	if path == "" {
		return bank.Parse("questions.toml (built-in)", builtinBank)
	}
	return bank.Load(path)
}

var outFlag = &cli.StringFlag{Name: "out", Value: "output", Usage: "write files to `DIR`"}

var draftsFlag = &cli.BoolFlag{Name: "drafts", Usage: "use draft facts and entities too (see quizcard review)"}

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
   seed 4177 (quizcard quiz --seed 4177 makes this quiz again)
   $ quizcard quiz --count 12 --versions 4 --seed 7 --title "Iran–U.S. talks" --kinds who,when,deal,mediator
   $ quizcard quiz --forms mc,tf,match,order --paper letter
   $ quizcard quiz --roster class.csv   # a named copy per student, with answer sheets`,
		Flags: []cli.Flag{
			bankFlag, outFlag, draftsFlag,
			&cli.IntFlag{Name: "count", Value: 10, Usage: "number of `QUESTIONS`"},
			&cli.IntFlag{Name: "choices", Value: 4, Usage: "options per multiple-choice question (`2-5`)"},
			&cli.StringFlag{Name: "versions", Value: "1", Usage: "shuffled `VERSIONS` (A, B, C, ...), or per-student with --roster"},
			&cli.StringFlag{Name: "roster", Usage: "one named copy per student of the class list `FILE` (CSV: name, id, class)"},
			&cli.BoolFlag{Name: "sheet", Usage: "an answer sheet to scan with every copy (default with --roster)"},
			&cli.StringFlag{Name: "seed", Usage: "random `SEED` (default: pick one and print it)"},
			&cli.StringFlag{Name: "title", Usage: "quiz `TITLE` (default: from the article)"},
			&cli.StringFlag{Name: "forms", Usage: "question `FORMS` to include: mc,tf,match,order (default: a mix led by mc)"},
			&cli.StringSliceFlag{Name: "kinds", Aliases: []string{"kind"}, Usage: "only facts of these `KINDS`"},
			&cli.StringSliceFlag{Name: "tags", Aliases: []string{"tag"}, Usage: "only facts with one of these `TAGS`"},
			&cli.StringFlag{Name: "difficulty", Usage: "only facts of these `LEVELS`, e.g. 1,2"},
			&cli.StringFlag{Name: "paper", Value: "a4", Usage: "`PAPER` size: a4 or letter"},
			&cli.StringSliceFlag{Name: "format", Value: cli.NewStringSlice("pdf,json"), Usage: "`FORMATS` to write: pdf, json, gift, moodle, qti, kahoot, anki, quizlet, html"},
			&cli.StringFlag{Name: "points", Value: "1", Usage: "`POINTS` each question is worth (moodle, qti)"},
			&cli.BoolFlag{Name: "shuffle-answers", Value: true, Usage: "let Moodle and Canvas shuffle the options (false: keep version A's order)"},
			&cli.BoolFlag{Name: "show-answers", Value: true, Usage: "Canvas shows students the correct answers after they submit"},
			&cli.IntFlag{Name: "attempts", Value: 1, Usage: "Canvas `ATTEMPTS` allowed; 0 for unlimited"},
			&cli.IntFlag{Name: "time-limit", Usage: "Canvas time limit in `MINUTES`; 0 for none"},
			&cli.BoolFlag{Name: "pool", Usage: "every clean question, one group per point, for a Moodle or Canvas question bank (--format moodle,qti,gift,json)"},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			opt, paper, formats, err := quizOptions(c)
			if err != nil {
				return err
			}
			xopt, err := export.ParseOptions(c.String("points"), c.Bool("shuffle-answers"), c.Bool("show-answers"), c.Int("attempts"), c.Int("time-limit"))
			if err != nil {
				return usageError{err.Error()}
			}
			copies, err := classroom.ReadCopies(c.String("roster"), c.Bool("sheet"), c.IsSet("sheet"), &opt)
			if err != nil {
				return err
			}
			b, err := loadBank(c)
			if err == nil {
				b, err = b.ForUse(c.Bool("drafts")) // drafts only with --drafts
			}
			if err != nil {
				return err
			}
			rng := func() *rand.Rand { return rand.New(rand.NewPCG(opt.Seed, 0)) }
			var q *quiz.Quiz
			switch {
			case c.Bool("pool"):
				q, err = quiz.Pool(b, opt, rng())
			case c.IsSet("count"):
				q, err = quiz.Build(b, opt, rng())
			default:
				// The default count is a wish, not an order: make the
				// largest clean quiz the bank allows, and say so.
				var short *quiz.ShortError
				if q, short, err = quiz.BuildUpTo(b, opt, rng); short != nil {
					fmt.Fprintf(c.App.ErrWriter, "note: %v\nnote: made %d questions (--count sets the number)\n", short, len(q.Questions))
				}
			}
			if err != nil {
				return err
			}
			q.Command = remakeCommand(c, q.Seed)
			if xopt.Date, err = docDate(b); err != nil {
				return err
			}
			doc, err := copies.Doc(q, paper.W, paper.H)
			if err != nil {
				return err
			}
			jobs, notes, err := files.Quiz(q, b, files.Options{Formats: formats, Paper: paper, Export: xopt, Sheets: doc, Creator: "quizcard " + version})
			if err != nil {
				return err
			}
			if err := writeFiles(c, jobs); err != nil {
				return err
			}
			for _, n := range notes {
				fmt.Fprintln(c.App.ErrWriter, n)
			}
			fmt.Fprintf(c.App.Writer, "seed %d (%s makes this quiz again)\n", q.Seed, q.Command)
			return nil
		},
	}
}

// remakeFlags are the quiz flags that shape the quiz or its papers, in the
// order remakeCommand writes them.
var remakeFlags = []string{"bank", "pool", "count", "choices", "versions", "roster", "sheet", "title", "forms", "kinds", "tags", "difficulty", "paper", "format"}

// remakeCommand returns the command line that makes the quiz again: the
// flags that were given (not --out: where the files go does not change
// them), then the seed, which may have been picked.
func remakeCommand(c *cli.Context, seed uint64) string {
	args := []string{"quizcard", "quiz"}
	for _, name := range remakeFlags {
		if name == "pool" {
			if c.Bool("pool") {
				args = append(args, "--pool")
			}
			continue
		}
		if name == "bank" {
			if path, _ := bankPath(c); path != "" {
				args = append(args, "--bank", shellQuote(path))
			}
			continue
		}
		if !c.IsSet(name) {
			continue
		}
		v := c.String(name)
		switch name {
		case "kinds", "tags", "format":
			v = strings.Join(splitAny(c.StringSlice(name)), ",")
		case "count", "choices":
			v = strconv.Itoa(c.Int(name))
		case "sheet":
			args = append(args, "--sheet="+strconv.FormatBool(c.Bool(name)))
			continue
		}
		if v != "" { // an empty $QUIZCARD_BANK counts as set
			args = append(args, "--"+name, shellQuote(v))
		}
	}
	return strings.Join(append(args, "--seed", strconv.FormatUint(seed, 10)), " ")
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._/-+=:@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// quizOptions turns the quiz command's flags into options, or a usage error.
func quizOptions(c *cli.Context) (quiz.Options, pdf.Paper, map[string]bool, error) {
	opt := quiz.Options{
		Title:   c.String("title"),
		Count:   c.Int("count"),
		Choices: c.Int("choices"),
	}
	var err error
	if opt.Versions, err = classroom.Versions(c.String("versions"), c.String("roster")); err != nil {
		return opt, pdf.Paper{}, nil, usageError{err.Error()}
	}
	switch {
	case opt.Count < 1:
		return opt, pdf.Paper{}, nil, usagef("--count must be at least 1")
	case opt.Choices < 2 || opt.Choices > 5:
		return opt, pdf.Paper{}, nil, usagef("--choices must be 2 to 5")
	case opt.Versions != classroom.PerStudent && (opt.Versions < 1 || opt.Versions > 5000):
		return opt, pdf.Paper{}, nil, usagef("--versions must be 1 to 5000")
	}
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
	if err := bank.CheckTitle("--title", opt.Title); err != nil {
		return opt, pdf.Paper{}, nil, usageError{err.Error()}
	}
	formats := map[string]bool{}
	fs, err := splitList(c.StringSlice("format"), files.Names(), "format")
	if err == nil && len(fs) == 0 {
		err = usagef("--format needs one or more of %s", strings.Join(files.Names(), ", "))
	}
	if err != nil {
		return opt, pdf.Paper{}, nil, err
	}
	for _, f := range fs {
		formats[f] = true
	}
	if len(formats) == 0 {
		return opt, paper, nil, usagef("--format names no format (want one or more of %s)", strings.Join(files.Names(), ", "))
	}
	if c.Bool("pool") {
		for _, f := range []string{"count", "forms", "versions", "roster", "sheet"} {
			if c.IsSet(f) {
				return opt, paper, nil, usagef("--pool writes every clean question for a platform to draw from; it does not take --%s", f)
			}
		}
		if !c.IsSet("format") {
			fs = nil
		}
		if formats, err = files.PoolFormats(fs); err != nil {
			return opt, paper, nil, usageError{err.Error()}
		}
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

// writeFiles writes the jobs into --out, all or nothing, and says what it
// wrote.
func writeFiles(c *cli.Context, jobs []safefile.Job) error {
	if c.String("out") == "" {
		return usagef("--out needs a folder name (leave it out for ./output)")
	}
	paths, notes, err := safefile.WriteJobs(c.String("out"), jobs)
	if err != nil {
		return err
	}
	for i, p := range paths {
		if notes[i] != "" {
			p += " (" + notes[i] + ")"
		}
		fmt.Fprintln(c.App.Writer, "wrote", p)
	}
	return nil
}

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
			bankFlag, outFlag, draftsFlag,
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
			if err == nil {
				b, err = b.ForUse(c.Bool("drafts")) // drafts only with --drafts
			}
			if err != nil {
				return err
			}
			date, err := docDate(b)
			if err != nil {
				return err
			}
			cd := card.Build(b)
			if err := pdf.Drawable(b, cd); err != nil {
				return err
			}
			meta := pdf.Meta{
				Title:    "Briefing card: " + cd.Headline,
				Subject:  b.Article.Title + " (" + b.Article.Outlet + ", " + b.Article.Date.String() + ")",
				Keywords: "briefing " + strings.Join(cd.Keywords, " "),
				Creator:  "quizcard " + version,
				Date:     date,
			}
			return writeFiles(c, []safefile.Job{{Name: "card.pdf", Write: func(w io.Writer) (string, error) {
				gaveUp, err := pdf.Card(w, cd, opt, meta)
				note := "1 page, " + opt.Paper.Name
				if opt.Nup > 1 {
					note = fmt.Sprintf("1 page, %d %s cards on %s", opt.Nup, opt.Paper.Name, opt.Sheet.Name)
				}
				if len(gaveUp) > 0 {
					note += "; to fit: " + strings.Join(gaveUp, ", ")
				}
				return note, err
			}}})
		},
	}
}

func cardOptions(c *cli.Context) (pdf.CardOptions, error) {
	opt, err := pdf.ParseCardOptions(c.String("paper"), c.String("sheet"), c.Int("nup"))
	if err != nil {
		return opt, usageError{err.Error()}
	}
	return opt, nil
}

func addCommand() *cli.Command {
	flags := []cli.Flag{
		bankFlag,
		&cli.StringFlag{Name: "from", Usage: "add every fact of `FILE` (a TOML file of [[facts]]), all or nothing"},
		&cli.BoolFlag{Name: "dry-run", Usage: "check and print what would be appended; write nothing"},
		&cli.DurationFlag{Name: "wait", Value: time.Minute, Usage: "wait up to `TIME` for another writer of the bank to finish"},
	}
	for _, f := range curate.Fields {
		flags = append(flags, &cli.StringFlag{Name: f.Key, Usage: f.Help})
	}
	return &cli.Command{
		Name:  "add",
		Usage: "add facts to the bank, safely",
		Description: `Appends a [[facts]] block to the bank: every existing byte (comments, order,
formatting) stays as it was. The new fact is checked together with the whole
bank first; if the result would not pass 'check', nothing changes. Writes
are atomic, and concurrent writers wait for each other.

With no fact flags on a terminal, add asks for each field and checks each
answer on the spot. The answer is read by kind: an entity id, a date
(YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD) for "when", a number for "number".

Examples:
   $ quizcard add --bank questions.toml --kind who --id rouhani-repent \
       --ask 'Who said talks are possible only if the U.S. "repents"?' \
       --answer rouhani --source 'talks between Iran and the United States are possible only if the U.S. "repents"'
   added fact "rouhani-repent" to questions.toml (75 facts)
   $ quizcard add --bank questions.toml                        # asks for each field
   $ quizcard add --bank questions.toml --from new-facts.toml  # several at once
   $ quizcard add --dry-run --kind who ...                     # print the block only`,
		Flags: flags,
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			return runAdd(c, os.Stdin, term.IsTerminal(int(os.Stdin.Fd())))
		},
	}
}

// runAdd is the add command; in is where a prompt reads its answers.
func runAdd(c *cli.Context, in io.Reader, terminal bool) error {
	path, err := bankPath(c)
	if err != nil {
		return err
	}
	target := curate.Target{Path: path}
	if target.Path == "" {
		target.Path = "questions.toml"
		if _, err := os.Stat(target.Path); errors.Is(err, fs.ErrNotExist) {
			target.Builtin = builtinBank
		}
	}
	if c.Duration("wait") < 0 {
		return usagef("--wait takes a time such as 30s or 5m, not %v", c.Duration("wait"))
	}
	target.Wait = curate.WaitFor(target.Path, c.Duration("wait"), c.App.ErrWriter)
	fields := map[string]string{}
	for _, f := range curate.Fields {
		if c.IsSet(f.Key) {
			fields[f.Key] = c.String(f.Key)
		}
	}
	return curate.Run(curate.Request{Target: target, From: c.String("from"), Fields: fields,
		DryRun: c.Bool("dry-run"), Terminal: terminal, In: in, Out: c.App.Writer})
}

func noArgs(c *cli.Context) error {
	if c.Args().Present() {
		return usagef("%s takes no arguments, got %q", c.Command.Name, c.Args().First())
	}
	return nil
}

func gradeCommand() *cli.Command {
	return &cli.Command{
		Name:      "grade",
		Usage:     "grade scanned answer sheets, or a responses CSV: grades, review list, item analysis",
		ArgsUsage: "SCANS...",
		Description: `Reads scans (copier PDFs, PNG, JPEG or TIFF files, or folders; pages in any
order and orientation), or with --responses a form's CSV export, against the
quiz.json the copies were printed from. Writes grades.csv, report.html (item
analysis, marks to check with their images), review.csv and items.csv.

Examples:
   $ quizcard grade scans.pdf            # or: grade --responses form-export.csv`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "quiz", Value: "output/quiz.json", Usage: "the `QUIZ.JSON` the copies were printed from"},
			&cli.StringFlag{Name: "responses", Usage: "grade the answers in `FILE` (CSV: student, then one column per question) instead of scans"},
			&cli.StringFlag{Name: "out", Value: "grades", Usage: "write files to `DIR`"},
		},
		Action: func(c *cli.Context) error {
			responses := c.String("responses")
			if (responses == "") != c.Args().Present() {
				return usagef("grade takes scans (PDF, PNG, JPEG or TIFF files, or folders) or --responses FILE, not both")
			}
			jobs, summary, err := classroom.Grade(c.String("quiz"), responses, c.Args().Slice())
			if err != nil {
				return err
			}
			fmt.Fprint(c.App.Writer, summary)
			return writeFiles(c, jobs)
		},
	}
}

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "validate the fact bank and summarise it",
		Description: `Reports every problem in the bank as file:line: message and exits 1,
or prints how many facts it holds per kind and per tag; with --stats
grades/, how each fact fared in graded quizzes.

Example:
   $ quizcard check --bank mybank.toml
   mybank.toml:14: fact "naive-quote": answer "rouhani" is not a known person
   1 problem; the bank was not used`,
		Flags: []cli.Flag{bankFlag,
			&cli.StringSliceFlag{Name: "stats", Usage: "per-fact difficulty from the items.csv in these `DIRS` written by grade"}},
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			b, err := loadBank(c)
			if err != nil {
				return err
			}
			if dirs := splitAny(c.StringSlice("stats")); len(dirs) > 0 {
				return grade.Stats(c.App.Writer, b, dirs)
			}
			printSummary(c.App.Writer, b)
			for _, w := range pdf.CardWarnings(card.Build(b)) {
				fmt.Fprintln(c.App.ErrWriter, "warning:", w)
			}
			for _, e := range b.Undrawable {
				fmt.Fprintln(c.App.ErrWriter, e)
			}
			if len(b.Undrawable) > 0 {
				fmt.Fprintln(c.App.ErrWriter, "PDFs (quiz, key, card) refuse these texts; the other formats carry them")
			}
			return nil
		},
	}
}

func printSummary(w io.Writer, b *bank.Bank) {
	b.WriteSummary(w)
	fmt.Fprintln(w)
	for _, l := range quiz.Lint(b, 4).Lines(b.File) {
		fmt.Fprintln(w, l)
	}
}

func listCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "list the facts: id, kind and question",
		Description: `Prints one line per fact. --kind and --tag narrow the list (each may be
repeated or take a comma-separated list); --json prints the facts as JSON.

Example:
   $ quizcard list --kind who --tag talks
   rejects-talks     who  Who once again rejected the idea of negotiations with Washington?
   no-preconditions  who  Who has said repeatedly that he is willing to negotiate with Iran without any preconditions?`,
		Flags: []cli.Flag{
			bankFlag,
			&cli.StringSliceFlag{Name: "kind", Usage: "only facts of these `KINDS` (" + strings.Join(bank.Kinds, ", ") + ")"},
			&cli.StringSliceFlag{Name: "tag", Usage: "only facts with one of these `TAGS`"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			kinds, err := splitList(c.StringSlice("kind"), bank.Kinds, "kind")
			if err != nil {
				return err
			}
			b, err := loadBank(c)
			if err != nil {
				return err
			}
			facts := b.Select(bank.Filter{Kinds: kinds, Tags: splitAny(c.StringSlice("tag"))})
			if c.Bool("json") {
				return b.WriteJSON(c.App.Writer, facts)
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			for _, f := range facts {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", f.ID, f.Kind, f.Ask)
			}
			return tw.Flush()
		},
	}
}

// splitAny flattens repeated and comma-separated flag values.
func splitAny(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// splitList is splitAny, refusing values not in allowed.
func splitList(vals, allowed []string, what string) ([]string, error) {
	out := splitAny(vals)
	for _, v := range out {
		ok := false
		for _, a := range allowed {
			ok = ok || v == a
		}
		if !ok {
			return nil, usagef("unknown %s %q (want one of %s)", what, v, strings.Join(allowed, ", "))
		}
	}
	return out, nil
}

func newCommand() *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "draft a bank for a new article: a .txt, a saved .html page or a URL",
		ArgsUsage: "ARTICLE",
		Description: `Finds the article's people (with roles), groups, places, dates, figures and
quotes, and writes draft facts that check accepts, for 'quizcard review'.
A .txt may start with Title:, Outlet:, Date: and URL: lines. Examples:
   $ quizcard new article.txt --out iran.toml
   $ quizcard new https://example.org/story --out story.toml --timeout 20s`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Value: "questions.toml", Usage: "write the bank to `FILE`"},
			&cli.BoolFlag{Name: "force", Usage: "replace --out if it exists"},
			&cli.StringFlag{Name: "title", Usage: "the article's `TITLE`"}, &cli.StringFlag{Name: "url", Usage: "its `URL`"},
			&cli.StringFlag{Name: "outlet", Usage: "the `OUTLET` that published it"},
			&cli.StringFlag{Name: "date", Usage: "its publication `DATE` (YYYY-MM-DD)"},
			&cli.DurationFlag{Name: "timeout", Value: 15 * time.Second, Usage: "give up on a URL after `DURATION`"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("new takes one article, a .txt or .html file or an http(s) URL, after the flags: quizcard new --out FILE ARTICLE")
			}
			return start.Run(c.Context, start.Options{Article: c.Args().First(), Out: c.String("out"), Force: c.Bool("force"),
				Title: c.String("title"), Outlet: c.String("outlet"), Date: c.String("date"), URL: c.String("url"),
				Timeout: c.Duration("timeout")}, c.App.Writer)
		},
	}
}

func reviewCommand() *cli.Command {
	return &cli.Command{
		Name:  "review",
		Usage: "go through the drafts one at a time: accept, edit, drop, skip, quit",
		Description: `Shows each draft entity, then each fact with its excerpt in context and the
question it would make. Every answer is saved at once; quit at any time and
run review again to go on. Example: quizcard review --bank iran.toml`,
		Flags: []cli.Flag{bankFlag},
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			_, err := review.Run(cmp.Or(c.String("bank"), "questions.toml"), os.Stdin, c.App.Writer, term.IsTerminal(int(os.Stdin.Fd())))
			return err
		},
	}
}
