package format

import "testing"

// The points PointsDiff gives are those ChangeLabel prints.
func TestPointsDiff(t *testing.T) {
	for _, tt := range []struct {
		cur, prev float64
		d         int
		diff      float64
		places    int
	}{
		{13.43, 19.67, 1, -6.3, 1}, // printed 13.4% and 19.7%; the data differ by 6.24
		{2.075, 2.026, 3, 0.049, 3},
		{1.8954, 1.8946, 3, 0, 3}, // both print 1.895%: little changed
	} {
		diff, places := PointsDiff(tt.cur, tt.prev, tt.d)
		if diff != tt.diff || places != tt.places {
			t.Errorf("PointsDiff(%v, %v, %d) = %v, %d; want %v, %d", tt.cur, tt.prev, tt.d, diff, places, tt.diff, tt.places)
		}
	}
}
