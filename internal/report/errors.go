package report

import "errors"

var errNoPDF = errors.New("PDF output is not available yet: use --format md,json")
