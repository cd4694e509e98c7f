import { Module } from '@nestjs/common';
import { EmployersModule } from '@tandem/features/employers';
import { OfferRepository, OfferSessionRepository, OfferWindowRepository } from './offers.repository';
import { OffersResolver } from './offers.resolver';
import { OffersService } from './offers.service';

/** Employers' light-touch offers with their availability windows and sessions. */
@Module({
  imports: [EmployersModule],
  providers: [OfferRepository, OfferWindowRepository, OfferSessionRepository, OffersService, OffersResolver],
  exports: [OffersService],
})
export class OffersModule {}
