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
//
// The bank is --bank FILE, else $QUIZCARD_BANK, else ./questions.toml when it
// exists, else the bank built into the binary. See README.md.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/quizcard/quizcard/generate/bank"
)

//go:embed questions.toml
var builtinBank []byte

// version is set at release time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	// A soft memory limit keeps large jobs (a quiz of 1,000 versions) near
	// their live heap instead of twice it; GOMEMLIMIT overrides it.
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
	var rf refused
	switch {
	case err == nil:
		return 0
	case errors.As(err, &rf):
		for _, e := range rf.ErrorList {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "%d %s; nothing was written\n", len(rf.ErrorList), plural(len(rf.ErrorList), "problem"))
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "quizcard: %v\nRun 'quizcard --help' for usage.\n", ue.msg)
		return 2
	case errors.As(err, &bl):
		for _, e := range bl {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "%d %s; the bank was not used\n", len(bl), plural(len(bl), "problem"))
		return 1
	default:
		fmt.Fprintf(stderr, "quizcard: %v\n", err)
		return 1
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

var bankFlag = &cli.StringFlag{
	Name:    "bank",
	Usage:   "fact bank `FILE` (default: ./questions.toml if present, else the built-in bank)",
	EnvVars: []string{"QUIZCARD_BANK"},
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
	path := c.String("bank")
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

func noArgs(c *cli.Context) error {
	if c.Args().Present() {
		return usagef("%s takes no arguments, got %q", c.Command.Name, c.Args().First())
	}
	return nil
}

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "validate the fact bank and summarise it",
		Description: `Reports every problem in the bank as file:line: message and exits 1,
or prints how many facts it holds per kind and per tag.

Example:
   $ quizcard check --bank mybank.toml
   mybank.toml:14: fact "naive-quote": answer "rouhani" is not a known person
   1 problem; the bank was not used`,
		Flags: []cli.Flag{bankFlag},
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			b, err := loadBank(c)
			if err != nil {
				return err
			}
			printSummary(c.App.Writer, b)
			return nil
		},
	}
}

func printSummary(w io.Writer, b *bank.Bank) {
	fmt.Fprintf(w, "%s: ok: %d facts, %d entities\n", b.File, len(b.Facts), len(b.Entities))
	fmt.Fprintf(w, "article: %q (%s, %s)\n\n", b.Article.Title, b.Article.Outlet, b.Article.Date)
	kinds := map[string]int{}
	tags := map[string]int{}
	for _, f := range b.Facts {
		kinds[f.Kind]++
		for _, t := range f.Tags {
			tags[t]++
		}
	}
	fmt.Fprintf(w, "%-14s %5s\n", "kind", "facts")
	for _, k := range bank.Kinds {
		fmt.Fprintf(w, "%-14s %5d\n", k, kinds[k])
	}
	fmt.Fprintf(w, "\n%-14s %5s\n", "tag", "facts")
	for _, t := range b.Tags() {
		fmt.Fprintf(w, "%-14s %5d\n", t, tags[t])
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
				return writeJSON(c.App.Writer, b, facts)
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

func writeJSON(w io.Writer, b *bank.Bank, facts []bank.Fact) error {
	type jsonFact struct {
		ID         string   `json:"id"`
		Kind       string   `json:"kind"`
		Ask        string   `json:"ask"`
		Answer     string   `json:"answer"`
		Tags       []string `json:"tags"`
		Difficulty int      `json:"difficulty"`
		Source     string   `json:"source"`
	}
	out := make([]jsonFact, 0, len(facts))
	for _, f := range facts {
		tags := f.Tags
		if tags == nil {
			tags = []string{}
		}
		out = append(out, jsonFact{f.ID, f.Kind, f.Ask, b.Text(f.Answer), tags, f.Difficulty, f.Source})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
