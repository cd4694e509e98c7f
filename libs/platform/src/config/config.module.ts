import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';

@Global()
@Module({})
class GivenConfigModule {}

/** Global: provides the validated AppConfig built from process.env (start-up fails on bad values). */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: (): AppConfig => AppConfig.fromEnv() }],
  exports: [AppConfig],
})
export class ConfigModule {
  /** For tests and scripts: provide a config built elsewhere (e.g. `AppConfig.fromEnv({...})`). */
  static forConfig(config: AppConfig): DynamicModule {
    return { module: GivenConfigModule, global: true, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
