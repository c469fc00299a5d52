package batch

import (
	"context"
	"sync"
)

// Failure is a unit whose brief could not be made.
type Failure struct {
	Unit Unit
	Err  error
}

// Run calls do for every unit with at most jobs at a time, and done after
// each (for a progress bar). A failing unit does not stop the others;
// cancelling ctx stops starting new ones. Failures come back in unit order.
func Run(ctx context.Context, units []Unit, jobs int, do func(context.Context, Unit) error, done func()) []Failure {
	if jobs < 1 {
		jobs = 1
	}
	errs := make([]error, len(units))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = do(ctx, units[i])
				if done != nil {
					done()
				}
			}
		}()
	}
feed:
	for i := range units {
		select {
		case next <- i:
		case <-ctx.Done():
			for j := i; j < len(units); j++ {
				errs[j] = ctx.Err()
			}
			break feed
		}
	}
	close(next)
	wg.Wait()
	var out []Failure
	for i, err := range errs {
		if err != nil {
			out = append(out, Failure{Unit: units[i], Err: err})
		}
	}
	return out
}
