package main

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	// Tests that need real, separate processes run this test binary as the
	// command (see quizcardCmd).
	if os.Getenv("QUIZCARD_AS_MAIN") == "1" {
		os.Exit(run(os.Args, os.Stdout, os.Stderr))
	}
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"quizcard": func() int { return run(os.Args, os.Stdout, os.Stderr) },
		// prefix A B: B starts with every byte of A.
		"prefix": func() int {
			a, err1 := os.ReadFile(os.Args[1])
			b, err2 := os.ReadFile(os.Args[2])
			if err1 != nil || err2 != nil || !bytes.HasPrefix(b, a) {
				fmt.Fprintf(os.Stderr, "%s does not start with %s\n", os.Args[2], os.Args[1])
				return 1
			}
			return 0
		},
	}))
}

// TestScripts runs the command-line scenarios in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("QUIZCARD_BANK", "")
			return nil
		},
	})
}
