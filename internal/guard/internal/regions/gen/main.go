// Command gen writes lexicon/regions.txt from package regions:
//
//	go generate ./internal/guard
package main

import (
	"fmt"
	"os"

	"github.com/briefhq/brief/internal/guard/internal/regions"
)

func main() {
	if err := os.WriteFile("lexicon/regions.txt", []byte(regions.Text()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
