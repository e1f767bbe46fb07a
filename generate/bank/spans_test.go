package bank

import (
	"strings"
	"testing"
)

func TestTableSpans(t *testing.T) {
	src := `# top comment
[article]
title = "T"

[[people]]
id = "a"
name = "A"

# -- facts --
[[facts]]
id = "one"
text = """
[[facts]] inside a string
"""

[[facts]]
id = "two"
`
	spans := TableSpans([]byte(src))
	want := []struct {
		name  string
		index int
		line  int
		text  string
	}{
		{"article", 0, 2, "[article]\ntitle = \"T\"\n\n"},
		{"people", 0, 5, "[[people]]\nid = \"a\"\nname = \"A\"\n\n"},
		{"facts", 0, 10, "[[facts]]\nid = \"one\"\ntext = \"\"\"\n[[facts]] inside a string\n\"\"\"\n\n"},
		{"facts", 1, 16, "[[facts]]\nid = \"two\"\n"},
	}
	if len(spans) != len(want) {
		t.Fatalf("%d spans, want %d: %+v", len(spans), len(want), spans)
	}
	for i, w := range want {
		s := spans[i]
		if s.Name != w.name || s.Index != w.index || s.Line != w.line || src[s.Start:s.End] != w.text {
			t.Errorf("span %d = %s[%d] line %d %q; want %s[%d] line %d %q", i, s.Name, s.Index, s.Line, src[s.Start:s.End], w.name, w.index, w.line, w.text)
		}
	}
	// The comment before the facts belongs to no table.
	if !strings.Contains(src[spans[1].End:spans[2].Start], "# -- facts --") {
		t.Error("the comment before [[facts]] was taken into a table")
	}
}
