//go:build !unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// A lock is a lock file created exclusively (there is no flock). A holder
// that crashed leaves it behind, and it is taken over after a minute.
type lock struct{ name string }

func openLock(name string) (lock, error) { return lock{name}, nil }

// try takes the lock if it is free.
func (l lock) try() (bool, error) {
	f, err := os.OpenFile(l.name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err == nil {
		f.Close()
		return true, nil
	}
	if !errors.Is(err, fs.ErrExist) {
		return false, unwrapPath(err)
	}
	if st, err := os.Lstat(l.name); err == nil && time.Since(st.ModTime()) > time.Minute {
		os.Remove(l.name)
	}
	return false, nil
}

func (l lock) release() { os.Remove(l.name) }

func (l lock) close() {}

// openDirLock locks a folder with a lock file in it.
func openDirLock(dir string) (lock, error) {
	return lock{filepath.Join(dir, ".quizcard.lock")}, nil
}
