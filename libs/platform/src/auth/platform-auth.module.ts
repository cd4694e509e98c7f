import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { LinkTokens } from './link-tokens';
import { PasswordHasher } from './password-hasher';
import { SessionLiveness } from './session-liveness';
import { TenantContextInterceptor } from './tenant-context.interceptor';
import { TokenService } from './token.service';

/**
 * Registers the global AuthGuard and TenantContextInterceptor and provides PasswordHasher,
 * TokenService and LinkTokens. Needs AppConfig (import ConfigModule once in the app).
 */
@Global()
@Module({
  providers: [
    PasswordHasher,
    TokenService,
    LinkTokens,
    SessionLiveness,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
  ],
  exports: [PasswordHasher, TokenService, LinkTokens, SessionLiveness],
})
export class PlatformAuthModule {}
