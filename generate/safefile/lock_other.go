//go:build !unix

package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Lock takes an exclusive lock for updating path, waiting for other
// holders. Without flock, the lock is a file created exclusively; a holder
// that crashed leaves it behind, and it is taken over after a minute.
func Lock(path string) (unlock func(), err error) {
	name := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(name) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", path, unwrapPath(err))
		}
		if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > time.Minute {
			os.Remove(name)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
