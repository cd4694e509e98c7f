import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public, SourceAddress, type Principal } from '@tandem/platform';
import { AuthService, type MyMembership } from './auth.service';
import { AuthPayloadType, ChangePasswordInput, LoginInput, MeType, MyMembershipType, ResetPasswordInput } from './auth.types';
import { PasswordService } from './password.service';
import type { AuthPayload, Me } from './me';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadType, {
    description:
      'Log in with email and password. With several hubs, tenantSlug picks one (else the widest role wins). Platform admins log in outside any hub unless they name one.',
  })
  login(@Args('input') input: LoginInput, @SourceAddress() source: string | null): Promise<AuthPayload> {
    return this.auth.login({ ...input }, source);
  }

  @Mutation(() => Boolean, {
    description: 'Change your password (give the current one). Every other session of yours ends; this one stays.',
  })
  changePassword(
    @CurrentPrincipal() p: Principal,
    @Args('input') input: ChangePasswordInput,
    @SourceAddress() source: string | null,
  ): Promise<boolean> {
    return this.passwords.change(p, { ...input }, source);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Email a password-reset link to this address if it has an account. Always true: the answer says nothing about which addresses exist.',
  })
  requestPasswordReset(@Args('email', { type: () => String }) email: string, @SourceAddress() source: string | null): Promise<boolean> {
    return this.passwords.requestReset({ email }, source);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Set a new password with the token from a reset email (works once). Ends every session and lifts a log-in block.',
  })
  resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    return this.passwords.reset({ ...input });
  }

  @Public()
  @Mutation(() => AuthPayloadType, {
    description: 'Exchange a refresh token for a new pair. Each refresh token works once; a reused one ends the session.',
  })
  refreshSession(@Args('refreshToken', { type: () => String }) refreshToken: string): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'End the session of this refresh token. True if it was still active.' })
  logout(@Args('refreshToken', { type: () => String }) refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  @Query(() => MeType)
  me(@CurrentPrincipal() p: Principal): Promise<Me> {
    return this.auth.me(p);
  }

  @Query(() => [MyMembershipType], { description: 'Your active memberships in every hub (to offer a switch).' })
  myMemberships(@CurrentPrincipal() p: Principal): Promise<MyMembership[]> {
    return this.auth.myMemberships(p);
  }

  @Mutation(() => AuthPayloadType, {
    description: 'Act in another of your memberships: a new session there. Pass the current refreshToken to end the session you leave.',
  })
  switchMembership(
    @CurrentPrincipal() p: Principal,
    @Args('membershipId', { type: () => ID }) membershipId: string,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string | null,
  ): Promise<AuthPayload> {
    return this.auth.switchMembership(p, membershipId, refreshToken);
  }
}
