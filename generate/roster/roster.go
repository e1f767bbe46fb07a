// Package roster reads a class list: one student a row, with a name, an id
// and optionally a class, as a spreadsheet exports it (CSV, comma or
// semicolon, UTF-8 with or without a byte-order mark).
package roster

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/fonts"
	"github.com/quizcard/quizcard/generate/spreadsheet"
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
	t, err := spreadsheet.Read(file, data, MaxBytes, MaxStudents)
	if err != nil {
		if strings.HasSuffix(err.Error(), ": the file is empty") {
			return nil, fmt.Errorf("%s: the roster is empty; the first line names the columns: name,id,class", file)
		}
		return nil, err
	}
	cols, err := columns(t.Header)
	if err != nil {
		return nil, fmt.Errorf("%s:1: %v", file, err)
	}
	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
	}
	var out []Student
	seen := map[string]int{}
	for i, line := range t.Lines {
		s := Student{Name: cols.name(t, i), ID: t.Cell(i, cols.id), Class: t.Cell(i, cols.class), Line: line}
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
	"first": {"firstname", "givenname", "forename", "first", "prenom"},
	"last":  {"lastname", "surname", "familyname", "last", "apellido", "apellidos"},
	"id":    {"id", "studentid", "number", "studentnumber", "no", "numero", "matricule", "username", "login", "email"},
	"class": {"class", "group", "section", "form", "classe", "grupo", "period"},
}

func columns(header []string) (colMap, error) {
	c := colMap{-1, -1, -1, -1, -1}
	for i, h := range header {
		k := spreadsheet.Fold(h)
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
	if c.first >= 0 && c.last < 0 && c.full >= 0 {
		// "Nom" beside "Prénom" is the family name.
		c.last, c.full = c.full, -1
	}
	switch {
	case c.full < 0 && (c.first < 0 || c.last < 0):
		return c, fmt.Errorf("no name column in the header %q; the first line names the columns: name,id,class", strings.Join(header, ","))
	case c.id < 0:
		return c, fmt.Errorf("no id column in the header %q; the first line names the columns: name,id,class", strings.Join(header, ","))
	}
	return c, nil
}

func (c colMap) name(t *spreadsheet.Table, i int) string {
	if c.full >= 0 {
		return t.Cell(i, c.full)
	}
	return strings.TrimSpace(t.Cell(i, c.first) + " " + t.Cell(i, c.last))
}

func clip(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
