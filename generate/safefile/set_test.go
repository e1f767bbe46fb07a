package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// writeSet writes files named by the keys with their values as content.
func setJobs(files map[string]string) []Job {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var jobs []Job
	for _, n := range names {
		content := files[n]
		jobs = append(jobs, Job{Name: n, Write: func(w io.Writer) (string, error) {
			_, err := io.WriteString(w, content)
			return "", err
		}})
	}
	return jobs
}

// folder returns every entry of dir with its content.
func folder(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(data)
	}
	return out
}

func sameFolder(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := folder(t, dir)
	if len(got) != len(want) {
		t.Fatalf("folder holds %v, want %v", got, want)
	}
	for n, c := range want {
		if got[n] != c {
			t.Fatalf("folder holds %v, want %v", got, want)
		}
	}
}

var oldSet = map[string]string{"a.pdf": "old a", "b.pdf": "old b", "c.json": "old c"}
var newSet = map[string]string{"a.pdf": "new a", "b.pdf": "new b", "c.json": "new c"}

// failRename makes the n-th rename (1-based) from now fail, and every one
// after it succeed.
func failRename(t *testing.T, n int) {
	calls := 0
	rename = func(from, to string) error {
		calls++
		if calls == n {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("injected fault")}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { rename = os.Rename })
}

// TestSetRenameFails: a rename failing part-way leaves the old set, every
// file of it, and nothing else; the error names the user's file.
func TestSetRenameFails(t *testing.T) {
	for n := 1; n <= 3; n++ {
		dir := t.TempDir()
		if _, _, err := WriteJobs(dir, setJobs(oldSet)); err != nil {
			t.Fatal(err)
		}
		failRename(t, n)
		_, _, err := WriteJobs(dir, setJobs(newSet))
		if err == nil || !strings.Contains(err.Error(), "no file of the set was changed") || strings.Contains(err.Error(), ".tmp-") {
			t.Fatalf("rename %d fails: err = %v", n, err)
		}
		sameFolder(t, dir, oldSet)
	}
}

// TestSetRenameFailsNewFiles: the same with no old set: none appears.
func TestSetRenameFailsNewFiles(t *testing.T) {
	dir := t.TempDir()
	failRename(t, 3)
	if _, _, err := WriteJobs(dir, setJobs(newSet)); err == nil {
		t.Fatal("no error")
	}
	sameFolder(t, dir, map[string]string{})
}

// TestSetNoBackups: where no backup can be made (a file system without
// hard links) a failed set is finished by the next run instead.
func TestSetNoBackups(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := WriteJobs(dir, setJobs(oldSet)); err != nil {
		t.Fatal(err)
	}
	link = func(string, string) error { return errors.New("no hard links here") }
	defer func() { link = os.Link }()
	failRename(t, 2)
	_, _, err := WriteJobs(dir, setJobs(newSet))
	if err == nil || !strings.Contains(err.Error(), "the next run in") {
		t.Fatalf("err = %v", err)
	}
	rename = os.Rename
	// The next run fails itself, but first puts the interrupted set in place.
	bad := Job{Name: "a.pdf", Write: func(io.Writer) (string, error) { return "", errors.New("render failed") }}
	if _, _, err := WriteJobs(dir, []Job{bad}); err == nil {
		t.Fatal("no error")
	}
	sameFolder(t, dir, newSet)
}

// errKilled stands for the process being killed.
var errKilled = errors.New("killed")

// TestSetKilledMidway: a run killed between two renames leaves a mix on
// disk for a moment; the next run in the folder finishes the set before
// anything else, and clears what the killed run left.
func TestSetKilledMidway(t *testing.T) {
	for n := 2; n <= 3; n++ {
		dir := t.TempDir()
		if _, _, err := WriteJobs(dir, setJobs(oldSet)); err != nil {
			t.Fatal(err)
		}
		calls := 0
		rename = func(from, to string) error {
			if calls++; calls == n { // killed before the n-th rename
				panic(errKilled)
			}
			return os.Rename(from, to)
		}
		t.Cleanup(func() { rename = os.Rename })
		func() {
			defer func() {
				if r := recover(); r != errKilled {
					t.Fatalf("recovered %v", r)
				}
			}()
			WriteJobs(dir, setJobs(newSet))
		}()
		rename = os.Rename
		if got := folder(t, dir); got["a.pdf"] != "new a" || got["c.json"] != "old c" || got[".quizcard-commit"] == "" {
			t.Fatalf("the kill did not land between renames: %v", got)
		}
		bad := Job{Name: "other.txt", Write: func(io.Writer) (string, error) { return "", errors.New("render failed") }}
		if _, _, err := WriteJobs(dir, []Job{bad}); err == nil {
			t.Fatal("no error")
		}
		sameFolder(t, dir, newSet)
	}
}

// TestSetCleansStale: temporary files and backups that killed runs left
// beside the files a run writes are removed; other files stay.
func TestSetCleansStale(t *testing.T) {
	dir := t.TempDir()
	stale := []string{".a.pdf.tmp-123", ".a.pdf.old-456", ".c.json.tmp-9", "..quizcard-commit.tmp-77"}
	keep := map[string]string{".notes.txt.tmp-1": "not ours", "notes.txt": "mine"}
	for _, n := range stale {
		os.WriteFile(filepath.Join(dir, n), []byte("stale"), 0o644)
	}
	for n, c := range keep {
		os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644)
	}
	if _, _, err := WriteJobs(dir, setJobs(newSet)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for n, c := range newSet {
		want[n] = c
	}
	for n, c := range keep {
		want[n] = c
	}
	sameFolder(t, dir, want)
}

// TestJobPanics: a job that panics fails the set; nothing is written or
// left behind.
func TestJobPanics(t *testing.T) {
	dir := t.TempDir()
	jobs := setJobs(newSet)
	jobs[1].Write = func(w io.Writer) (string, error) {
		io.WriteString(w, "half")
		var s []string
		return s[3], nil
	}
	_, _, err := WriteJobs(dir, jobs)
	if err == nil || !strings.Contains(err.Error(), "write b.pdf: internal error") {
		t.Fatalf("err = %v", err)
	}
	sameFolder(t, dir, map[string]string{})
}

// TestWriteErrorNamesDestination: a failed write names the file the user
// asked for, not the temporary file.
func TestWriteErrorNamesDestination(t *testing.T) {
	dir := t.TempDir()
	p, err := Create(filepath.Join(dir, "quiz-key.pdf"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Abort()
	p.File.Close() // the next write fails
	_, err = destWriter{p}.Write([]byte("x"))
	if err == nil || !strings.HasPrefix(err.Error(), "write "+filepath.Join(dir, "quiz-key.pdf")+": ") || strings.Contains(err.Error(), ".tmp-") {
		t.Fatalf("err = %v", err)
	}
}
