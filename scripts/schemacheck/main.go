// Command schemacheck checks brief.json and points.json files against
// docs/brief.schema.json, as CI does for the briefs of real data:
//
//	go run ./scripts/schemacheck FILE...
//
// It prints each file that does not match with every place that does not,
// and exits 1 if any does not.
package main

import (
	"fmt"
	"os"

	"github.com/briefhq/brief/internal/briefschema"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: schemacheck brief.json...")
		os.Exit(2)
	}
	bad := 0
	for _, f := range os.Args[1:] {
		b, err := os.ReadFile(f)
		if err == nil {
			err = briefschema.Validate(b)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", f, err)
			bad++
		}
	}
	if bad > 0 {
		fmt.Fprintf(os.Stderr, "%d of %d files do not match docs/brief.schema.json\n", bad, len(os.Args)-1)
		os.Exit(1)
	}
	fmt.Printf("%d files match docs/brief.schema.json\n", len(os.Args)-1)
}
