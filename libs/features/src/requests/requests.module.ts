import { Module } from '@nestjs/common';
import { SchoolRepository } from '@tandem/features/schools';
import { RequestRepository, RequestWindowRepository } from './requests.repository';
import { RequestsResolver } from './requests.resolver';
import { RequestsService } from './requests.service';

/** Schools' requests for encounters, with their time windows. */
@Module({
  providers: [RequestRepository, RequestWindowRepository, SchoolRepository, RequestsService, RequestsResolver],
  exports: [RequestsService],
})
export class RequestsModule {}
