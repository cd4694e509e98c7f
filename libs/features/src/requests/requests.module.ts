import { Module } from '@nestjs/common';
import { RequestRepository, RequestSchoolRepository, RequestWindowRepository } from './requests.repository';
import { RequestsResolver } from './requests.resolver';
import { RequestsService } from './requests.service';

/** Schools' requests for encounters, with their time windows. */
@Module({
  providers: [RequestRepository, RequestWindowRepository, RequestSchoolRepository, RequestsService, RequestsResolver],
  exports: [RequestsService],
})
export class RequestsModule {}
