export * from './mail.options';
export * from './mail.service';
export * from './mail.module';
export * from './templates';
export * from './delivery-check';
export * from './mail-composer';
