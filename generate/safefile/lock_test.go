//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLockWaitGivesUp: while another holds the lock, LockWith says it is
// waiting once NotifyAfter has passed, and gives up with ErrBusy at Max.
func TestLockWaitGivesUp(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bank.toml")
	unlock, err := Lock(p)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	var notifiedAt time.Duration
	start := time.Now()
	_, err = LockWith(p, Wait{Max: 300 * time.Millisecond, NotifyAfter: 100 * time.Millisecond, Notify: func() { notifiedAt = time.Since(start) }})
	took := time.Since(start)
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "gave up after 300ms") {
		t.Fatalf("err = %v", err)
	}
	if notifiedAt < 100*time.Millisecond || notifiedAt > took {
		t.Errorf("notified at %v, gave up at %v", notifiedAt, took)
	}
	if took < 300*time.Millisecond {
		t.Errorf("gave up after %v, before Max", took)
	}
	// A negative Max: one try.
	if _, err := LockWith(p, Wait{Max: -1}); !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "gave up after 0s") {
		t.Fatalf("err = %v", err)
	}
}

// TestLockFree: a free lock is taken at once, without a notice.
func TestLockFree(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bank.toml")
	unlock, err := LockWith(p, Wait{Max: -1, Notify: func() { t.Error("notified") }})
	if err != nil {
		t.Fatal(err)
	}
	unlock()
}

// TestLockNoFollow: a symbolic link planted where the lock file goes is
// refused; the file it points at is neither created nor truncated.
func TestLockNoFollow(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	if err := os.WriteFile(victim, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, ".bank.toml.lock")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	if err := os.Symlink(missing, filepath.Join(dir, ".other.toml.lock")); err != nil {
		t.Fatal(err)
	}
	_, err := Lock(filepath.Join(dir, "bank.toml"))
	if err == nil || !strings.Contains(err.Error(), "is a symbolic link") {
		t.Fatalf("err = %v", err)
	}
	if _, err := Lock(filepath.Join(dir, "other.toml")); err == nil {
		t.Fatal("locked through a dangling link")
	}
	if _, err := os.Lstat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock created %s through a link", missing)
	}
	if data, _ := os.ReadFile(victim); string(data) != "precious" {
		t.Errorf("victim changed to %q", data)
	}
}

// TestReadFileRefuses: only a regular file within the limit is read; a
// FIFO with no writer is refused at once instead of blocking.
func TestReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "bank.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, make([]byte, 2<<20+1), 0o644)
	ok := filepath.Join(dir, "ok.toml")
	os.WriteFile(ok, make([]byte, 2<<20), 0o644)
	for _, tc := range []struct{ path, want string }{
		{fifo, "not a regular file (a named pipe)"},
		{"/dev/zero", "not a regular file (a device)"},
		{dir, "not a regular file (a folder)"},
		{big, "bank is larger than 2 MiB"},
		{ok, ""},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := ReadFile(tc.path, "bank", 2<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("%s: err = %v, want %q", tc.path, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: ReadFile blocked", tc.path)
		}
	}
}

// TestWritable: a file no one may write is refused, even for root, who
// could write it anyway.
func TestWritable(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bank.toml")
	os.WriteFile(p, []byte("x"), 0o444)
	if err := Writable(p); err == nil || !strings.Contains(err.Error(), "is read-only") {
		t.Fatalf("err = %v", err)
	}
	os.Chmod(p, 0o644)
	if err := Writable(p); err != nil {
		t.Fatal(err)
	}
}
