package roster

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: any input gives students or an error, never a panic; every
// student has a name and a unique id, and every message names the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"name,id,class\nAda,1,4B\n",
		"\ufeffNom;ID\r\nÉmilie;17\r\n",
		"Last name;First name;Number\nCurie;Marie;7\n",
		"name,id\n\"Smith, John\",\"a;1\"\n",
		"name,id\n\"unterminated,1\n",
		"name\tid\n\n\t\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Parse("f.csv", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.csv:") {
					t.Fatalf("message %q does not name the file", line)
				}
			}
			return
		}
		ids := map[string]bool{}
		for _, s := range got {
			if s.Name == "" || s.ID == "" || ids[s.ID] || !utf8.ValidString(s.Name) {
				t.Fatalf("bad student %+v in %q", s, data)
			}
			ids[s.ID] = true
		}
	})
}
