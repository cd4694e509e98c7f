import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JsonLogger } from './json-logger';

/** Global: provides the JsonLogger at the configured LOG_LEVEL (needs ConfigModule). */
@Global()
@Module({
  providers: [{ provide: JsonLogger, inject: [AppConfig], useFactory: (config: AppConfig): JsonLogger => new JsonLogger(config.logLevel) }],
  exports: [JsonLogger],
})
export class LoggingModule {}
