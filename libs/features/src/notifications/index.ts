export * from './mail-composers';
export * from './mail.processor';
export * from './notifications.module';
