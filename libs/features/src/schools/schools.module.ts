import { Module } from '@nestjs/common';
import { SchoolClusterRepository, SchoolRepository } from './schools.repository';
import { SchoolsResolver } from './schools.resolver';
import { SchoolsService } from './schools.service';

/** Schools of a hub. Exports the service (scope look-ups for pupils, requests, bookings). */
@Module({
  providers: [SchoolRepository, SchoolClusterRepository, SchoolsService, SchoolsResolver],
  exports: [SchoolsService, SchoolRepository],
})
export class SchoolsModule {}
