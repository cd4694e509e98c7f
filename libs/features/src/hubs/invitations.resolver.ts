import { Clock } from '@tandem/domain';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Invitation } from '@tandem/persistence';
import { CurrentPrincipal, Public, type Connection, type Principal } from '@tandem/platform';
import { AuthPayloadType, type AuthPayload } from '@tandem/features/auth';
import { invitationState } from './invitation-rules';
import {
  AcceptInvitationInput,
  InvitationConnection,
  InvitationPreviewType,
  InvitationsArgs,
  InvitationStateValue,
  InvitationType,
  InviteUserInput,
} from './invitation.types';
import { InvitationsService, type InvitationPreview } from './invitations.service';

@Resolver(() => InvitationType)
export class InvitationsResolver {
  constructor(
    private readonly clock: Clock,
    private readonly service: InvitationsService,
  ) {}

  @Mutation(() => InvitationType, {
    description:
      'Invite someone by email. Hub admins invite any role; coordinators invite staff of schools in their cluster and employer contacts.',
  })
  inviteUser(@CurrentPrincipal() p: Principal, @Args('input') input: InviteUserInput): Promise<Invitation> {
    return this.service.invite(p, { ...input });
  }

  @Mutation(() => InvitationType, { description: 'Withdraw an invitation: its link stops working.' })
  revokeInvitation(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Invitation> {
    return this.service.revoke(p, id);
  }

  @Mutation(() => InvitationType, {
    description: 'Send a fresh invitation (new link and expiry) to the same person; the old one is revoked.',
  })
  resendInvitation(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Invitation> {
    return this.service.resend(p, id);
  }

  @Query(() => InvitationConnection, { description: 'Invitations you could have sent, newest first.' })
  invitations(@CurrentPrincipal() p: Principal, @Args() args: InvitationsArgs): Promise<Connection<Invitation>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Public()
  @Query(() => InvitationPreviewType, { description: 'What an invitation link is for (no log-in needed: the token is the credential).' })
  invitationPreview(@Args('token', { type: () => String }) token: string): Promise<InvitationPreview> {
    return this.service.preview(token);
  }

  @Public()
  @Mutation(() => AuthPayloadType, {
    description: 'Accept an invitation and log in: set a password for a new account, or give your current one.',
  })
  acceptInvitation(@Args('input') input: AcceptInvitationInput): Promise<AuthPayload> {
    return this.service.accept({ ...input });
  }

  @ResolveField(() => InvitationStateValue)
  state(@Parent() invitation: Invitation): string {
    return invitationState(invitation, this.clock.now());
  }
}
