package main

import (
	"os"
	"strings"
	"testing"
)

// TestSnippetMatchesREADME keeps the README's embedding snippet identical to
// this compiled program, from its package clause on.
func TestSnippetMatchesREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const heading = "## Embedding the library\n\n```go\n"
	_, after, ok := strings.Cut(string(readme), heading)
	if !ok {
		t.Fatalf("README.md has no %q section with a Go block", "Embedding the library")
	}
	snippet, _, ok := strings.Cut(after, "```\n")
	if !ok {
		t.Fatal("README.md: the embedding snippet's code block is not closed")
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	_, program, ok := strings.Cut(string(src), "\npackage main\n")
	if !ok {
		t.Fatal("main.go has no package clause")
	}
	if want := "package main\n" + program; snippet != want {
		t.Errorf("README.md's embedding snippet differs from examples/readme/main.go;"+
			" copy main.go from its package clause into the README.\nREADME:\n%s\nmain.go:\n%s",
			snippet, want)
	}
}
