export { escapeHtml, formatLondonDateTime, safeUrl, oneLine } from './html';
export { type RenderedEmail, layout, paragraph, heading, button, linkFallback } from './layout';
export { invitationEmail, type InvitationEmailInput } from './invitation';
export { passwordResetEmail, type PasswordResetEmailInput } from './password-reset';
