import { Module } from '@nestjs/common';
import { AuthResolver } from './auth.resolver';
import { PasswordService } from './password.service';
import { AuthService } from './auth.service';
import { Credentials } from './credentials';
import { LoginThrottle } from './login-throttle';
import { PlatformSessionRepository, RefreshSessionRepository } from './session.repository';
import { SessionService } from './session.service';

/**
 * Log-in, refresh (rotation with reuse detection), log-out, `me`, and switching memberships.
 * Exports what invitation acceptance needs to log the invitee in.
 */
@Module({
  providers: [
    Credentials,
    LoginThrottle,
    RefreshSessionRepository,
    PlatformSessionRepository,
    SessionService,
    AuthService,
    PasswordService,
    AuthResolver,
  ],
  exports: [Credentials, LoginThrottle, SessionService],
})
export class AuthModule {}
