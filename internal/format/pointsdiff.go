package format

// PointsDiff is the change between two percentages in percentage points
// as ChangeLabel says it: the difference of the two figures as printed
// with decimals (13.4% and 19.7% differ by 6.3 points, whatever the data's
// 13.43 and 19.67 make), signed, and the places to print it with. The
// brief's other languages write it with their own words and separators,
// so that "down 6.3 percentage points" is «−6,3 п. п.», never «−6,2».
func PointsDiff(cur, prev float64, decimals int) (diff float64, places int) {
	diff, places = printedDiff(cur, prev, percentPrinter, decimals)
	if padded(decimals) {
		places, _ = placesOf(decimals, false)
	}
	return diff, places
}
