import { Module } from '@nestjs/common';
import { MAIL_COMPOSERS } from './mail-composers';
import { MailProcessor } from './mail.processor';

/** The worker's mail path: the `mail` queue processor and one composer per mail kind. */
@Module({
  providers: [MailProcessor, ...Object.values(MAIL_COMPOSERS)],
})
export class NotificationsJobsModule {}
