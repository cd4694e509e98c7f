import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, RunningClock, SystemClock } from '@tandem/domain';
import type { AppConfig } from '../config/app-config';

/**
 * Global: the one `Clock` every service, job and transaction asks for the time: the clock the app
 * was given (tests share one `ManualClock` between API and worker), else the machine's, started
 * from TANDEM_CLOCK_START when a test set it for a process of its own.
 */
@Global()
@Module({})
export class ClockModule {
  static forRoot(config: AppConfig, given?: Clock): DynamicModule {
    const clock = given ?? (config.clockStart ? new RunningClock(config.clockStart) : new SystemClock());
    return ClockModule.forClock(clock);
  }

  static forClock(clock: Clock): DynamicModule {
    return { module: ClockModule, global: true, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
