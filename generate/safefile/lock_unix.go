//go:build unix

package safefile

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// A lock is an open lock file, locked with flock.
type lock struct{ f *os.File }

// openLock opens (creating) the lock file, never through a symbolic link:
// a link planted there must not make the lock create or truncate a file
// elsewhere.
func openLock(name string) (lock, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
	if errors.Is(err, syscall.ELOOP) {
		return lock{}, fmt.Errorf("%s is a symbolic link; a lock file must be a plain file: remove it", name)
	}
	if err != nil {
		return lock{}, unwrapPath(err)
	}
	return lock{f}, nil
}

// try takes the lock if it is free.
func (l lock) try() (bool, error) {
	for {
		err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch err {
		case nil:
			return true, nil
		case syscall.EWOULDBLOCK:
			return false, nil
		case syscall.EINTR:
			continue
		}
		return false, err
	}
}

func (l lock) release() {
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}

func (l lock) close() { l.f.Close() }

// openDirLock opens the folder itself to lock it: no lock file is left in
// a folder of output files.
func openDirLock(dir string) (lock, error) {
	f, err := os.Open(dir)
	if err != nil {
		return lock{}, unwrapPath(err)
	}
	return lock{f}, nil
}
