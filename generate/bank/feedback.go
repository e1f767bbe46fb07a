package bank

import (
	"fmt"
	"sort"
	"strings"
)

// feedback reads a fact's optional feedback table. Its keys are wrong
// options exactly as the fact's wrong list writes them (an entity id, a
// date, a number); its values say why that option is wrong:
//
//	wrong = ["trump", "rouhani"]
//	feedback = { trump = "Trump wanted the meeting; Khamenei spoke of Macron." }
//
// It returns the texts aligned with f.Wrong, "" where a wrong option has
// none, or nil when the fact has no feedback. An unknown option, an empty
// text or a text given twice is an error at the key's line.
func (o *obj) feedback(f Fact) []string {
	raw, ok := o.m["feedback"]
	if !ok {
		return nil
	}
	m, ok := raw.(map[string]any)
	if !ok {
		o.errorf("feedback", "feedback must be a table of wrong option = \"why it is wrong\", not %s", typeName(raw))
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		li, lj := o.feedbackLine(keys[i]), o.feedbackLine(keys[j])
		return li < lj || (li == lj && keys[i] < keys[j])
	})
	out := make([]string, len(f.Wrong))
	given := make([]string, len(f.Wrong))
	for _, k := range keys {
		line := o.feedbackLine(k)
		s, ok := m[k].(string)
		switch {
		case !ok:
			o.errorAt(line, "feedback for %q must be a string, not %s", k, typeName(m[k]))
			continue
		case strings.TrimSpace(s) == "":
			o.errorAt(line, "feedback for %q is empty: say why %q is wrong, or leave it out", k, k)
			continue
		}
		i := wrongIndex(f, k)
		switch {
		case i < 0:
			o.errorAt(line, "feedback for %q: not one of the fact's wrong options (%s)", k, wrongList(f))
			continue
		case given[i] != "":
			o.errorAt(line, "feedback for %q repeats the feedback for %q: both name the same wrong option", k, given[i])
			continue
		}
		for _, r := range s {
			if control(r) {
				o.errorAt(line, "feedback for %q has the character %U (%s): remove it", k, r, runeName(r))
				break
			}
		}
		given[i], out[i] = k, s
	}
	return out
}

// wrongIndex returns the index in f.Wrong of the option a feedback key
// names, read as the fact's answer is read; -1 if none.
func wrongIndex(f Fact, key string) int {
	for i, w := range f.Wrong {
		switch w.Type {
		case EntityValue:
			if w.Entity == key {
				return i
			}
		case DateValue:
			if d, err := ParseDate(key); err == nil && d == w.Date {
				return i
			}
		case NumberValue:
			if n, err := ParseNumber(key); err == nil && n.Value == w.Number.Value {
				return i
			}
		}
	}
	return -1
}

// wrongList lists a fact's wrong options as feedback keys name them.
func wrongList(f Fact) string {
	if len(f.Wrong) == 0 {
		return "it has no wrong list"
	}
	var ks []string
	for _, w := range f.Wrong {
		switch w.Type {
		case EntityValue:
			ks = append(ks, w.Entity)
		case DateValue:
			ks = append(ks, w.Date.ISO())
		case NumberValue:
			ks = append(ks, strings.ReplaceAll(w.Number.Digits(), ",", ""))
		}
	}
	return strings.Join(ks, ", ")
}

// feedbackLine returns the line of a feedback key, however the table is
// written: a dotted key in the fact (feedback.trump = ...), a
// [facts.feedback] table under it, or an inline table on the feedback line.
func (o *obj) feedbackLine(k string) int {
	if o.tab == nil {
		return o.line("feedback")
	}
	for _, dotted := range []string{"feedback." + k, `feedback."` + k + `"`} {
		if l, ok := o.tab.key(dotted); ok {
			return l
		}
	}
	end := -1 // where the next [[facts]] starts
	if next := o.p.table("facts", o.tab.index+1); next != nil {
		end = next.start
	}
	for _, t := range o.p.tables {
		if t.name == "facts.feedback" && t.start > o.tab.start && (end < 0 || t.start < end) {
			if l, ok := t.key(k); ok {
				return l
			}
			return t.line
		}
	}
	return o.line("feedback")
}

// errorAt reports a problem of the fact o at a given line.
func (o *obj) errorAt(line int, format string, args ...any) {
	id, _ := o.m["id"].(string)
	o.p.errs = append(o.p.errs, Error{File: o.p.file, Line: line, What: fmt.Sprintf("%s %q", o.noun, id), Msg: fmt.Sprintf(format, args...)})
}
