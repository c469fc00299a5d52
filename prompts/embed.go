// Package prompts embeds the default LLM prompt templates of the polish;
// a folder given by --prompts or the config's prompts: key overrides them.
package prompts

import "embed"

// FS holds polish-system.tmpl and polish-user.tmpl.
//
//go:embed *.tmpl
var FS embed.FS
