package curate

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/safefile"
)

// A Request is one run of the add command: the bank to change and what the
// curator gave.
type Request struct {
	Target   Target
	From     string            // a file of [[facts]] to add, or ""
	Fields   map[string]string // fact fields given as flags, by key (see Fields)
	DryRun   bool              // check and print the block; write nothing
	Terminal bool              // In is a terminal: missing fields may be asked for
	In       io.Reader         // answers to the prompt
	Out      io.Writer         // what add says
}

// A UsageError is a mistake in how add was called: the caller exits 2.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// Usage returns the message, for the caller's usage-error handling.
func (e UsageError) Usage() string { return e.Msg }

func usagef(format string, args ...any) error { return UsageError{fmt.Sprintf(format, args...)} }

// Run adds to r.Target what r asks for: the facts of r.From, one fact from
// r.Fields, or, with neither on a terminal, a fact asked for field by field.
// It says on r.Out what it did; nothing is written on any error.
func Run(r Request) error {
	var set []string
	for _, f := range Fields {
		if _, ok := r.Fields[f.Key]; ok {
			set = append(set, f.Key)
		}
	}
	var add Addition
	switch {
	case r.From != "" && len(set) > 0:
		return usagef("--from adds the facts of a file; it does not take --%s", set[0])
	case r.From != "":
		var err error
		if add, err = File(r.From); err != nil {
			return err
		}
	case len(set) == 0 && r.Terminal:
		current, err := r.Target.Current()
		if err != nil {
			return err
		}
		d, err := Ask(r.Target.Path, current, bufio.NewReader(r.In), r.Out)
		if err != nil {
			return err
		}
		add = Fact(r.Target.Path, d)
	default:
		d, err := fromFields(r.Fields, r.Terminal)
		if err != nil {
			return err
		}
		add = Fact(r.Target.Path, d)
	}
	if r.DryRun {
		if _, _, err := r.Target.Check(add); err != nil {
			return err
		}
		fmt.Fprintf(r.Out, "# would append to %s:\n%s", r.Target.Path, add.Text)
		return nil
	}
	if r.Target.Builtin != nil {
		fmt.Fprintf(r.Out, "no bank file here: creating %s from the built-in bank\n", r.Target.Path)
	}
	b, err := r.Target.Add(add)
	if errors.Is(err, safefile.ErrBusy) {
		return fmt.Errorf("%w: try again, or wait longer with --wait", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(r.Out, "added %s to %s (%d facts)\n", add.What, r.Target.Path, len(b.Facts))
	return nil
}

// fromFields reads a fact from flag values; missing required fields are a
// usage error (they can be asked for only on a terminal).
func fromFields(values map[string]string, terminal bool) (bank.Draft, error) {
	var missing []string
	var d bank.Draft
	for _, f := range Fields {
		v := strings.TrimSpace(values[f.Key])
		if f.Required && v == "" {
			missing = append(missing, "--"+f.Key)
			continue
		}
		var err error
		if d, err = Set(d, f.Key, values[f.Key]); err != nil {
			return d, usagef("--%v", err)
		}
	}
	if len(missing) > 0 {
		why := "standard input is not a terminal, so add cannot ask for them"
		if terminal {
			why = "give every field as a flag, or none to be asked for each"
		}
		return bank.Draft{}, usagef("missing %s (%s)", strings.Join(missing, ", "), why)
	}
	return d, nil
}
