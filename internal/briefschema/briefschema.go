// Package briefschema checks a brief.json or points.json against
// docs/brief.schema.json with github.com/santhosh-tekuri/jsonschema/v6
// (draft 2020-12, formats asserted). Tests hold every record they write
// to it (audit.Validate), and CI the records of real-data briefs
// (scripts/schemacheck); brief itself does not import it.
package briefschema

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/briefhq/brief/docs"
)

// URL is the schema's $id, under which it is compiled.
const URL = "https://github.com/briefhq/brief/docs/brief.schema.json"

var schema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(docs.BriefSchema))
	if err != nil {
		return nil, fmt.Errorf("docs/brief.schema.json: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(URL, doc); err != nil {
		return nil, fmt.Errorf("docs/brief.schema.json: %w", err)
	}
	s, err := c.Compile(URL)
	if err != nil {
		return nil, fmt.Errorf("docs/brief.schema.json: %w", err)
	}
	return s, nil
})

// Validate checks b, a brief.json or points.json, against the schema.
// The error lists every place that does not match, by JSON pointer.
func Validate(b []byte) error {
	s, err := schema()
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return s.Validate(v)
}
