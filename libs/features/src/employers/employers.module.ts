import { Module } from '@nestjs/common';
import { EmployerContactRepository, EmployerRepository, VettingCheckRepository } from './employers.repository';
import { EmployerContactResolver, EmployersResolver, VettingCheckResolver } from './employers.resolver';
import { EmployersService } from './employers.service';

/** Employers, their contacts and vetting checks. Exports the service for offers (employer look-ups). */
@Module({
  providers: [
    EmployerRepository,
    EmployerContactRepository,
    VettingCheckRepository,
    EmployersService,
    EmployersResolver,
    EmployerContactResolver,
    VettingCheckResolver,
  ],
  exports: [EmployersService],
})
export class EmployersModule {}
