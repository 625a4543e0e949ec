//go:build ignore

// A failing child cancels its sibling. Go has no nurseries; the standard
// library's context, with a small errgroup-style group, plays the part:
// the first error cancels the context that the other goroutines watch,
// Wait waits for all of them and returns that error, and a deferred call
// does the cleanup that Trio's finally and Scheme's dynamic-wind do.
//
//	go run nursery-failure.go
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// group runs goroutines; the first one to fail cancels the others'
// context (golang.org/x/sync/errgroup, in a few lines).
type group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel context.CancelFunc
}

func withContext(ctx context.Context) (*group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &group{cancel: cancel}, ctx
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				g.cancel()
			})
		}
	}()
}

func (g *group) Wait() error {
	g.wg.Wait()
	g.cancel()
	return g.err
}

func main() {
	g, ctx := withContext(context.Background())
	g.Go(func() error { // the sibling
		fmt.Println("sibling: started")
		defer fmt.Println("sibling: cleaned up")
		select {
		case <-time.After(time.Second):
			fmt.Println("sibling: finished")
		case <-ctx.Done():
			return ctx.Err()
		}
		return nil
	})
	g.Go(func() error { // the child that fails
		time.Sleep(10 * time.Millisecond)
		fmt.Println("child: failing")
		return errors.New("child failed")
	})
	if err := g.Wait(); err != nil {
		fmt.Println("nursery failed:", err)
	}
	fmt.Println("done")
}
