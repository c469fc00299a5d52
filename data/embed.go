// Package data embeds the sample dataset, so that `brief init` can give a
// new project a dataset that works as it is.
package data

import "embed"

// FS holds the sample's observations, catalogs, events and README.
//
//go:embed observations.csv indicators.yaml entities.yaml events.csv README.md
var FS embed.FS
