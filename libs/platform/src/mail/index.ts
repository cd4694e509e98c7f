export * from './mail.options';
export * from './mail.service';
export * from './mail.module';
export * from './templates';
export * from './mail-composer';
