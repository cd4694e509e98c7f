import { DynamicModule, Global, Module } from '@nestjs/common';
import { MAIL_MODULE_OPTIONS, type MailModuleOptions } from './mail.options';
import { MailDeliveryCheck } from './delivery-check';
import { MailService } from './mail.service';

@Global()
@Module({})
export class MailModule {
  static forRoot(options: MailModuleOptions): DynamicModule {
    return {
      module: MailModule,
      global: true,
      providers: [
        { provide: MAIL_MODULE_OPTIONS, useValue: options },
        MailService,
        { provide: MailDeliveryCheck, useValue: new MailDeliveryCheck(options.deliveryCheckUrl ?? null) },
      ],
      exports: [MailService, MailDeliveryCheck, MAIL_MODULE_OPTIONS],
    };
  }
}
