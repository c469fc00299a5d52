// Package docs holds brief's documentation; BriefSchema is the JSON
// Schema of brief.json (brief.schema.json), for the checks that hold the
// records brief writes to it.
package docs

import _ "embed"

// BriefSchema is brief.schema.json: the JSON Schema (draft 2020-12) of
// brief.json and points.json.
//
//go:embed brief.schema.json
var BriefSchema []byte
