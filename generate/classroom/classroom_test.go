package classroom

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/quizcard/quizcard/generate/quiz"
)

func TestVersions(t *testing.T) {
	for _, tc := range []struct {
		s, roster string
		want      int
		err       string
	}{
		{"3", "", 3, ""},
		{"per-student", "class.csv", PerStudent, ""},
		{"per-student", "", 0, "--versions per-student needs --roster"},
		{"two", "", 0, `--versions takes a number or per-student, not "two"`},
	} {
		n, err := Versions(tc.s, tc.roster)
		if n != tc.want || (err == nil) != (tc.err == "") || err != nil && err.Error() != tc.err {
			t.Errorf("Versions(%q, %q) = %d, %v; want %d, %q", tc.s, tc.roster, n, err, tc.want, tc.err)
		}
	}
}

// TestReadCopies: sheets come with a roster unless turned off, and
// per-student makes as many versions as students.
func TestReadCopies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "class.csv")
	os.WriteFile(path, []byte("name,id\nAda,1\nAlan,2\nGrace,3\n"), 0o644)
	for _, tc := range []struct {
		path              string
		sheets, sheetsSet bool
		versions          int
		wantSheets        bool
		wantVersions      int
	}{
		{path, false, false, PerStudent, true, 3},
		{path, false, true, 2, false, 2},
		{"", true, true, 1, true, 1},
		{"", false, false, 1, false, 1},
	} {
		opt := quiz.Options{Versions: tc.versions}
		c, err := ReadCopies(tc.path, tc.sheets, tc.sheetsSet, &opt)
		if err != nil {
			t.Fatal(err)
		}
		if c.Sheets != tc.wantSheets || opt.Versions != tc.wantVersions {
			t.Errorf("%+v: sheets %v, versions %d", tc, c.Sheets, opt.Versions)
		}
	}
}
