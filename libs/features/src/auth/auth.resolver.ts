import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public, type Principal } from '@tandem/platform';
import { AuthService, type MyMembership } from './auth.service';
import { AuthPayloadType, LoginInput, MeType, MyMembershipType } from './auth.types';
import type { AuthPayload, Me } from './me';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadType, {
    description: 'Log in with email and password. With several hubs, tenantSlug picks one (else the widest role wins). Platform admins log in outside any hub unless they name one.',
  })
  login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.auth.login({ ...input });
  }

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Exchange a refresh token for a new pair. Each refresh token works once; a reused one ends the session.' })
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
