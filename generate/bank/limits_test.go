package bank

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestCheckShape: depth and value counts worked out by hand, at the limits.
func TestCheckShape(t *testing.T) {
	nest := func(open, inner, close string, n int) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
	}
	dotted := func(n int) string { return strings.TrimSuffix(strings.Repeat("a.", n), ".") }
	for _, tc := range []struct {
		name, src string
		want      string // "" accepted, "deep:LINE" or "many:LINE"
	}{
		{"scalar", "a = 1\n", ""},
		{"built-in shape", "[article]\ntitle = \"x\"\n[[facts]]\nwrong = [\"a\", \"b\"]\n", ""},
		// a = [[...[1]...]]: a is 1 deep, each array one more, the 1 one more.
		{"arrays at the limit", "a = " + nest("[", "1", "]", MaxDepth-1) + "\n", ""},
		{"arrays one too deep", "a = " + nest("[", "1", "]", MaxDepth) + "\n", "deep:1"},
		{"empty arrays at the limit", "a = " + nest("[", "", "]", MaxDepth) + "\n", ""},
		{"arrays over lines", "x = 1\na = [\n" + nest("[", "", "]", MaxDepth) + "\n]\n", "deep:3"},
		// a = {b = {b = ... 1}}: each key one deeper.
		{"inline tables at the limit", "a = " + nest("{b = ", "1", "}", MaxDepth-1) + "\n", ""},
		{"inline tables one too deep", "a = " + nest("{b = ", "1", "}", MaxDepth) + "\n", "deep:1"},
		{"dotted key at the limit", dotted(MaxDepth) + " = 1\n", ""},
		{"dotted key one too deep", "\n" + dotted(MaxDepth+1) + " = 1\n", "deep:2"},
		{"quoted dots are one part", `"` + dotted(MaxDepth+5) + `" = 1` + "\n", ""},
		{"dotted key under a header", "[" + dotted(MaxDepth-1) + "]\n" + "a.b = 1\n", "deep:2"},
		{"header at the limit", "[" + dotted(MaxDepth-1) + "]\nk = 1\n", ""},
		{"header one too deep", "[" + dotted(MaxDepth) + "]\nk = 1\n", "deep:2"},
		{"header alone too deep", "[" + dotted(MaxDepth+1) + "]\n", "deep:1"},
		// [[a]] is an array holding a table: keys under it sit 3 deep.
		{"array of tables", "[[" + dotted(MaxDepth-2) + "]]\nk = 1\n", ""},
		{"array of tables one too deep", "[[" + dotted(MaxDepth-1) + "]]\nk = 1\n", "deep:2"},
		{"mixed", "[x]\na = [{b = [1]}]\n", ""},
		{"brackets in strings do not nest", "a = \"" + strings.Repeat("[", 100) + "\"\nb = '''\n" + strings.Repeat("{", 100) + "\n'''\n", ""},
		{"brackets in comments do not nest", "# " + strings.Repeat("[", 100) + "\na = 1\n", ""},
		{"values at the limit", "a = [" + strings.Repeat("1,", MaxValues-1) + "]\n", ""},
		{"values one too many", "a = [" + strings.Repeat("1,", MaxValues) + "]\n", "many:1"},
		{"keys one too many", strings.Repeat("k = 1\n", MaxValues+1), fmt.Sprintf("many:%d", MaxValues+1)},
		{"tables one too many", strings.Repeat("[[f]]\n", MaxValues/2+1), fmt.Sprintf("many:%d", MaxValues/2+1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if err := CheckShape("x.toml", []byte(tc.src)); err != nil {
				var list ErrorList
				if !errors.As(err, &list) || len(list) != 1 {
					t.Fatalf("want one Error, got %v", err)
				}
				kind := "deep"
				if strings.Contains(list[0].Msg, "values") {
					kind = "many"
				}
				got = fmt.Sprintf("%s:%d", kind, list[0].Line)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHostileNesting: the cases the reliability probe found, each under
// the 10 MiB cap, are refused with file:line before decoding. Before the
// check, the arrays overflowed the decoder's stack and the others ran for
// minutes.
func TestHostileNesting(t *testing.T) {
	deep := 20000
	cases := map[string]string{
		"arrays":        "a = " + strings.Repeat("[", 4_000_000) + strings.Repeat("]", 4_000_000) + "\n",
		"inline tables": "a = " + strings.Repeat("{b = ", deep) + "1" + strings.Repeat("}", deep) + "\n",
		"dotted keys":   strings.Repeat("a.", deep) + "a = 1\n",
		"table headers": "[" + strings.Repeat("a.", deep) + "a]\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			if len(src) > MaxSize {
				t.Fatalf("%d bytes: over the size cap, not a test of nesting", len(src))
			}
			_, err := Parse("deep.toml", []byte(src))
			want := fmt.Sprintf("deep.toml:1: nesting deeper than %d levels", MaxDepth)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("got %v, want %q...", err, want)
			}
		})
	}
}

func TestUnterminatedString(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"[article]\ntitle = \"x\"\ntext = '''\nabc\n\nmore\n[[facts]]\nid = \"x\"\n", "x.toml:3:8: this ''' string never ends: close it with '''"},
		{"a = \"\"\"\nabc\n", `x.toml:1:5: this """ string never ends: close it with """`},
		// An earlier mistake is reported where the decoder finds it.
		{"a = = 1\nb = '''\nopen\n", "x.toml:1:5:"},
		// A closed string is not blamed.
		{"a = '''\nok\n'''\nb = \"open\n", "x.toml:4:"},
	} {
		_, err := Parse("x.toml", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q...", tc.src, err, tc.want)
		}
	}
}

// FuzzCheckShape holds CheckShape to the decoder: whatever it lets through
// and the decoder accepts is at most MaxDepth deep, with at most MaxValues
// values. Seeds are the test banks and nesting at the limit.
func FuzzCheckShape(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.toml")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"a = " + strings.Repeat("[", MaxDepth-1) + "1" + strings.Repeat("]", MaxDepth-1),
		"a = " + strings.Repeat("{b = ", MaxDepth-1) + "1" + strings.Repeat("}", MaxDepth-1),
		strings.Repeat("a.", MaxDepth-1) + "a = 1",
		"[" + strings.Repeat("a.", MaxDepth-2) + "a]\nk = 1",
		"[[" + strings.Repeat("a.", MaxDepth-3) + "a]]\nk = [{x.y = [1]}]",
		"a = [[1], [[2]], {b = {c = [3]}}]\n\"q.q\".'r' = {s.t = 4}",
		"a = \"\"\"\n[[[\n\"\"\"\nb = '''{{'''",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if CheckShape("fuzz.toml", data) != nil {
			return
		}
		var raw map[string]any
		if _, err := toml.Decode(string(data), &raw); err != nil {
			return
		}
		depth, values := measure(raw, 0)
		if depth > MaxDepth || values > MaxValues {
			t.Fatalf("accepted %d deep with %d values", depth, values)
		}
	})
}

// measure returns how deep a decoded value nests below depth d and how
// many values (map entries and array elements) it holds.
func measure(v any, d int) (depth, values int) {
	depth = d
	add := func(e any) {
		dd, vv := measure(e, d+1)
		depth = max(depth, dd)
		values += 1 + vv
	}
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			add(e)
		}
	case []map[string]any:
		for _, e := range v {
			add(e)
		}
	case []any:
		for _, e := range v {
			add(e)
		}
	}
	return depth, values
}
