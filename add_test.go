package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/quizcard/quizcard/generate/bank"
)

// quizcardCmd runs this test binary as the quizcard command, in a real
// process of its own.
func quizcardCmd(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "QUIZCARD_AS_MAIN=1", "QUIZCARD_BANK=")
	return cmd
}

// bankCopy puts the built-in bank in a fresh folder.
func bankCopy(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "questions.toml")
	if err := os.WriteFile(p, builtinBank, 0o640); err != nil {
		t.Fatal(err)
	}
	return p
}

// addArgs adds a valid fact with the given id.
func addArgs(path, id string) []string {
	return []string{"add", "--bank", path, "--kind", "who", "--id", id,
		"--ask", "Who never emerged from his room (" + id + ")?", "--answer", "rouhani",
		"--source", "Rouhani never emerged from his room."}
}

func TestAddConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	path := bankCopy(t, dir)
	var wg sync.WaitGroup
	errs := make([]error, 20)
	outs := make([][]byte, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = quizcardCmd(t, dir, addArgs(path, fmt.Sprintf("writer-%02d", i))...).CombinedOutput()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v\n%s", i, err, outs[i])
		}
	}
	b, err := bank.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if _, ok := b.Fact(fmt.Sprintf("writer-%02d", i)); !ok {
			t.Errorf("fact writer-%02d is missing", i)
		}
	}
	if len(b.Facts) != 46+20 {
		t.Errorf("%d facts, want %d", len(b.Facts), 46+20)
	}
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, builtinBank) {
		t.Error("the original bytes changed")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
}

// TestAddKilled kills a writer at random moments: the bank must always load,
// with the fact either wholly there or absent.
func TestAddKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("200 processes")
	}
	dir := t.TempDir()
	path := bankCopy(t, dir)
	// How long an add takes here, to spread the kills over its whole life.
	start := time.Now()
	if out, err := quizcardCmd(t, dir, addArgs(path, "timing")...).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	life := time.Since(start)
	rng := rand.New(rand.NewPCG(1, 2))
	present := 0
	for trial := range 200 {
		id := fmt.Sprintf("killed-%03d", trial)
		cmd := quizcardCmd(t, dir, addArgs(path, id)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(life) * 5 / 4)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		b, err := bank.Load(path)
		if err != nil {
			t.Fatalf("trial %d: the bank does not load after a kill: %v", trial, err)
		}
		if f, ok := b.Fact(id); ok {
			present++
			if f.Answer.Entity != "rouhani" || f.Source != "Rouhani never emerged from his room." {
				t.Fatalf("trial %d: fact half there: %+v", trial, f)
			}
		}
	}
	t.Logf("add took %v; the fact was written in %d of 200 kills", life, present)
	// The next writer clears what killed ones left behind.
	if out, err := quizcardCmd(t, dir, addArgs(path, "after")...).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, ".questions.toml.tmp-*")); len(temps) > 0 {
		t.Errorf("temporary files left: %v", temps)
	}
	if present == 0 || present == 200 {
		t.Errorf("kills all landed on one side (%d of 200 written): the test did not cover the write", present)
	}
}

// mount runs mount(8), or skips the test when this user may not.
func mount(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("mount", args...).CombinedOutput(); err != nil {
		t.Skipf("cannot mount here (%v): %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", args[len(args)-1]).Run() })
}

func TestAddReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	path := bankCopy(t, dir)
	mount(t, "--bind", "-o", "ro", dir, dir)
	out, err := quizcardCmd(t, dir, addArgs(path, "ro")...).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "read-only file system") {
		t.Fatalf("err = %v, output:\n%s", err, out)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, builtinBank) {
		t.Fatal("bank changed")
	}
}

func TestAddFullDisk(t *testing.T) {
	dir := t.TempDir()
	mount(t, "-t", "tmpfs", "-o", fmt.Sprintf("size=%dk", len(builtinBank)/1024+12), "tmpfs", dir)
	path := bankCopy(t, dir)
	// Fill the rest of the disk.
	filler, _ := os.Create(filepath.Join(dir, "filler"))
	filler.Write(make([]byte, 1<<20))
	filler.Close()
	out, err := quizcardCmd(t, dir, addArgs(path, "full")...).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no space left on device") {
		t.Fatalf("err = %v, output:\n%s", err, out)
	}
	if strings.Count(string(out), "\n") != 1 {
		t.Errorf("want one line of error, got:\n%s", out)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, builtinBank) {
		t.Fatal("bank changed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left %s behind", e.Name())
		}
	}
}

// TestAsk feeds the prompt answers, some wrong: each is refused on the spot
// with the bank's own message, and asked again.
func TestAsk(t *testing.T) {
	in := strings.Join([]string{
		"naive-quote",    // taken
		"Rouhani Repent", // not an id
		"rouhani-repent",
		"whom", // not a kind
		"who",
		"", // required
		"Who said talks are possible only if the U.S. “repents”?",
		"rohani", // unknown
		"rouhani",
		"talks are impossible", // not in the article
		"talks between Iran and the United States are possible only if the U.S. \"repents\"",
		"{answer} set conditions for talks.",
		"",              // explain: optional
		"rouhani",       // wrong = the answer
		"trump, macron", // wrong
		"",              // also
		"talks",
		"5", // difficulty out of range
		"2",
	}, "\n") + "\n"
	var out bytes.Buffer
	d, err := ask("questions.toml", builtinBank, bufio.NewReader(strings.NewReader(in)), &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := bank.Draft{ID: "rouhani-repent", Kind: "who", Ask: "Who said talks are possible only if the U.S. “repents”?",
		Answer: "rouhani", Source: "talks between Iran and the United States are possible only if the U.S. \"repents\"",
		Statement: "{answer} set conditions for talks.", Wrong: []string{"trump", "macron"}, Tags: []string{"talks"}, Difficulty: 2}
	if fmt.Sprint(d) != fmt.Sprint(want) {
		t.Errorf("draft\n got %+v\nwant %+v", d, want)
	}
	for _, msg := range []string{
		"duplicate id (first used at line",
		`id "Rouhani Repent" must be lower-case`,
		`unknown kind "whom"`,
		"ask is required",
		`answer "rohani" is not a known person`,
		"source excerpt is not in the article text",
		`wrong answer "Hassan Rouhani" is the right answer`,
		"difficulty is 1, 2 or 3",
		"one of: khamenei, macron, trump, rouhani",
	} {
		if !strings.Contains(out.String(), msg) {
			t.Errorf("prompt never said %q:\n%s", msg, out.String())
		}
	}
	// Ctrl-D stops without a draft.
	_, err = ask("questions.toml", builtinBank, bufio.NewReader(strings.NewReader("an-id\n")), &out)
	if err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("EOF: err = %v", err)
	}
}
