export * from './mail-composer';
export * from './mail-composers';
export * from './mail.processor';
export * from './notifications.module';
export { INVITATION_LINK_PURPOSE, invitationAcceptUrl } from './composers/invitation.composer';
export { PASSWORD_RESET_LINK_PURPOSE, passwordResetUrl } from './composers/password-reset.composer';
