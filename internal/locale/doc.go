// Package locale holds the words and conventions of each language a brief
// is written in — numbers, money, plurals, dates, quotes, lists, ordinals,
// noun forms and agreement — as data files (data/*.yaml), so that a
// language is added by a file. README.md lists the API, the choices made
// for Russian and Kazakh, and the English literals still in Go.
package locale
