// Package format writes numbers, units, changes, lists and dates as English
// words the way a careful analyst writes them in a brief.
//
// Every function is pure and deterministic. Numbers are rounded half away
// from zero on their shortest decimal representation, so a value written as
// 1.25 in the data is "1.3" to one decimal, as a person would round it, and
// "-0" is never printed. A decimals argument below zero asks for automatic
// precision; the rules are given with each function.
package format
