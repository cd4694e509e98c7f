import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { PasswordHasher } from './password-hasher';
import { TenantContextInterceptor } from './tenant-context.interceptor';
import { TokenService } from './token.service';

/**
 * Registers the global AuthGuard and TenantContextInterceptor and provides PasswordHasher and
 * TokenService. Needs AppConfig (import ConfigModule once in the app).
 */
@Global()
@Module({
  providers: [
    PasswordHasher,
    TokenService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
  ],
  exports: [PasswordHasher, TokenService],
})
export class PlatformAuthModule {}
