package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bank.toml")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	data, _ := os.ReadFile(p)
	if string(data) != "new" || st.Mode().Perm() != 0o600 {
		t.Fatalf("got %q mode %v", data, st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left %d files behind", len(entries))
	}
}

func TestWriteAllNothingOnFailure(t *testing.T) {
	// A missing folder fails even for root, who ignores permissions.
	dir := t.TempDir()
	good := filepath.Join(dir, "a.pdf")
	os.WriteFile(good, []byte("old"), 0o644)
	err := WriteAll([]File{{good, []byte("new")}, {filepath.Join(dir, "missing", "b.pdf"), []byte("x")}}, 0o644)
	if err == nil || !strings.Contains(err.Error(), "missing/b.pdf") {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(good); string(data) != "old" {
		t.Fatalf("a.pdf changed to %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left temporary files: %v", entries)
	}
}

func TestLockSerialises(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bank.toml")
	unlock, err := Lock(p)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan bool)
	go func() {
		u, err := Lock(p)
		if err != nil {
			t.Error(err)
		}
		got <- true
		u()
	}()
	select {
	case <-got:
		t.Fatal("second Lock did not wait")
	case <-time.After(50 * time.Millisecond):
	}
	unlock()
	select {
	case <-got:
	case <-time.After(5 * time.Second):
		t.Fatal("second Lock never got the lock")
	}
}

func TestWriteJobs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	ok := func(s string) Job {
		return Job{Name: s, Write: func(w io.Writer) (string, error) { _, err := io.WriteString(w, s); return "note " + s, err }}
	}
	paths, notes, err := WriteJobs(dir, []Job{ok("a.txt"), ok("b.txt")})
	if err != nil || len(paths) != 2 || notes[1] != "note b.txt" {
		t.Fatalf("%v %v %v", paths, notes, err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "b.txt")); string(data) != "b.txt" {
		t.Fatalf("b.txt = %q", data)
	}
	// One job fails: no file changes, no temporary file stays.
	bad := Job{Name: "c.txt", Write: func(w io.Writer) (string, error) { return "", errors.New("render failed") }}
	if _, _, err := WriteJobs(dir, []Job{{Name: "a.txt", Write: func(w io.Writer) (string, error) { _, err := io.WriteString(w, "new"); return "", err }}, bad}); err == nil {
		t.Fatal("no error")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(data) != "a.txt" {
		t.Fatalf("a.txt changed to %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("files left: %v", entries)
	}
}
