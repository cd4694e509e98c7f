import { Injectable } from '@nestjs/common';
import { Clock } from '@tandem/domain';
import { PasswordReset, SystemDb, TenantDb } from '@tandem/persistence';
import { AppConfig, LinkTokens, type ComposedEmail, type MailComposer, type MailPayloadOf } from '@tandem/platform';
import { passwordResetEmail } from './password-reset-email';

/** The purpose string of password-reset link tokens (LinkTokens.derive). */
export const PASSWORD_RESET_LINK_PURPOSE = 'password-reset';

/** Where the link lands in the admin app. */
export function passwordResetUrl(publicAppUrl: string, token: string): string {
  return `${publicAppUrl}/password-reset?token=${encodeURIComponent(token)}`;
}

/** "Reset your Tandem password", while the link is unused and unexpired. */
@Injectable()
export class PasswordResetMailComposer implements MailComposer<'password_reset'> {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly systemDb: SystemDb,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  async compose({ passwordResetId }: MailPayloadOf<'password_reset'>): Promise<ComposedEmail[]> {
    const reset = await this.db.transaction((em) => em.findOneBy(PasswordReset, { id: passwordResetId }));
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= this.clock.now().getTime()) return [];
    const user = await this.systemDb.findUserById(reset.userId);
    if (!user || user.disabledAt) return [];
    const { token } = this.links.derive(PASSWORD_RESET_LINK_PURPOSE, reset.id, reset.tokenHash);
    return [
      {
        to: user.email,
        rendered: passwordResetEmail({ resetUrl: passwordResetUrl(this.config.publicAppUrl, token), expiresAt: reset.expiresAt }),
      },
    ];
  }
}
