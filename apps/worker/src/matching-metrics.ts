import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { matchingSolverCounters } from '@tandem/features';
import { Metrics } from '@tandem/platform';
import { Counter } from 'prom-client';

/** The matching solver's own counters (runs answered without the exact solver) as Prometheus counters. */
@Injectable()
export class MatchingMetrics implements OnApplicationBootstrap {
  constructor(private readonly metrics: Metrics) {}

  onApplicationBootstrap(): void {
    const counter = (name: string, help: string, read: () => number): void => {
      new Counter({
        name,
        help,
        registers: [this.metrics.registry],
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    };
    counter(
      'tandem_matching_heuristic_solves_total',
      'Matching runs answered by the heuristic because the exact solver (HiGHS) was not at hand: not proven optimal.',
      () => matchingSolverCounters.heuristicSolves,
    );
    counter(
      'tandem_matching_solver_load_failures_total',
      'Times HiGHS failed to load on a matching solver thread.',
      () => matchingSolverCounters.linearSolverLoadFailures,
    );
  }
}
