export { escapeHtml, safeUrl, oneLine } from './html';
export type { RenderedEmail } from './layout';
export { renderEmail, h, p, btn, facts, list, small, type Block, type EmailSpec, type Segment } from './email-blocks';
