// Package templates embeds the default brief kinds, so that `go install`
// gives a working tool; a folder given by --templates overrides them.
package templates

import "embed"

// FS holds one folder per brief kind (weekly/, points/), each with manifest.yaml
// and its section templates.
//
//go:embed all:weekly all:points all:_shared all:ru all:kk
var FS embed.FS
