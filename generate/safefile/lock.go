package safefile

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"
)

// ErrBusy is returned (wrapped) by LockWith when another holder kept the
// lock for longer than the caller would wait.
var ErrBusy = errors.New("another process holds the lock")

// A Wait says how LockWith waits for a lock another process holds: Notify,
// if set, is called once the lock has been busy for NotifyAfter, and after
// Max it gives up with ErrBusy. Max 0 (the zero Wait) waits for ever; a
// negative Max tries once.
type Wait struct {
	Max         time.Duration
	NotifyAfter time.Duration
	Notify      func()
}

// Lock takes an exclusive lock for updating path, waiting as long as it
// takes for other holders (in this or other processes) to let go. See
// LockWith.
func Lock(path string) (unlock func(), err error) {
	return LockWith(path, Wait{})
}

// LockWith takes an exclusive lock for updating path, waiting for other
// holders as w says. The lock lives in a separate file beside path,
// ".NAME.lock", because path itself is replaced on every write; it is
// never opened through a symbolic link. Call unlock when done; the lock
// also ends with the process, so a killed writer never leaves it held.
func LockWith(path string, w Wait) (unlock func(), err error) {
	name := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
	unlock, err = lockFile(name, w)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return unlock, nil
}

// lockFile takes the lock file name, polling while another holds it.
func lockFile(name string, w Wait) (unlock func(), err error) {
	l, err := openLock(name)
	if err != nil {
		return nil, err
	}
	return l.wait(name, w)
}

// wait polls the lock until it is free or w gives up.
func (l lock) wait(name string, w Wait) (unlock func(), err error) {
	start := time.Now()
	delay := 2 * time.Millisecond
	notified := w.Notify == nil
	for {
		ok, err := l.try()
		if err != nil {
			l.close()
			return nil, err
		}
		if ok {
			return l.release, nil
		}
		waited := time.Since(start)
		if w.Max != 0 && waited >= w.Max {
			l.close()
			return nil, fmt.Errorf("%w (%s); gave up after %v", ErrBusy, filepath.Base(name), max(w.Max, 0))
		}
		if !notified && waited >= w.NotifyAfter {
			notified = true
			w.Notify()
		}
		sleep := delay
		if w.Max > 0 {
			sleep = min(sleep, w.Max-waited)
		}
		time.Sleep(sleep)
		delay = min(2*delay, 50*time.Millisecond)
	}
}
