package curate

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/quizcard/quizcard/generate/safefile"
)

// resolve returns the target with its path through any symbolic links:
// the real file is the one to lock, read and replace, so the link stays a
// link and the bank it points at gets the facts.
func (t Target) resolve() (Target, error) {
	real, err := filepath.EvalSymlinks(t.Path)
	if errors.Is(err, fs.ErrNotExist) {
		if st, lerr := os.Lstat(t.Path); lerr == nil && st.Mode()&fs.ModeSymlink != 0 {
			dest, _ := os.Readlink(t.Path)
			return t, fmt.Errorf("%s is a symbolic link to %s, which does not exist", t.Path, dest)
		}
		return t, nil // no file yet: add starts it (from Builtin)
	}
	if err != nil {
		return t, err
	}
	t.Path = real
	return t, nil
}

// WaitFor is how Add waits for another writer of the bank at path: after a
// second it says on w that it is waiting, and after max it gives up; max 0
// does not wait at all. (The zero Wait waits for ever.)
func WaitFor(path string, max time.Duration, w io.Writer) safefile.Wait {
	limit := max
	if max == 0 {
		limit = -1 // one try
	}
	return safefile.Wait{Max: limit, NotifyAfter: time.Second, Notify: func() {
		fmt.Fprintf(w, "waiting for another writer of %s to finish (up to %v; --wait changes that)...\n", path, max)
	}}
}
