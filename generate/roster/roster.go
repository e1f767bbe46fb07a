// Package roster reads a class list: one student a row, with a name, an id
// and optionally a class, as a spreadsheet exports it (CSV, comma or
// semicolon, UTF-8 with or without a byte-order mark).
package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/fonts"
)

// A Student is one row of the roster.
type Student struct {
	Name  string `json:"name"`
	ID    string `json:"id"`
	Class string `json:"class,omitempty"`
	Line  int    `json:"-"` // where the row starts in the file
}

// Limits on what a roster may hold; a larger file is refused before it is
// read.
const (
	MaxBytes    = 1 << 20
	MaxStudents = 5000
	MaxField    = 80 // runes in a name, id or class
)

// Load reads the roster file at path.
func Load(path string) ([]Student, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	return Parse(path, data)
}

// Parse reads a roster. file names it in messages. The first row names the
// columns: "name" (or "first name" and "last name"), "id", and optionally
// "class"; other columns are ignored. Every problem is reported, one per
// line, as file:line: message.
func Parse(file string, data []byte) ([]Student, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%s: the roster is over %d KiB; is it the right file?", file, MaxBytes>>10)
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, fmt.Errorf("%s: the file is UTF-16; save it as \"CSV UTF-8\"", file)
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if line := badUTF8(data); line > 0 {
		return nil, fmt.Errorf("%s:%d: not UTF-8 text; save the file as \"CSV UTF-8\"", file, line)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true

	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
	}
	header, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: the roster is empty; the first line names the columns: name,id,class", file)
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	cols, err := columns(header)
	if err != nil {
		return nil, fmt.Errorf("%s:1: %v", file, err)
	}
	var out []Student
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errors.Join(append(errs, csvError(file, err))...)
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(out) == MaxStudents {
			return nil, fmt.Errorf("%s:%d: more than %d students; split the roster", file, line, MaxStudents)
		}
		s := Student{Name: cols.name(rec), ID: cols.get(rec, cols.id), Class: cols.get(rec, cols.class), Line: line}
		switch {
		case s.Name == "":
			fail(line, "no name")
		case s.ID == "":
			fail(line, "%q has no id", s.Name)
		case seen[s.ID] > 0:
			fail(line, "id %q is also on line %d", s.ID, seen[s.ID])
		}
		for _, f := range []struct{ what, v string }{{"name", s.Name}, {"id", s.ID}, {"class", s.Class}} {
			if utf8.RuneCountInString(f.v) > MaxField {
				fail(line, "%s %q is longer than %d characters", f.what, clip(f.v), MaxField)
			}
			for _, c := range f.v {
				if !fonts.Covers(c) {
					fail(line, "%s %q has %q (U+%04X), which the PDF fonts cannot draw", f.what, clip(f.v), c, c)
					break
				}
			}
		}
		if s.ID != "" && seen[s.ID] == 0 {
			seen[s.ID] = line
		}
		out = append(out, s)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no students below the header line", file)
	}
	return out, nil
}

// colMap says which column holds what; -1 when absent.
type colMap struct{ full, first, last, id, class int }

// Header names each field may go by, after folding case, spaces and
// punctuation.
var headerNames = map[string][]string{
	"name":  {"name", "student", "studentname", "fullname", "nom", "nombre"},
	"first": {"firstname", "givenname", "forename", "first"},
	"last":  {"lastname", "surname", "familyname", "last"},
	"id":    {"id", "studentid", "number", "studentnumber", "no", "matricule", "username", "login", "email"},
	"class": {"class", "group", "section", "form", "classe", "grupo", "period"},
}

func columns(header []string) (colMap, error) {
	c := colMap{-1, -1, -1, -1, -1}
	for i, h := range header {
		k := fold(h)
		for field, names := range headerNames {
			for _, n := range names {
				if k != n {
					continue
				}
				p := map[string]*int{"name": &c.full, "first": &c.first, "last": &c.last, "id": &c.id, "class": &c.class}[field]
				if *p < 0 {
					*p = i
				}
			}
		}
	}
	switch {
	case c.full < 0 && (c.first < 0 || c.last < 0):
		return c, fmt.Errorf("no name column in the header %q; the first line names the columns: name,id,class", strings.Join(header, ","))
	case c.id < 0:
		return c, fmt.Errorf("no id column in the header %q; the first line names the columns: name,id,class", strings.Join(header, ","))
	}
	return c, nil
}

func (c colMap) get(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.Join(strings.Fields(rec[i]), " ")
}

func (c colMap) name(rec []string) string {
	if c.full >= 0 {
		return c.get(rec, c.full)
	}
	return strings.TrimSpace(c.get(rec, c.first) + " " + c.get(rec, c.last))
}

// fold lower-cases a header and drops everything but letters and digits.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// delimiter guesses the field separator from the first line: the one of
// comma, semicolon and tab that occurs most often outside quotes.
func delimiter(data []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range data {
		if c == '"' {
			quoted = !quoted
		}
		if !quoted && c == '\n' {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// badUTF8 returns the 1-based line of the first invalid UTF-8, or 0.
func badUTF8(data []byte) int {
	if utf8.Valid(data) {
		return 0
	}
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %v; check the quotes on that line", file, pe.Line, pe.Err)
	}
	return fmt.Errorf("%s: %v", file, err)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
