package main

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// job is work the server repeats on its own while it runs: once at start,
// then every interval. run returns how much it did, for the log.
type job struct {
	name  string
	every time.Duration
	run   func(ctx context.Context) (int, error)
}

// ticker makes the ticks of one job; tests inject their own.
type ticker func(d time.Duration) (ticks <-chan time.Time, stop func())

func realTicker(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTicker(d)
	return t.C, t.Stop
}

// jobs runs jobs in the background until Stop.
type jobs struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// startJobs runs each job in its own goroutine, logging failures and work
// done. A run never overlaps the next one of the same job.
func startJobs(log *slog.Logger, tick ticker, list ...job) *jobs {
	ctx, cancel := context.WithCancel(context.Background())
	j := &jobs{cancel: cancel}
	for _, jb := range list {
		j.wg.Add(1)
		go func() {
			defer j.wg.Done()
			runJob(ctx, log, tick, jb)
		}()
	}
	return j
}

func runJob(ctx context.Context, log *slog.Logger, tick ticker, jb job) {
	ticks, stop := tick(jb.every)
	defer stop()
	for {
		n, err := jb.run(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.LogAttrs(ctx, slog.LevelError, "job failed", slog.String("job", jb.name),
				slog.String("err", err.Error()))
		case n > 0:
			log.LogAttrs(ctx, slog.LevelInfo, "job done", slog.String("job", jb.name),
				slog.Int("count", n))
		}
		select {
		case <-ctx.Done():
			return
		case <-ticks:
		}
	}
}

// Stop cancels the jobs' context and waits for the runs in progress to end.
// It may be called more than once.
func (j *jobs) Stop() {
	if j == nil {
		return
	}
	j.cancel()
	j.wg.Wait()
}
