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

// keys returns n assignments k0 = 1, k1 = 1, ... joined by sep (and
// ended by it when it is a newline).
func keys(prefix string, n int, sep string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		fmt.Fprintf(&b, "%s%d = 1", prefix, i)
	}
	if sep == "\n" {
		b.WriteString(sep)
	}
	return b.String()
}

// dottedKeys returns n lines a0.b.c = 1, a1.b.c = 1, ...
func dottedKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%d.b.c = 1\n", i)
	}
	return b.String()
}

// headers returns n table headers with distinct names.
func headers(prefix string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[%s%d]\n", prefix, i)
	}
	return b.String()
}

// TestCheckShape: depth, values, tables and keys per table worked out by
// hand, at the limits.
func TestCheckShape(t *testing.T) {
	nest := func(open, inner, close string, n int) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
	}
	dotted := func(n int) string { return strings.TrimSuffix(strings.Repeat("a.", n), ".") }
	for _, tc := range []struct {
		name, src string
		want      string // "" accepted, or "deep:LINE", "many:LINE", "tables:LINE", "keys:LINE"
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
		{"keys at the limit", keys("k", MaxKeys, "\n"), ""},
		{"keys one too many", keys("k", MaxKeys+1, "\n"), fmt.Sprintf("keys:%d", MaxKeys+1)},
		{"keys of an inline table", "a = {" + keys("k", MaxKeys+1, ", ") + "}\n", "keys:1"},
		{"keys count per table", "[a]\n" + keys("k", MaxKeys, "\n") + "[b]\n" + keys("k", MaxKeys, "\n"), ""},
		{"table names are top-level keys", headers("t", MaxKeys), ""},
		{"table names one too many", headers("t", MaxKeys+1), fmt.Sprintf("keys:%d", MaxKeys+1)},
		{"a table name counts once", strings.Repeat("[[facts]]\nk = 1\n", MaxKeys+5), ""},
		{"tables at the limit", strings.Repeat("[[f]]\n", MaxTables), ""},
		{"tables one too many", strings.Repeat("[[f]]\n", MaxTables+1), fmt.Sprintf("tables:%d", MaxTables+1)},
		{"inline tables one too many", "a = [" + strings.Repeat("{},", MaxTables+1) + "]\n", "tables:1"},
		// Each block: a header (1 table) and 99 keys a0.b.c ... (2 each):
		// block 126 starts at line 12,501 with 24,876 tables; its 63rd key
		// (line 12,564) makes 25,002.
		{"dotted keys make tables", strings.Repeat("[[f]]\n"+dottedKeys(99), 130), "tables:12564"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if err := CheckShape("x.toml", []byte(tc.src)); err != nil {
				var list ErrorList
				if !errors.As(err, &list) || len(list) != 1 {
					t.Fatalf("want one Error, got %v", err)
				}
				kind := "deep"
				switch {
				case strings.Contains(list[0].Msg, "values"):
					kind = "many"
				case strings.Contains(list[0].Msg, "tables ("):
					kind = "tables"
				case strings.Contains(list[0].Msg, "keys in one table"):
					kind = "keys"
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
// values and MaxTables tables. Seeds are the test banks and nesting at the
// limit.
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
		depth, values, tables := measure(raw, 0)
		if depth > MaxDepth || values > MaxValues || tables-1 > MaxTables {
			t.Fatalf("accepted %d deep with %d values and %d tables", depth, values, tables-1)
		}
	})
}

// measure returns how deep a decoded value nests below depth d, how many
// values (map entries and array elements) and how many tables (maps, v
// included) it holds.
func measure(v any, d int) (depth, values, tables int) {
	depth = d
	add := func(e any) {
		dd, vv, tt := measure(e, d+1)
		depth = max(depth, dd)
		values += 1 + vv
		tables += tt
	}
	switch v := v.(type) {
	case map[string]any:
		tables++
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
	return depth, values, tables
}
