export { escapeHtml, formatLondonDateTime, safeUrl, oneLine } from './html';
export { type RenderedEmail } from './layout';
export { invitationEmail, type InvitationEmailInput } from './invitation';
